using Alba;
using Recon.Api.ReferenceData;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Reconciliation;

namespace Recon.Api.Tests.Runs;

public class when_reading_a_runs_results(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid RunId, RunKpis Kpis)> GivenCompletedRun(int jobs = 300)
    {
        var (periodId, _) = await Host.GivenIngestedMonth(jobs: jobs);
        var runId = await Host.RequestRun(periodId);
        var run = await Host.WaitForRun(runId);
        return (runId, run.Kpis!);
    }

    private async Task<List<T>> AllPages<T>(string url)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await Host.GetAsJson<Page<T>>(cursor is null ? url : $"{url}{separator}cursor={cursor}");
            items.AddRange(page!.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return items;
    }

    [Fact]
    public async Task exceptions_page_by_cursor_largest_impact_first_without_gaps_or_repeats()
    {
        var (runId, kpis) = await GivenCompletedRun();

        var exceptions = await AllPages<ExceptionItem>($"/api/runs/{runId}/exceptions?sort=impact&limit=7");

        exceptions.Count.ShouldBe(kpis.Exceptions);
        exceptions.Select(e => e.ExceptionId).Distinct().Count().ShouldBe(exceptions.Count);
        exceptions.Select(e => e.Impact).ShouldBeInOrder(SortDirection.Descending);
        exceptions.ShouldAllBe(e => e.Category != Category.Exact);
        exceptions.GroupBy(e => e.Category).Select(g => (g.Key, g.Count())).OrderBy(c => c.Key)
            .ShouldBe(kpis.ExceptionsByCategory.Where(c => c.Value > 0).Select(c => (c.Key, c.Value)).OrderBy(c => c.Key));
        exceptions.SelectMany(e => e.ClientJobIds).ShouldAllBe(id => id.StartsWith("JOB-"));
        exceptions.SelectMany(e => e.LedgerLineIds).ShouldAllBe(id => id.Contains('/'));
    }

    [Fact]
    public async Task exceptions_filter_by_category_and_status()
    {
        var (runId, kpis) = await GivenCompletedRun();
        var category = kpis.ExceptionsByCategory.Where(c => c.Value > 0).OrderByDescending(c => c.Value).First().Key;

        var byCategory = await AllPages<ExceptionItem>($"/api/runs/{runId}/exceptions?category={category}&limit=50");
        var open = await AllPages<ExceptionItem>($"/api/runs/{runId}/exceptions?status=open&limit=100");
        var autoResolved = await AllPages<ExceptionItem>($"/api/runs/{runId}/exceptions?status=autoResolved&limit=100");

        byCategory.Count.ShouldBe(kpis.ExceptionsByCategory[category]);
        byCategory.ShouldAllBe(e => e.Category == category);
        open.Count.ShouldBe(kpis.RoutedToReview);
        open.ShouldAllBe(e => e.Status == ExceptionStatus.Open && e.Priority >= 1);
        autoResolved.Count.ShouldBe(kpis.AutoResolved);
        autoResolved.ShouldAllBe(e => e.Status == ExceptionStatus.AutoResolved && e.Resolution != null);
    }

    [Fact]
    public async Task matches_carry_their_explanation_and_filter_by_method()
    {
        var (runId, kpis) = await GivenCompletedRun();

        var matches = await AllPages<MatchItem>($"/api/runs/{runId}/matches?limit=200");
        var fuzzy = await AllPages<MatchItem>($"/api/runs/{runId}/matches?method=fuzzy&limit=200");

        matches.Count.ShouldBe(kpis.Matches);
        fuzzy.Count.ShouldBe(kpis.FuzzyMatches);
        fuzzy.ShouldAllBe(m => m.Method == MatchMethod.Fuzzy);
        matches.ShouldAllBe(m => m.ClientJobIds.Count > 0 && m.LedgerLineIds.Count > 0);
        matches.ShouldAllBe(m => m.Explanation.RuleVersion == RuleConfiguration.Default.Version && m.Explanation.Fields.Count > 0);
        fuzzy.ShouldAllBe(m => m.Explanation.Score >= m.Explanation.Threshold);
    }

    [Theory]
    [InlineData("category=nonsense", "category")]
    [InlineData("status=closed", "status")]
    [InlineData("method=magic", "method")]
    [InlineData("sort=date", "sort")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    public async Task a_bad_filter_is_a_400_naming_the_parameter(string queryString, string field)
    {
        var (runId, _) = await GivenCompletedRun(jobs: 30);

        var result = await Scenario(x =>
        {
            x.Get.Url($"/api/runs/{runId}/exceptions?{queryString}");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task a_ledger_site_name_confirmed_by_job_reference_matches_is_learned_as_an_alias()
    {
        var periodId = await Host.GivenOpenPeriod("hooli", "2026-10");
        await Host.UploadClientJobs(periodId, Uploads.Csv(
            Uploads.ClientHeader,
            "JOB-200001,hooli,HQ-01,Hooli Headquarters,Window Cleaning,2026-10-05,2,100.00,200.00,USD,completed,,a@example.com",
            "JOB-200002,hooli,HQ-01,Hooli Headquarters,Window Cleaning,2026-10-06,1,100.00,100.00,USD,completed,,a@example.com",
            "JOB-200003,hooli,LAB-02,Hooli Research Lab,Pest Control,2026-10-07,1,80.00,80.00,USD,completed,,b@example.com"));
        await Host.UploadLedger(periodId, Uploads.Csv(
            Uploads.LedgerHeader,
            "INV-1,1,J200001,The Big Glass Building,Window Cleaning,2026-10-05,2,100.00,200.00,USD,2026-10-31",
            "INV-1,2,J200002,The Big Glass Building,Window Cleaning,2026-10-06,1,100.00,100.00,USD,2026-10-31",
            "INV-1,3,J200003,Hooli Research Lab,Pest Control,2026-10-07,1,80.00,80.00,USD,2026-10-31"));

        var run = await Host.WaitForRun(await Host.RequestRun(periodId));

        run.Status.ShouldBe(Domain.Runs.RunStatus.Completed, run.FailureReason);
        var sites = await Host.GetAsJson<List<SiteView>>("/api/clients/hooli/sites");
        sites!.Single(s => s.Code == "HQ-01").Aliases.ShouldContain("The Big Glass Building");
        sites!.Single(s => s.Code == "LAB-02").Aliases.ShouldBeEmpty();
    }
}

/// <summary>The shape of <c>MatchesPage</c> and <c>ExceptionsPage</c>, read generically.</summary>
public sealed record Page<T>(List<T> Items, string? NextCursor);
