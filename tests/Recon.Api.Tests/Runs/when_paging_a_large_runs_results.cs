using Alba;
using Marten;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.DataGenerator;
using Recon.Domain.Reconciliation;
using Recon.Domain.Runs;

namespace Recon.Api.Tests.Runs;

/// <summary>
/// A run of thousands of groups appends its events in several statement batches (<see cref="ExecuteRunHandler.AppendChunk"/>
/// events each): every match must still find its explanation (read from its event by version) on every page.
/// </summary>
public class when_paging_a_large_runs_results(LargeMonthHostFixture fixture) : LargeMonthContext(fixture)
{
    [Fact]
    public async Task every_match_and_exception_of_5000_jobs_is_listed_once_with_its_explanation_at_the_default_and_the_largest_page_size()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(new GeneratorOptions { ClientId = "northwind", JobCount = 5_000, Seed = 31, Noise = NoiseLevel.Medium });
        var runId = await Host.RequestRun(periodId);
        var run = await Host.WaitForRun(runId, TimeSpan.FromMinutes(3));
        run.Status.ShouldBe(RunStatus.Completed, run.FailureReason);
        var kpis = run.Kpis!;
        kpis.Matches.ShouldBeGreaterThan(3 * ExecuteRunHandler.AppendChunk / 2, "the run's events span several append batches");

        var pageCounts = new List<int>();
        foreach (var limit in new int?[] { null, RunItemsQuery.MaxLimit })
        {
            var read = await Reader.ReadAsync(runId, limit);
            pageCounts.Add(read.Pages);

            read.ShouldSatisfyAllConditions(
                $"page size {limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"}",
                r => r.Matches.Count.ShouldBe(kpis.Matches),
                r => r.Matches.Select(m => m.MatchId).Distinct().Count().ShouldBe(kpis.Matches),
                r => r.Matches.Count(m => m.Method == MatchMethod.Exact).ShouldBe(kpis.ExactMatches),
                r => r.Matches.Count(m => m.Method == MatchMethod.Fuzzy).ShouldBe(kpis.FuzzyMatches),
                r => r.Matches.ShouldAllBe(m => m.Explanation != null && m.Explanation.RuleVersion == run.RuleConfigurationVersion && m.Explanation.Summary.Length > 0),
                r => r.Exceptions.Count.ShouldBe(kpis.Exceptions),
                r => r.Exceptions.Select(e => e.ExceptionId).Distinct().Count().ShouldBe(kpis.Exceptions),
                r => r.Exceptions.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Count())
                    .ShouldBe(kpis.ExceptionsByCategory.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value), ignoreOrder: true),
                r => r.Exceptions.Count(e => e.Status == ExceptionStatus.AutoResolved).ShouldBe(kpis.AutoResolved),
                r => r.Exceptions.Where(e => e.MatchId != null).Select(e => e.MatchId!.Value).ShouldBeSubsetOf(r.Matches.Select(m => m.MatchId)));
        }

        pageCounts[1].ShouldBeLessThan(pageCounts[0]);
    }

    [Fact]
    public async Task every_rate_anomaly_of_a_large_run_is_listed()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(new GeneratorOptions { ClientId = "northwind", JobCount = 5_000, Seed = 31, Noise = NoiseLevel.Medium });
        var runId = await Host.RequestRun(periodId);
        (await Host.WaitForRun(runId, TimeSpan.FromMinutes(3))).Status.ShouldBe(RunStatus.Completed);
        await using var query = Store.QuerySession();
        var flagged = await query.Events.QueryRawEventDataOnly<RateAnomalyFlagged>().CountAsync(e => e.RunId == runId);

        var anomalies = await Host.GetAsJson<List<RateAnomaly>>($"/api/runs/{runId}/anomalies");

        flagged.ShouldBeGreaterThan(1);
        anomalies!.Count.ShouldBe(flagged);
    }

    [Fact]
    public async Task a_run_recorded_without_its_match_events_versions_still_lists_every_explanation()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(new GeneratorOptions { ClientId = "northwind", JobCount = 300, Seed = 31, Noise = NoiseLevel.Medium });
        var runId = await Host.RequestRun(periodId);
        var run = await Host.WaitForRun(runId);
        var before = await Reader.ReadAsync(runId, RunItemsQuery.MaxLimit);

        // As runs appended before the fix recorded their later batches: every view's event version unknown (0).
        var table = Store.Options.FindOrResolveDocumentType(typeof(RunMatchView)).TableName.QualifiedName;
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {table} set data = jsonb_set(data, '{{eventVersion}}', '0') where data ->> 'runId' = ?", runId.ToString());
            await session.SaveChangesAsync();
        }

        var after = await Reader.ReadAsync(runId);

        after.Matches.Count.ShouldBe(run.Kpis!.Matches);
        after.Matches.Select(m => (m.MatchId, m.Explanation.Summary, m.Explanation.Score))
            .ShouldBe(before.Matches.Select(m => (m.MatchId, m.Explanation.Summary, m.Explanation.Score)));
    }
}
