using Marten;
using Recon.Api.Audit;
using Recon.Api.Ingestion;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Ingestion;

namespace Recon.Api.Tests.Ingestion;

public class when_uploading_client_jobs(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string Jobs = Uploads.Csv(
        Uploads.ClientHeader,
        "JOB-100234,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,2,125.00,250.00,USD,completed,PO-1,maria.lopez@example.com",
        "JOB-100235,acme,S-002,North Distribution Center,Pest Control,2026-10-06,1,80.00,80.00,USD,cancelled,,\"ops.north@example.com\"",
        "JOB-100236,globex,S-002,North Distribution Center,Pest Control,2026-10-06,1,80.00,80.00,USD,completed,,x@example.com");

    [Fact]
    public async Task jobs_of_the_periods_client_are_accepted_and_others_quarantined()
    {
        var periodId = await Host.GivenOpenPeriod("acme");

        var (_, body) = await Host.UploadClientJobs(periodId, Jobs);

        body.RowsAccepted.ShouldBe(2);
        body.Errors.ShouldBe([new RowError(4, "client_id", "'globex' is not this period's client ('acme')")]);
    }

    [Fact]
    public async Task job_dates_are_read_in_the_same_forms_as_the_ledgers()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        var csv = Uploads.Csv(
            Uploads.ClientHeader,
            "JOB-1,acme,S-001,Riverside Office Park,Window Cleaning,10/05/2026,2,125.00,250.00,USD,completed,PO-1,",
            "JOB-2,acme,S-001,Riverside Office Park,Window Cleaning,06-Oct-2026,2,125.00,250.00,USD,completed,PO-2,",
            "JOB-3,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-07,2,125.00,250.00,USD,completed,PO-3,");

        var (_, body) = await Host.UploadClientJobs(periodId, csv);

        body.RowsAccepted.ShouldBe(3);
        await using var query = Store.QuerySession();
        var jobs = (await query.Events.QueryRawEventDataOnly<ClientJobsNormalized>().ToListAsync()).SelectMany(e => e.Jobs).ToList();
        jobs.Select(job => job.Record.ServiceDate).Order().ShouldBe([new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 7)]);
    }

    [Fact]
    public async Task contact_emails_appear_in_no_event_response_or_audit_history()
    {
        var periodId = await Host.GivenOpenPeriod("acme");

        var (upload, body) = await Host.UploadClientJobs(periodId, Jobs);
        var rejected = await Scenario(x => x.Get.Url($"/api/batches/{body.BatchId}/rejected-rows"));
        var audit = await Scenario(x => x.Get.Url($"/api/audit/periods/{periodId}/events"));

        foreach (var text in new[] { await upload.ReadAsTextAsync(), await rejected.ReadAsTextAsync(), await audit.ReadAsTextAsync() })
        {
            text.ShouldNotContain("@example.com");
        }

        await using var session = Store.QuerySession();
        foreach (var stored in await session.Events.QueryAllRawEvents().ToListAsync())
        {
            System.Text.Json.JsonSerializer.Serialize(stored.Data).ShouldNotContain("example.com");
        }

        Logs.Lines.ShouldNotBeEmpty();
        Logs.Lines.ShouldAllBe(line => !line.Contains("example.com"));
    }

    [Fact]
    public async Task a_json_array_from_the_client_api_is_ingested_like_the_csv()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        var items = new[]
        {
            new { jobId = "JOB-1", clientId = "acme", siteCode = "S-001", siteName = "Riverside Office Park", serviceType = "Window Cleaning", serviceDate = "2026-10-05", quantity = 2m, unitRate = 125.00m, amount = 250.00m, currency = "USD", status = "completed", poNumber = (string?)null, contactEmail = "maria.lopez@example.com" },
        };

        var result = await Scenario(x =>
        {
            x.Post.Json(items).ToUrl($"/api/periods/{periodId}/client-jobs");
            x.StatusCodeShouldBe(201);
        });

        var body = await result.ReadAsJsonAsync<IngestionResult>();
        body.RowsAccepted.ShouldBe(1);
        (await result.ReadAsTextAsync()).ShouldNotContain("example.com");
        var batch = await (await Scenario(x => x.Get.Url($"/api/batches/{body.BatchId}"))).ReadAsJsonAsync<BatchSummary>();
        batch.Source.ShouldBe(BatchSource.ClientJson);
    }

    [Fact]
    public async Task ledger_site_names_resolve_against_the_clients_own_sites()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        await Host.UploadClientJobs(periodId, Jobs);

        var (_, ledger) = await Host.UploadLedger(periodId, Uploads.Csv(
            Uploads.LedgerHeader,
            "INV-1,1,J100234,riverside ofice park,Window Clean - Ext,10/05/2026,2,125.00,250.00,USD,",
            "INV-1,2,,N Distribution Ctr,Pest Ctrl,10/06/2026,1,80.00,80.00,USD,"));

        await using var session = Store.QuerySession();
        var lines = (await session.Events.FetchStreamAsync(ledger.BatchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>()
            .SelectMany(chunk => chunk.Lines).Select(v => v.Record).ToList();
        lines.Select(l => l.CanonicalSiteCode).ShouldBe(["S-001", "S-002"]);
    }
}

public class when_reading_a_periods_audit_history(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task it_lists_the_period_and_batch_events_in_order_with_who_and_which_request()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        await Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.CsvFile(Uploads.Csv(Uploads.LedgerHeader, "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,"))).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.WithRequestHeader("X-Correlation-ID", "upload-1");
            x.StatusCodeShouldBe(201);
        });

        var page = await (await Scenario(x => x.Get.Url($"/api/audit/periods/{periodId}/events"))).ReadAsJsonAsync<AuditEventsPage>();

        page.Items.Select(e => e.Type).ShouldBe(["period_opened", "batch_received", "ledger_lines_normalized", "batch_completed"]);
        page.Items.Select(e => e.Sequence).ShouldBeInOrder();
        page.Items.Skip(1).ShouldAllBe(e => e.CorrelationId == "upload-1" && e.User == "tester");
        page.TotalCount.ShouldBe(4);

        var second = await (await Scenario(x => x.Get.Url($"/api/audit/periods/{periodId}/events?page=2&pageSize=3"))).ReadAsJsonAsync<AuditEventsPage>();
        second.Items.Select(e => e.Type).ShouldBe(["batch_completed"]);
    }

    [Fact]
    public async Task an_unknown_period_has_no_history()
    {
        await Scenario(x =>
        {
            x.Get.Url($"/api/audit/periods/{Guid.NewGuid()}/events");
            x.StatusCodeShouldBe(404);
        });
    }
}
