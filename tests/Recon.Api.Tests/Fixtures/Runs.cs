using System.Diagnostics;
using Alba;
using Recon.Api.Runs;
using Recon.DataGenerator;
using Recon.Domain.Runs;

namespace Recon.Api.Tests.Fixtures;

public static class Runs
{
    /// <summary>A generated month (seeded, with its ground truth) uploaded to a new period: client jobs CSV, then the ledger CSV.</summary>
    public static Task<(Guid PeriodId, GeneratedMonth Month)> GivenIngestedMonth(this IAlbaHost host, string clientId = "northwind", int jobs = 300, int seed = 11) =>
        host.GivenIngestedMonth(new GeneratorOptions { ClientId = clientId, Month = "2026-10", JobCount = jobs, Seed = seed, Noise = NoiseLevel.Medium });

    /// <summary>The month these options generate, uploaded to a new period of its client and month.</summary>
    public static async Task<(Guid PeriodId, GeneratedMonth Month)> GivenIngestedMonth(this IAlbaHost host, GeneratorOptions options)
    {
        var month = MonthGenerator.Generate(options);
        var periodId = await host.GivenOpenPeriod(options.ClientId, options.Month);
        await host.UploadClientJobs(periodId, month.ClientJobsCsv());
        await host.UploadLedger(periodId, month.LedgerCsv());
        return (periodId, month);
    }

    public static async Task<Guid> RequestRun(this IAlbaHost host, Guid periodId)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/runs");
            x.StatusCodeShouldBe(202);
        });
        var runId = (await result.ReadAsJsonAsync<RunAccepted>()).RunId;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/runs/{runId}");
        return runId;
    }

    /// <summary>Polls the run as a client would, until it completes or fails.</summary>
    public static async Task<RunView> WaitForRun(this IAlbaHost host, Guid runId, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var run = await host.GetAsJson<RunView>($"/api/runs/{runId}");
            if (run!.Status is RunStatus.Completed or RunStatus.Failed)
            {
                return run;
            }

            if (watch.Elapsed > (timeout ?? TimeSpan.FromSeconds(90)))
            {
                throw new TimeoutException($"Run {runId} is still {run.Status} ({run.Phase}, {run.Progress:P0}) after {watch.Elapsed}.");
            }

            await Task.Delay(100);
        }
    }
}
