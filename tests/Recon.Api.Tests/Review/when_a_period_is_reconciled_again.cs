using Alba;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Review;

public class when_a_period_is_reconciled_again(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task every_queue_item_reports_its_case_streams_version_and_a_decision_sent_with_it_succeeds()
    {
        var (periodId, _) = await Host.GivenReconciledMonth(jobs: 120);
        (await Host.WaitForRun(await Host.RequestRun(periodId))).Status.ShouldBe(Domain.Runs.RunStatus.Completed);

        var items = await Host.AllQueuePages($"periodId={periodId}&status=all&limit=200");
        items.ShouldNotBeEmpty();
        await using var query = Store.QuerySession();
        foreach (var item in items)
        {
            var state = await query.Events.FetchStreamStateAsync(item.ExceptionId);
            item.Version.ShouldBe((int)state!.Version, $"exception {item.ExceptionId}");
        }

        var open = items.First(item => item.Status == "open");
        var detail = await Host.GetAsJson<Recon.Api.Review.ExceptionDetail>($"/api/exceptions/{open.ExceptionId}");
        detail!.Exception.Version.ShouldBe(open.Version);
        var assigned = await Host.Decide(open.ExceptionId, "assign", new { expectedVersion = open.Version, assignee = Users.TesterUserName });
        assigned.Exception.Version.ShouldBe(open.Version + 1);
    }
}
