using Marten;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Runs;

namespace Recon.Api.Tests.Reliability;

/// <summary>The same request sent many times at once: serialised where it must be, never done twice.</summary>
public class when_requests_race(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task ten_run_requests_at_once_queue_exactly_one_run_and_refuse_the_others_with_409()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(jobs: 40);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Host.Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/runs");
            x.IgnoreStatusCode();
        })).Select(async scenario => (await scenario).Context.Response.StatusCode));

        statuses.Count(status => status == 202).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(status => status == 409).ShouldBe(9, string.Join(", ", statuses));

        await using var query = Store.QuerySession();
        var runs = await query.Query<RunSummary>().Where(run => run.PeriodId == periodId).ToListAsync();
        var run = await Host.WaitForRun(runs.ShouldHaveSingleItem().RunId);
        run.Status.ShouldBe(RunStatus.Completed);
        ReliabilityReport.Add("10 concurrent run requests", 3);
    }

    [Fact]
    public async Task runs_requested_beyond_the_queue_limit_get_503_with_retry_after_and_the_queued_ones_all_complete()
    {
        var periods = new List<Guid>();
        for (var i = 0; i <= AppFixture.MaxQueuedRuns; i++)
        {
            periods.Add((await Host.GivenIngestedMonth(clientId: $"queue-{i}", jobs: 20, seed: i)).PeriodId);
        }

        var queued = new List<Guid>();
        await using (var faults = await HeldLocks.LockTableOfAsync<RunMatchView>(Store))
        {
            // The first run waits on the held table while recording; the others wait behind it in the queue.
            foreach (var periodId in periods.Take(AppFixture.MaxQueuedRuns))
            {
                queued.Add(await Host.RequestRun(periodId));
            }

            var refused = await Host.Scenario(x =>
            {
                x.Post.Url($"/api/periods/{periods[^1]}/runs");
                x.StatusCodeShouldBe(503);
            });
            refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe(RunQueueOptions.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await refused.ReadAsTextAsync()).ShouldContain("MaxQueued");
        }

        foreach (var runId in queued)
        {
            (await Host.WaitForRun(runId)).Status.ShouldBe(RunStatus.Completed);
        }

        (await Host.WaitForRun(await Host.RequestRun(periods[^1]))).Status.ShouldBe(RunStatus.Completed);
        ReliabilityReport.Add($"{AppFixture.MaxQueuedRuns + 1} runs queued at once", 4);
    }

    [Fact]
    public async Task twenty_decisions_on_one_exception_at_once_have_exactly_one_winner_and_nineteen_409s()
    {
        var (periodId, _) = await Host.GivenReconciledMonth(jobs: 60);
        var item = await Host.FirstInQueue(periodId);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(new { expectedVersion = item.Version, reasonCode = "billingCorrected", comment = $"racer {i}" }).ToUrl($"/api/exceptions/{item.ExceptionId}/resolve");
            x.IgnoreStatusCode();
        })).Select(async scenario => (await scenario).Context.Response.StatusCode));

        statuses.Count(status => status == 200).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(status => status == 409).ShouldBe(19, string.Join(", ", statuses));
        await using var query = Store.QuerySession();
        (await query.Events.FetchStreamStateAsync(item.ExceptionId))!.Version.ShouldBe(item.Version + 1);
        ReliabilityReport.Add("20 concurrent decisions", 3);
    }
}
