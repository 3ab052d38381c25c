using Alba;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Http;

public class when_responses_reach_a_browser(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void ShouldCarryTheSecurityHeaders(IScenarioResult result, string policy)
    {
        var headers = result.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldBe(policy);
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
    }

    [Theory]
    [InlineData("/api/periods", 200, false)]
    [InlineData("/api/no-such-thing", 404, false)]
    [InlineData("/health/live", 200, false)]
    [InlineData("/api/periods?page=0", 400, false)]
    [InlineData("/api/periods", 401, true)]
    public async Task every_response_carries_the_strict_policy_and_frame_and_sniffing_headers(string url, int status, bool anonymous)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url(url);
            if (anonymous)
            {
                x.Anonymously();
            }

            x.StatusCodeShouldBe(status);
        });

        ShouldCarryTheSecurityHeaders(result, StrictPolicy);
    }

    [Fact]
    public async Task swagger_ui_gets_inline_styles_but_no_inline_scripts_and_still_no_framing()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/swagger/index.html");
            x.Anonymously();
        });

        var policy = result.Context.Response.Headers.ContentSecurityPolicy.ToString();
        policy.ShouldContain("style-src 'self' 'unsafe-inline'");
        policy.ShouldContain("script-src 'self';");
        policy.ShouldContain("frame-ancestors 'none'");
        (await result.ReadAsTextAsync()).ShouldNotMatch(@"<script>[^<]");
        result.Context.Response.Headers.XFrameOptions.ToString().ShouldBe("DENY");
    }
}
