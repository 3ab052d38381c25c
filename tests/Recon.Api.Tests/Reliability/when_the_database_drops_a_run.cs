using Marten;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Runs;

namespace Recon.Api.Tests.Reliability;

/// <summary>Connections dropped by PostgreSQL (pg_terminate_backend) while a run records its results.</summary>
public class when_the_database_drops_a_run(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_connection_dropped_once_while_recording_is_retried_and_the_run_completes_recorded_once()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(jobs: 80);
        RunView run;
        await using (var faults = await HeldLocks.LockTableOfAsync<RunMatchView>(Store))
        {
            var runId = await Host.RequestRun(periodId);
            await faults.TerminateNextWaiterAsync(TimeSpan.FromSeconds(60));
            faults.Terminated.ShouldBe(1);
            await faults.DisposeAsync();
            run = await Host.WaitForRun(runId);
        }

        run.Status.ShouldBe(RunStatus.Completed);
        await using var query = Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(run.RunId);
        events.Count(e => e.Data is RunCompleted).ShouldBe(1);
        events.Count(e => e.Data is RunStarted).ShouldBe(1);
        var matches = await query.Query<RunMatchView>().Where(m => m.RunId == run.RunId).CountAsync();
        matches.ShouldBe(run.Kpis!.Matches);
        ReliabilityReport.Add("connection dropped while a run records", 4);
    }

    [Fact]
    public async Task connections_dropped_on_every_attempt_end_the_run_failed_with_its_reason_and_the_period_can_run_again()
    {
        var (periodId, _) = await Host.GivenIngestedMonth(jobs: 40);
        Guid runId;
        await using (var faults = await HeldLocks.LockTableOfAsync<RunMatchView>(Store))
        {
            runId = await Host.RequestRun(periodId);
            for (var attempt = 0; attempt < ExecuteRunHandler.MaxAttempts; attempt++)
            {
                await faults.TerminateNextWaiterAsync(TimeSpan.FromSeconds(60));
            }

            var failed = await Host.WaitForRun(runId);
            failed.Status.ShouldBe(RunStatus.Failed);
            failed.FailureReason.ShouldNotBeNullOrWhiteSpace();
            failed.FailureReason.ShouldContain("database");
        }

        var again = await Host.WaitForRun(await Host.RequestRun(periodId));
        again.Status.ShouldBe(RunStatus.Completed);
        ReliabilityReport.Add($"connection dropped on each of {ExecuteRunHandler.MaxAttempts} run attempts", 4);
    }
}
