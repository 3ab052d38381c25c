using System.Net;
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

    private Task<IScenarioResult> SignInFrom(string address, string userName, string password, int status) =>
        Host.Scenario(x =>
        {
            x.Post.Json(new { userName, password }).ToUrl("/api/auth/sign-in");
            x.Anonymously();
            x.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address));
            x.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task fifty_failures_from_one_address_across_user_names_refuse_that_address_until_the_window_has_passed()
    {
        var user = await Host.GivenUser("sprayed", Roles.Auditor);
        for (var name = 0; name < 50; name++)
        {
            await SignInFrom("203.0.113.50", $"sprayed-name-{name}", "Spring2026!", 401);
        }

        var refused = await SignInFrom("203.0.113.50", user.UserName, user.Password, 429);

        refused.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        (await refused.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldStartWith("50 sign-ins failed from this address within 15 minutes");
        Logs.Lines.ShouldContain(m => m.Contains("for any user name from address 203.0.113.50", StringComparison.Ordinal));
        await SignInFrom("203.0.113.51", user.UserName, user.Password, 200);
        Clock.Advance(SignInThrottle.Window);
        await SignInFrom("203.0.113.50", user.UserName, user.Password, 200);
    }

    [Fact]
    public async Task a_success_in_between_does_not_clear_the_addresss_count()
    {
        var user = await Host.GivenUser("known-account", Roles.Auditor);
        for (var name = 0; name < 49; name++)
        {
            await SignInFrom("203.0.113.60", $"guess-{name}", "Spring2026!", 401);
        }

        await SignInFrom("203.0.113.60", user.UserName, user.Password, 200);
        await SignInFrom("203.0.113.60", "guess-49", "Spring2026!", 401);

        await SignInFrom("203.0.113.60", "guess-50", "Spring2026!", 429);
    }

    [Fact]
    public async Task the_per_name_limit_still_holds_below_the_address_limit()
    {
        var user = await Host.GivenUser("targeted", Roles.Auditor);
        for (var attempt = 0; attempt < SignInThrottle.MaxFailures; attempt++)
        {
            await SignInFrom("203.0.113.70", user.UserName, $"wrong-{attempt}", 401);
        }

        await SignInFrom("203.0.113.70", user.UserName, user.Password, 429);
        await SignInFrom("203.0.113.70", "someone-else", "wrong", 401);
    }
}
