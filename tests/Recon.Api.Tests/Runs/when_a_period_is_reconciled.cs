using Alba;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Reconciliation;
using Recon.Domain.Runs;
using Wolverine.Tracking;

namespace Recon.Api.Tests.Runs;

public class when_a_period_is_reconciled(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_run_completes_in_the_background_with_the_ground_truths_totals_and_a_decomposed_variance()
    {
        var (periodId, month) = await Host.GivenIngestedMonth();

        var runId = await Host.RequestRun(periodId);
        var run = await Host.WaitForRun(runId);

        run.Status.ShouldBe(RunStatus.Completed, run.FailureReason);
        run.Progress.ShouldBe(1m);
        run.Batches.Count.ShouldBe(2);
        run.ClientJobs.ShouldBe(month.Jobs.Count);
        run.LedgerLines.ShouldBe(month.LedgerLines.Count);
        run.RuleConfigurationVersion.ShouldBe(RuleConfiguration.Default.Version);
        run.RecordVersionsDigest.ShouldNotBeNullOrEmpty();
        var kpis = run.Kpis.ShouldNotBeNull();
        var truth = month.GroundTruth.Totals;
        kpis.ShouldSatisfyAllConditions(
            k => k.ClientTotal.ShouldBe(truth.ClientTotal),
            k => k.LedgerTotal.ShouldBe(truth.LedgerTotal),
            k => k.Variance.ShouldBe(truth.Variance),
            k => k.VarianceByCategory.Values.Sum().ShouldBe(k.Variance),
            k => k.VarianceIgnoringCents.ShouldBe(decimal.Truncate(truth.LedgerTotal) - decimal.Truncate(truth.ClientTotal)),
            k => k.OverLimit.ShouldBe(k.VariancePercent > 1m),
            k => k.Exceptions.ShouldBe(k.AutoResolved + k.RoutedToReview));

        var periodKpis = await Host.GetAsJson<PeriodKpisView>($"/api/periods/{periodId}/kpis");
        periodKpis!.LatestRunId.ShouldBe(runId);
        periodKpis.Kpis!.Variance.ShouldBe(kpis.Variance);

        var runs = await Host.GetAsJson<RunList>($"/api/periods/{periodId}/runs");
        runs!.Items.Select(r => r.RunId).ShouldBe([runId]);
    }

    [Fact]
    public async Task every_decision_is_an_event_of_the_run_stream_that_the_audit_history_replays()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(jobs: 120);
        var runId = await Host.RequestRun(periodId);
        var run = await Host.WaitForRun(runId);

        await using var session = Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(runId)).Select(e => e.Data).ToList();
        events[0].ShouldBeOfType<RunRequested>();
        System.Text.Json.JsonSerializer.Serialize(events[1].ShouldBeOfType<RunStarted>().Rules).ShouldBe(System.Text.Json.JsonSerializer.Serialize(RuleConfiguration.Default));
        events[^1].ShouldBeOfType<RunCompleted>().Kpis.Variance.ShouldBe(run.Kpis!.Variance);
        events.OfType<MatchDecided>().Count().ShouldBe(run.Kpis.Matches);
        events.OfType<ExceptionRaised>().Count().ShouldBe(run.Kpis.Exceptions);
        events.OfType<ExceptionAutoResolved>().Count().ShouldBe(run.Kpis.AutoResolved);
        events.OfType<ExceptionRoutedToReview>().Count().ShouldBe(run.Kpis.RoutedToReview);

        var history = await Host.GetAsJson<Audit.AuditEventsPage>($"/api/audit/periods/{periodId}/events?pageSize=500");
        history!.Items.ShouldContain(e => e.Type == "run_requested" && e.StreamId == runId);
        history.Items.ShouldContain(e => e.Type == "match_decided" && e.StreamId == runId && e.User == ExecuteRunHandler.Actor);
    }

    [Fact]
    public async Task a_run_message_delivered_again_after_completion_changes_nothing()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(jobs: 60);
        var runId = await Host.RequestRun(periodId);
        await Host.WaitForRun(runId);
        await using var before = Store.QuerySession();
        var count = (await before.Events.FetchStreamAsync(runId)).Count;

        await Host.InvokeMessageAndWaitAsync(new ExecuteRun(runId));

        await using var after = Store.QuerySession();
        (await after.Events.FetchStreamAsync(runId)).Count.ShouldBe(count);
    }

    [Fact]
    public async Task a_run_interrupted_after_it_started_resumes_on_the_snapshot_it_recorded()
    {
        var (periodId, month) = await Host.GivenIngestedMonth(jobs: 80);
        var runId = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession())
        {
            var batches = await RunSnapshot.CompletedBatchesAsync(session, periodId, default);
            var snapshot = await RunSnapshot.LoadAsync(session, periodId, batches, default);
            session.Events.StartStream<Run>(
                runId,
                new RunRequested(runId, periodId, "northwind", "2026-10", "tester", DateTimeOffset.UtcNow),
                new RunStarted(runId, periodId, batches, snapshot.Jobs.Count, snapshot.Lines.Count, snapshot.Digest, 1, RuleConfiguration.Default, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        // A batch arriving after the run started is not part of its snapshot.
        await Host.UploadLedger(periodId, Uploads.Csv(Uploads.LedgerHeader, "INV-LATE,1,,Somewhere,Window Cleaning,2026-10-10,1,100.00,100.00,USD,2026-10-31"), fileName: "late.csv");
        await Host.InvokeMessageAndWaitAsync(new ExecuteRun(runId));

        var run = await Host.GetAsJson<RunView>($"/api/runs/{runId}");
        run!.Status.ShouldBe(RunStatus.Completed);
        run.LedgerLines.ShouldBe(month.LedgerLines.Count);
        run.Kpis!.LedgerTotal.ShouldBe(month.GroundTruth.Totals.LedgerTotal);
    }

    [Fact]
    public async Task a_period_with_a_run_in_progress_refuses_another_with_409()
    {
        var periodId = await Host.GivenOpenPeriod();
        await using (var session = Store.LightweightSession())
        {
            var runId = Guid.CreateVersion7();
            session.Events.StartStream<Run>(runId, new RunRequested(runId, periodId, "acme", "2026-10", "tester", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var result = await Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/runs");
            x.StatusCodeShouldBe(409);
        });
        (await result.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("A run is already in progress");
    }

    [Fact]
    public async Task a_period_without_records_reconciles_to_zero_figures()
    {
        var periodId = await Host.GivenOpenPeriod();

        var run = await Host.WaitForRun(await Host.RequestRun(periodId));

        run.Status.ShouldBe(RunStatus.Completed, run.FailureReason);
        run.Batches.ShouldBeEmpty();
        run.Kpis!.ShouldSatisfyAllConditions(
            k => k.ClientTotal.ShouldBe(0m),
            k => k.LedgerTotal.ShouldBe(0m),
            k => k.Variance.ShouldBe(0m),
            k => k.VariancePercent.ShouldBe(0m),
            k => k.OverLimit.ShouldBeFalse(),
            k => k.Matches.ShouldBe(0),
            k => k.Exceptions.ShouldBe(0));
    }

    [Fact]
    public async Task unknown_periods_and_runs_are_404()
    {
        await Scenario(x =>
        {
            x.Post.Url($"/api/periods/{Guid.NewGuid()}/runs");
            x.StatusCodeShouldBe(404);
        });
        await Scenario(x =>
        {
            x.Get.Url($"/api/runs/{Guid.NewGuid()}");
            x.StatusCodeShouldBe(404);
        });
        await Scenario(x =>
        {
            x.Get.Url($"/api/runs/{Guid.NewGuid()}/exceptions");
            x.StatusCodeShouldBe(404);
        });
    }
}
