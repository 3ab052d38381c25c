using Alba;
using Recon.Api.Review;
using Recon.Api.Runs;

namespace Recon.Api.Tests.Fixtures;

public static class ReviewScenarios
{
    /// <summary>A generated month ingested and reconciled: its period, run and the run's KPIs.</summary>
    public static async Task<(Guid PeriodId, RunView Run)> GivenReconciledMonth(this IAlbaHost host, string clientId = "northwind", int jobs = 300, int seed = 11)
    {
        var (periodId, _) = await host.GivenIngestedMonth(clientId, jobs, seed);
        var run = await host.WaitForRun(await host.RequestRun(periodId));
        run.Status.ShouldBe(Domain.Runs.RunStatus.Completed);
        return (periodId, run);
    }

    /// <summary>Every page of the review queue for this query string (without cursor).</summary>
    public static async Task<List<ReviewItemView>> AllQueuePages(this IAlbaHost host, string query)
    {
        var items = new List<ReviewItemView>();
        string? cursor = null;
        do
        {
            var url = $"/api/review-queue?{query}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await host.GetAsJson<ReviewQueuePage>(url);
            items.AddRange(page!.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return items;
    }

    public static async Task<ReviewItemView> FirstInQueue(this IAlbaHost host, Guid periodId, string extra = "")
    {
        var page = await host.GetAsJson<ReviewQueuePage>($"/api/review-queue?periodId={periodId}&limit=1{extra}");
        return page!.Items.ShouldHaveSingleItem();
    }

    public static async Task<DecisionResult> Decide(this IAlbaHost host, Guid exceptionId, string decision, object body)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl($"/api/exceptions/{exceptionId}/{decision}");
            x.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<DecisionResult>();
    }
}
