using System.Diagnostics;
using Recon.Api.Ingestion;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Reliability;

/// <summary>More uploads at once than the API ingests: the extra ones wait outside, everyone else is served.</summary>
public class when_uploads_crowd_in(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task uploads_beyond_the_limit_get_429_with_retry_after_while_reads_sign_in_and_readiness_stay_fast()
    {
        var periodId = await Host.GivenOpenPeriod();
        var csv = Uploads.Csv(Uploads.LedgerHeader, "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,");

        // Hold the period's ledger turn, so the admitted uploads stay in flight for as long as the test needs.
        await using var turn = await HeldLocks.HoldLedgerUploadTurnAsync(Store, periodId);

        var admitted = Enumerable.Range(0, AppFixture.MaxConcurrentUploads)
            .Select(i => Host.Scenario(x =>
            {
                x.Post.MultipartFormData(Uploads.CsvFile(csv + $"INV-{i + 2},1,J2,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,\r\n")).ToUrl($"/api/periods/{periodId}/ledger-lines");
                x.IgnoreStatusCode();
            }))
            .ToList();
        await WaitUntilAsync(async () => await WaitingOnTheTurnAsync() == admitted.Count);

        var refused = await Host.Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.CsvFile(csv)).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(429);
        });
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe(UploadConcurrency.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await refused.ReadAsTextAsync()).ShouldContain("MaxConcurrentUploads");

        var watch = Stopwatch.StartNew();
        await Host.Scenario(x => x.Get.Url("/api/periods"));
        await Host.Scenario(x => x.Get.Url("/health/ready"));
        await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        await turn.DisposeAsync();
        foreach (var upload in admitted)
        {
            (await upload).Context.Response.StatusCode.ShouldBe(201);
        }

        // The slots are free again.
        await Host.UploadLedger(periodId, csv + "INV-9,1,J9,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,\r\n");
        ReliabilityReport.Add($"{AppFixture.MaxConcurrentUploads + 1} uploads at once", 6);
    }

    private async Task<long> WaitingOnTheTurnAsync()
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from pg_locks where locktype = 'advisory' and not granted", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition did not hold within 10 s.");
    }
}
