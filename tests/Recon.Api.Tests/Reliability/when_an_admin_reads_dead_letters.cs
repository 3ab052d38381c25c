using Alba;
using Recon.Api.Operations;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Runs;

namespace Recon.Api.Tests.Reliability;

public class when_an_admin_reads_dead_letters(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_run_whose_failure_cannot_even_be_recorded_is_dead_lettered_listed_and_completes_when_replayed()
    {
        var (first, _) = await Host.GivenIngestedMonth(clientId: "first", jobs: 20, seed: 1);
        var (second, _) = await Host.GivenIngestedMonth(clientId: "second", jobs: 20, seed: 2);
        var summaries = $"{Store.Options.DatabaseSchemaName}.mt_doc_runsummary";
        Guid runId;
        await using (var busy = await HeldLocks.LockTableOfAsync<RunMatchView>(Store))
        {
            // The first run holds the run queue (runs execute one at a time) while the second is requested behind it.
            var firstRun = await Host.RequestRun(first);
            runId = await Host.RequestRun(second);

            // Every write to the second run's summary then waits on this row lock and is cancelled (57014: not
            // transient), so its start fails and so does the RunFailed meant to record it.
            await using var rows = await HeldLocks.OpenAsync(Store);
            await rows.LockRowsAsync(summaries, "id = $1", runId);
            await busy.DisposeAsync();
            (await Host.WaitForRun(firstRun)).Status.ShouldBe(RunStatus.Completed);

            DeadLetteredMessage? letter = null;
            for (var attempt = 0; attempt < 60 && letter is null; attempt++)
            {
                try
                {
                    await rows.CancelNextWaiterAsync(TimeSpan.FromSeconds(0.5));
                }
                catch (TimeoutException)
                {
                    // nothing waiting right now
                }

                letter = (await Host.GetAsJson<DeadLetteredMessageList>("/api/admin/dead-letters"))!.Items.FirstOrDefault(item => item.Summary?.Contains(runId.ToString()) == true);
            }

            letter.ShouldNotBeNull($"the run's message was not dead-lettered: {string.Join("; ", (await Host.GetAsJson<DeadLetteredMessageList>("/api/admin/dead-letters"))!.Items)}");
            letter.MessageType.ShouldContain("ExecuteRun");
            letter.Summary!.ShouldContain(runId.ToString());
            letter.ExceptionMessage.ShouldNotBeNullOrWhiteSpace();
            (await Host.GetAsJson<RunView>($"/api/runs/{runId}"))!.Status.ShouldBe(RunStatus.Queued);

            await rows.DisposeAsync();
            await Host.Scenario(x =>
            {
                x.Post.Url($"/api/admin/dead-letters/{letter.Id}/replay");
                x.StatusCodeShouldBe(202);
            });
        }

        (await Host.WaitForRun(runId)).Status.ShouldBe(RunStatus.Completed);
        (await Host.GetAsJson<DeadLetteredMessageList>("/api/admin/dead-letters"))!.Items.ShouldNotContain(item => item.Summary!.Contains(runId.ToString()) && !item.ReplayRequested);

        var missing = Guid.NewGuid();
        var unknown = await Host.Scenario(x =>
        {
            x.Post.Url($"/api/admin/dead-letters/{missing}/replay");
            x.StatusCodeShouldBe(404);
        });
        (await unknown.ReadAsTextAsync()).ShouldContain(missing.ToString());
        ReliabilityReport.Add("a run whose failure could not be recorded", 5);
    }
}
