using Alba;
using Recon.Api.Auth;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

public class when_sign_ins_keep_failing(AuthHostFixture fixture) : AuthHostContext(fixture)
{
    private Task<IScenarioResult> SignIn(string userName, string password, int status) =>
        Host.Scenario(x =>
        {
            x.Post.Json(new { userName, password }).ToUrl("/api/auth/sign-in");
            x.Anonymously();
            x.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task after_ten_failures_even_the_right_password_waits_until_the_window_has_passed()
    {
        var user = await Host.GivenUser("guessed-at", Roles.Auditor);
        for (var attempt = 0; attempt < SignInThrottle.MaxFailures; attempt++)
        {
            await SignIn(user.UserName, $"wrong-password-{attempt}", 401);
        }

        var refused = await SignIn(user.UserName, user.Password, 429);

        refused.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        (await refused.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Too many failed sign-ins");
        Logs.Lines.ShouldContain(m => m.Contains("too many failed attempts", StringComparison.Ordinal));
        Clock.Advance(SignInThrottle.Window);
        await SignIn(user.UserName, user.Password, 200);
    }

    [Fact]
    public async Task a_successful_sign_in_clears_the_count()
    {
        var user = await Host.GivenUser("forgetful", Roles.Auditor);
        for (var attempt = 0; attempt < SignInThrottle.MaxFailures - 1; attempt++)
        {
            await SignIn(user.UserName, "wrong-password-again", 401);
        }

        await SignIn(user.UserName, user.Password, 200);
        await SignIn(user.UserName, "one-more-wrong-password", 401);

        await SignIn(user.UserName, user.Password, 200);
    }
}
