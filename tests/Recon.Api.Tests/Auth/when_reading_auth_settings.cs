using Microsoft.Extensions.Configuration;
using Recon.Api.Auth;

namespace Recon.Api.Tests.Auth;

public class when_reading_auth_settings
{
    private static AuthSettings Read(params (string Key, string Value)[] values) =>
        AuthSettings.Checked(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>($"Recon:Auth:{pair.Key}", pair.Value)))
            .Build());

    [Fact]
    public void the_defaults_are_30_minutes_idle_12_hours_absolute_no_demo_users_and_no_oidc()
    {
        var settings = Read();

        settings.ShouldBe(new AuthSettings(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12), null, false, null, null));
    }

    [Fact]
    public void demo_users_without_a_demo_password_stop_the_start()
    {
        Should.Throw<InvalidOperationException>(() => Read(("DemoUsers", "true")))
            .Message.ShouldStartWith("Recon:Auth:DemoPassword must be set when Recon:Auth:DemoUsers is true");
    }

    [Theory]
    [InlineData("AdminPassword", "short")]
    [InlineData("IdleTimeout", "soon")]
    [InlineData("AbsoluteTimeout", "-01:00:00")]
    [InlineData("DemoUsers", "yes")]
    public void a_bad_value_is_named(string key, string value)
    {
        Should.Throw<InvalidOperationException>(() => Read((key, value))).Message.ShouldStartWith($"Recon:Auth:{key} ");
    }

    [Fact]
    public void oidc_needs_authority_client_id_and_secret_together()
    {
        Should.Throw<InvalidOperationException>(() => Read(("Oidc:Authority", "https://idp.test"))).Message.ShouldStartWith("Recon:Auth:Oidc ");

        Read(("Oidc:Authority", "https://idp.test"), ("Oidc:ClientId", "recon"), ("Oidc:ClientSecret", "s"))
            .Oidc.ShouldBe(new OidcSettings("https://idp.test", "recon", "s", "single sign-on"));
    }
}
