using Recon.Api.Auth;
using Recon.Api.Periods;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

public class when_cookie_requests_change_data(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task without_the_xsrf_header_the_request_is_a_400_naming_the_header_and_changes_nothing()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.RemoveRequestHeader(SessionCookies.XsrfHeaderName);
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("X-XSRF-TOKEN");
        (await Scenario(x => x.Get.Url("/api/periods"))).ReadAsJson<PeriodsPage>()!.TotalCount.ShouldBe(0);
        Logs.Lines.ShouldContain(line => line.Contains("Refused POST /api/periods with 400: tester sent no valid X-XSRF-TOKEN"));
    }

    [Fact]
    public async Task a_wrong_xsrf_header_is_refused_too()
    {
        await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.WithRequestHeader(SessionCookies.XsrfHeaderName, "not-the-token");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task another_sessions_xsrf_token_does_not_fit()
    {
        var other = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.WithRequestHeader(SessionCookies.XsrfHeaderName, other.XsrfToken);
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task reads_need_no_xsrf_header()
    {
        await Scenario(x =>
        {
            x.Get.Url("/api/periods");
            x.RemoveRequestHeader(SessionCookies.XsrfHeaderName);
        });
    }

    [Fact]
    public async Task bearer_requests_need_no_xsrf_header()
    {
        var secret = await Host.GivenToken("ci", "readWrite");

        await Scenario(x =>
        {
            x.WithToken(secret);
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(201);
        });
    }
}
