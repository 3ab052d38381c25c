using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Platform;

public class when_a_request_goes_wrong(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task malformed_json_is_a_400_problem_without_internals()
    {
        var result = await Scenario(x =>
        {
            x.Post.Text("{\"clientId\": \"acme\", \"month\": ").ToUrl("/api/periods");
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.ToString().ShouldNotMatch(@"\bat [A-Z][\w.]+\(");
        problem.ToString().ShouldNotContain("Exception");
    }

    [Fact]
    public async Task an_unknown_api_route_is_a_404_problem()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/api/no-such-thing");
            x.StatusCodeShouldBe(404);
        });

        (await result.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task every_response_carries_the_callers_correlation_id()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/api/periods");
            x.WithRequestHeader("X-Correlation-ID", "ticket-8812");
        });

        result.Context.Response.Headers["X-Correlation-ID"].ToString().ShouldBe("ticket-8812");
    }

    [Fact]
    public async Task a_missing_or_unsafe_correlation_id_is_replaced_by_a_fresh_one()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/api/periods");
            x.WithRequestHeader("X-Correlation-ID", "<script>");
        });

        result.Context.Response.Headers["X-Correlation-ID"].ToString().ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task problems_quote_the_correlation_id()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url($"/api/periods/{Guid.NewGuid()}");
            x.WithRequestHeader("X-Correlation-ID", "ticket-9000");
            x.StatusCodeShouldBe(404);
        });

        (await result.ReadProblemAsync()).GetProperty("correlationId").GetString().ShouldBe("ticket-9000");
    }
}
