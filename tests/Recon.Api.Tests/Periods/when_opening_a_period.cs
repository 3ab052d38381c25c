using Marten;
using Recon.Api.Periods;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Periods;

namespace Recon.Api.Tests.Periods;

public class when_opening_a_period(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task it_answers_201_with_the_period_id_and_its_location()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(201);
        });

        var body = await result.ReadAsJsonAsync<PeriodOpenedResponse>();
        body.PeriodId.ShouldNotBe(Guid.Empty);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/periods/{body.PeriodId}");
    }

    [Fact]
    public async Task it_records_period_opened_with_the_request_correlation_id()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.WithRequestHeader("X-Correlation-ID", "audit-trail-42");
            x.StatusCodeShouldBe(201);
        });
        var periodId = (await result.ReadAsJsonAsync<PeriodOpenedResponse>()).PeriodId;

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(periodId);
        var opened = events.ShouldHaveSingleItem();
        opened.Data.ShouldBeOfType<PeriodOpened>().ShouldSatisfyAllConditions(
            e => e.ClientId.ShouldBe("acme"),
            e => e.Month.ShouldBe("2026-10"),
            e => e.OpenedBy.ShouldBe("tester"));
        opened.CorrelationId.ShouldBe("audit-trail-42");
        opened.UserName.ShouldBe("tester");
    }

    [Fact]
    public async Task it_can_be_read_back_from_the_projection()
    {
        var periodId = await Host.GivenOpenPeriod("Globex", "2026-09");

        var result = await Scenario(x => x.Get.Url($"/api/periods/{periodId}"));

        var period = await result.ReadAsJsonAsync<PeriodDetails>();
        period.ShouldSatisfyAllConditions(
            p => p.PeriodId.ShouldBe(periodId),
            p => p.ClientId.ShouldBe("globex"),
            p => p.Month.ShouldBe("2026-09"),
            p => p.Status.ShouldBe(PeriodStatus.Open));
        (await result.ReadAsTextAsync()).ShouldContain("\"status\":\"open\"");
    }

    [Fact]
    public async Task opening_the_same_client_and_month_again_is_a_409_problem()
    {
        await Host.GivenOpenPeriod("acme", "2026-10");

        var result = await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("ACME", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(409);
        });

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("Period already open");
        problem.GetProperty("detail").GetString().ShouldBe("Client 'acme' already has an open period for 2026-10.");
    }

    [Fact]
    public async Task concurrent_requests_for_the_same_client_and_month_open_exactly_one_period()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var result = await Host.Scenario(x =>
            {
                x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        statuses.Order().ShouldBe([201, 409, 409, 409, 409, 409]);
        await using var session = Store.QuerySession();
        (await session.Query<PeriodDetails>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_malformed_month_is_a_400_naming_the_month_field()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod("acme", "2026-13")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadProblemAsync();
        problem.FieldErrors("month").ShouldBe(["Month must be in the form YYYY-MM, e.g. 2026-10 (years 2000-2099)."]);
        problem.GetProperty("errors").TryGetProperty("clientId", out _).ShouldBeFalse();
        await using var session = Store.QuerySession();
        (await session.Query<PeriodDetails>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_missing_client_id_is_a_400_naming_the_client_id_field()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { month = "2026-10" }).ToUrl("/api/periods");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).FieldErrors("clientId").ShouldBe(["Client id is required."]);
    }
}
