using System.Net;
using Alba;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Http;

public class when_requests_come_through_a_proxy(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<IScenarioResult> SignIn(string from, string password, int status, string? forwardedFor = null, string? forwardedProto = null) =>
        Scenario(x =>
        {
            x.Post.Json(new { userName = Users.TesterUserName, password }).ToUrl("/api/auth/sign-in");
            x.Anonymously();
            x.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = IPAddress.Parse(from));
            if (forwardedFor is not null)
            {
                x.WithRequestHeader("X-Forwarded-For", forwardedFor);
            }

            if (forwardedProto is not null)
            {
                x.WithRequestHeader("X-Forwarded-Proto", forwardedProto);
            }

            x.StatusCodeShouldBe(status);
        });

    private static string[] SetCookies(IScenarioResult result) => result.Context.Response.Headers.SetCookie.Select(c => c!).ToArray();

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(attribute => attribute.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData(AppFixture.KnownProxy)]
    [InlineData("192.0.2.77")]
    public async Task behind_a_configured_tls_proxy_the_session_cookie_is_secure(string proxy)
    {
        var result = await SignIn(proxy, Users.TesterPassword, 200, forwardedFor: "198.51.100.10", forwardedProto: "https");

        SetCookies(result).ShouldContain(c => c.StartsWith("recon.session=", StringComparison.Ordinal) && IsSecure(c));
        SetCookies(result).ShouldAllBe(c => IsSecure(c));
    }

    [Fact]
    public async Task forwarded_headers_from_an_unlisted_address_are_ignored()
    {
        var result = await SignIn("203.0.113.9", Users.TesterPassword, 200, forwardedFor: "198.51.100.10", forwardedProto: "https");

        SetCookies(result).ShouldContain(c => c.StartsWith("recon.session=", StringComparison.Ordinal));
        SetCookies(result).ShouldAllBe(c => !IsSecure(c));
    }

    [Fact]
    public async Task sign_in_throttling_counts_the_client_address_the_proxy_forwarded_not_the_proxys()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await SignIn(AppFixture.KnownProxy, "wrong-password", 401, forwardedFor: "198.51.100.21");
        }

        await SignIn(AppFixture.KnownProxy, Users.TesterPassword, 429, forwardedFor: "198.51.100.21");
        await SignIn(AppFixture.KnownProxy, Users.TesterPassword, 200, forwardedFor: "198.51.100.22");
    }

    [Fact]
    public async Task an_unlisted_address_cannot_escape_throttling_by_claiming_another_client_address()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await SignIn("203.0.113.31", "wrong-password", 401, forwardedFor: $"198.51.100.{100 + attempt}");
        }

        await SignIn("203.0.113.31", Users.TesterPassword, 429, forwardedFor: "198.51.100.200");
    }
}
