using Recon.Api.Infrastructure;

namespace Recon.Api.Tests.Platform;

public class when_reading_a_dotenv_file
{
    [Fact]
    public void keys_become_configuration_keys_and_quotes_comments_and_exports_are_handled()
    {
        var values = DotEnvConfiguration.Parse(
            [
                "# a comment",
                "",
                "ConnectionStrings__Recon=Host=127.0.0.1;Port=55432",
                "export RECON_URL=http://localhost:5080",
                "Recon__Database__Schema = \"recon\"",
                "EMPTY=",
            ],
            ".env");

        values["ConnectionStrings:Recon"].ShouldBe("Host=127.0.0.1;Port=55432");
        values["RECON_URL"].ShouldBe("http://localhost:5080");
        values["Recon:Database:Schema"].ShouldBe("recon");
        values["EMPTY"].ShouldBe(string.Empty);
    }

    [Fact]
    public void a_line_without_an_equals_sign_is_reported_with_its_file_and_line()
    {
        var error = Should.Throw<FormatException>(() => DotEnvConfiguration.Parse(["A=1", "oops"], "/srv/recon/.env"));

        error.Message.ShouldStartWith("/srv/recon/.env, line 2:");
    }
}
