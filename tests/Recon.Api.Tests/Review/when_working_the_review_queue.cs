using Alba;
using Recon.Api.Review;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Review;

public class when_working_the_review_queue(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_completed_run_puts_its_routed_exceptions_in_the_queue_largest_impact_first()
    {
        var (periodId, run) = await Host.GivenReconciledMonth();

        var active = await Host.AllQueuePages($"periodId={periodId}&limit=17");
        var autoResolved = await Host.AllQueuePages($"periodId={periodId}&status=autoResolved&limit=200");

        active.Count.ShouldBe(run.Kpis!.RoutedToReview);
        active.ShouldAllBe(item => item.Status == "open" && item.PeriodId == periodId && item.Version == 1 && item.Currency == run.Kpis.Currency);
        active.Select(item => item.ExceptionId).Distinct().Count().ShouldBe(active.Count);
        active.Select(item => item.Impact).ShouldBeInOrder(SortDirection.Descending);
        autoResolved.Count.ShouldBe(run.Kpis.AutoResolved);
        autoResolved.ShouldAllBe(item => item.Resolution!.StartsWith("autoResolved"));
    }

    [Fact]
    public async Task the_queue_filters_by_category_site_text_impact_and_assignee()
    {
        var (periodId, _) = await Host.GivenReconciledMonth();
        var all = await Host.AllQueuePages($"periodId={periodId}&limit=200");
        var sample = all.First(item => item.SiteCodes.Count > 0 && item.ClientJobIds.Count > 0);

        (await Host.AllQueuePages($"periodId={periodId}&category={sample.Category}&limit=200"))
            .Select(i => i.ExceptionId).ShouldBe(all.Where(i => i.Category == sample.Category).Select(i => i.ExceptionId));
        (await Host.AllQueuePages($"periodId={periodId}&site={sample.SiteCodes[0]}&limit=200"))
            .Select(i => i.ExceptionId).ShouldBe(all.Where(i => i.SiteCodes.Contains(sample.SiteCodes[0], StringComparer.OrdinalIgnoreCase)).Select(i => i.ExceptionId));
        (await Host.AllQueuePages($"q={sample.ClientJobIds[0].ToLowerInvariant()}&limit=200"))
            .ShouldContain(i => i.ExceptionId == sample.ExceptionId);
        (await Host.AllQueuePages($"periodId={periodId}&minImpact=100&maxImpact=500&limit=200"))
            .Select(i => i.ExceptionId).ShouldBe(all.Where(i => i.Impact is >= 100 and <= 500).Select(i => i.ExceptionId));
        (await Host.AllQueuePages($"periodId={periodId}&assignee=none&limit=200")).Count.ShouldBe(all.Count);
        await Host.Decide(sample.ExceptionId, "assign", new AssignRequest(sample.Version, Users.TesterUserName));
        (await Host.AllQueuePages("assignee=me")).Select(i => i.ExceptionId).ShouldBe([sample.ExceptionId]);
        (await Host.AllQueuePages($"periodId={Guid.NewGuid()}")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("category=bogus", "category")]
    [InlineData("status=closed", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("q=x", "q")]
    [InlineData("minImpact=10&maxImpact=5", "maxImpact")]
    public async Task a_bad_filter_is_refused_naming_it(string query, string field)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url($"/api/review-queue?{query}");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task an_exception_shows_both_sides_raw_and_normalized_its_explanation_and_history()
    {
        var (periodId, _) = await Host.GivenReconciledMonth();
        var all = await Host.AllQueuePages($"periodId={periodId}&limit=200");
        var matched = all.First(i => i.MatchId is not null && i.ClientJobIds.Count > 0 && i.LedgerLineIds.Count > 0);

        var detail = await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{matched.ExceptionId}");

        detail!.Exception.ExceptionId.ShouldBe(matched.ExceptionId);
        detail.ClientJobs.Select(r => r.SourceId).ShouldBe(matched.ClientJobIds);
        detail.LedgerLines.Select(r => r.SourceId).ShouldBe(matched.LedgerLineIds);
        detail.ClientJobs[0].Raw.ShouldContainKey("job_id");
        string[] shared = ["jobReference", "site", "siteName", "service", "serviceDate", "quantity", "unitRate", "amount", "currency"];
        shared.ShouldBeSubsetOf(detail.ClientJobs[0].Normalized.Keys);
        shared.ShouldBeSubsetOf(detail.LedgerLines[0].Normalized.Keys);
        detail.LedgerLines.Sum(line => decimal.Parse(line.Normalized["amount"]!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(matched.LedgerAmount);
        detail.Explanation.ShouldNotBeNull().Fields.ShouldNotBeEmpty();
        detail.History.ShouldHaveSingleItem().Type.ShouldBe("opened");

        await Scenario(x =>
        {
            x.Get.Url($"/api/exceptions/{Guid.NewGuid()}");
            x.StatusCodeShouldBe(404);
        });
    }
}
