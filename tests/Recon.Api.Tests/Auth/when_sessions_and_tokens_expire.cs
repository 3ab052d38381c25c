using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

/// <summary>On the auth host: idle timeout 10 min (sliding), absolute timeout 25 min, and a clock the tests move.</summary>
public class when_sessions_and_tokens_expire(AuthHostFixture fixture) : AuthHostContext(fixture)
{
    [Fact]
    public async Task an_active_session_slides_past_the_idle_timeout()
    {
        var session = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Clock.Advance(TimeSpan.FromMinutes(7));
            await Scenario(x =>
            {
                x.WithSession(session);
                x.Get.Url("/api/periods");
            });
        }
    }

    [Fact]
    public async Task an_idle_session_ends()
    {
        var session = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        Clock.Advance(AuthHostFixture.IdleTimeout + TimeSpan.FromSeconds(1));

        var result = await Scenario(x =>
        {
            x.WithSession(session);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The session was idle for too long; sign in again.");
        Logs.Lines.ShouldContain(line => line.Contains("Refused GET /api/periods with 401") && line.Contains("idle for too long"));
    }

    [Fact]
    public async Task even_an_active_session_ends_at_the_absolute_timeout()
    {
        var session = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Clock.Advance(TimeSpan.FromMinutes(8));
            await Scenario(x =>
            {
                x.WithSession(session);
                x.Get.Url("/api/periods");
            });
        }

        Clock.Advance(TimeSpan.FromMinutes(2));
        var result = await Scenario(x =>
        {
            x.WithSession(session);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The session reached its absolute time limit; sign in again.");
    }

    [Fact]
    public async Task a_token_past_its_expiry_is_refused()
    {
        var secret = await Host.GivenToken("nightly", "readOnly", Clock.GetUtcNow().AddHours(1));
        await Scenario(x =>
        {
            x.WithToken(secret);
            x.Get.Url("/api/periods");
        });

        Clock.Advance(TimeSpan.FromHours(1));

        var result = await Scenario(x =>
        {
            x.WithToken(secret);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The API token has expired.");
    }

    [Fact]
    public async Task a_token_cannot_be_issued_already_expired()
    {
        await Scenario(x =>
        {
            x.Post.Json(new { name = "late", access = "readOnly", expiresAt = Clock.GetUtcNow().AddMinutes(-1) }).ToUrl("/api/admin/tokens");
            x.StatusCodeShouldBe(409);
        });
    }
}
