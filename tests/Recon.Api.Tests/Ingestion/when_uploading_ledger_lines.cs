using System.Text;
using Marten;
using Recon.Api.Ingestion;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.Api.Tests.Ingestion;

public class when_uploading_ledger_lines(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string MessyLedger = "\uFEFF" + Uploads.Csv(
        Uploads.LedgerHeader,
        "INV-9001,1,J100234,Riverside Office Park,Window Clean - Ext,10/05/2026,2,125.00,\"$1,250.00\",USD,2026-11-02",
        "INV-9001,2, j-100234 ,\"riverside office park, bldg 2\",Pest Ctrl,05-Oct-2026,1,80,(80.00),usd,",
        "INV-9002,1,,N Distribution Ctr,HVAC maint.,2026-10-07,3,40.5,121.50,USD,11/03/2026");

    [Fact]
    public async Task messy_rows_are_accepted_and_recorded_normalized_with_their_lineage()
    {
        var periodId = await Host.GivenOpenPeriod();

        var (result, body) = await Host.UploadLedger(periodId, MessyLedger);

        body.ShouldSatisfyAllConditions(
            b => b.Duplicate.ShouldBeFalse(),
            b => b.RowsRead.ShouldBe(3),
            b => b.RowsAccepted.ShouldBe(3),
            b => b.RowsRejected.ShouldBe(0),
            b => b.RecordsNew.ShouldBe(3),
            b => b.Errors.ShouldBeEmpty());
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/batches/{body.BatchId}");

        await using var session = Store.QuerySession();
        var lines = (await session.Events.FetchStreamAsync(body.BatchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>()
            .SelectMany(chunk => chunk.Lines).Select(v => v.Record).ToList();
        lines.Select(l => l.LineId).ShouldBe(["INV-9001/1", "INV-9001/2", "INV-9002/1"]);
        lines[0].ShouldSatisfyAllConditions(
            l => l.CanonicalJobRef.ShouldBe("JOB-100234"),
            l => l.LineTotal.ShouldBe(new Money(1250.00m, "USD")),
            l => l.ServiceDate.ShouldBe(new DateOnly(2026, 10, 5)),
            l => l.CanonicalService.ShouldBe("Window Cleaning"),
            l => l.Raw["line_total"].ShouldBe("$1,250.00"),
            l => l.Lineage.ShouldBe(new RecordLineage(body.BatchId, "ledger.csv", 2)));
        lines[1].ShouldSatisfyAllConditions(
            l => l.CustomerSite.ShouldBe("riverside office park, bldg 2"),
            l => l.LineTotal.Amount.ShouldBe(-80.00m),
            l => l.CanonicalJobRef.ShouldBe("JOB-100234"));
        lines[2].CanonicalJobRef.ShouldBeNull();
    }

    [Fact]
    public async Task records_are_recorded_in_chunks_of_at_most_500_and_no_event_reaches_1_mb()
    {
        var periodId = await Host.GivenOpenPeriod();
        var rows = Enumerable.Range(1, 1_201).Select(i =>
            $"INV-{i / 3},{i % 3 + 1},J{100000 + i},\"Riverside Office Park, Building {i % 7}\",Window Clean - Ext,10/05/2026,2,125.00,\"$250.00\",USD,2026-11-02");

        var (_, body) = await Host.UploadLedger(periodId, Uploads.Csv([Uploads.LedgerHeader, .. rows]));

        body.RecordsNew.ShouldBe(1_201);
        await using var session = Store.QuerySession();
        var chunks = (await session.Events.FetchStreamAsync(body.BatchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>().ToList();
        chunks.Select(chunk => chunk.Lines.Count).ShouldBe([500, 500, 201]);
        chunks.Select(chunk => chunk.Chunk).ShouldBe([0, 1, 2]);
        chunks.ShouldAllBe(chunk => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(chunk, (System.Text.Json.JsonSerializerOptions?)null).Length < 1_000_000);
    }

    [Fact]
    public async Task bad_rows_are_quarantined_with_line_field_and_reason_while_good_rows_are_accepted()
    {
        var periodId = await Host.GivenOpenPeriod();
        var csv = Uploads.Csv(
            Uploads.LedgerHeader,
            "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,",
            "INV-1,2,J2,Site A,Window Cleaning,2026-13-45,1,10.00,10.00,USD,",
            "INV-1,3,J3,Site A,Window Cleaning,2026-10-03,1,10.00,ten,XYZ,",
            "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,");

        var (_, body) = await Host.UploadLedger(periodId, csv);

        body.RowsAccepted.ShouldBe(1);
        body.RowsRejected.ShouldBe(3);
        body.Errors.ShouldBe(
        [
            new RowError(3, "service_date", "'2026-13-45' is not a date (yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy)"),
            new RowError(4, "line_total", "'ten' is not an amount"),
            new RowError(4, "currency", "'XYZ' is not an ISO 4217 currency code"),
            new RowError(5, "line_no", "Invoice line INV-1/1 already appears at line 2 of this file."),
        ]);

        var page = await (await Scenario(x => x.Get.Url($"/api/batches/{body.BatchId}/rejected-rows?pageSize=2"))).ReadAsJsonAsync<RejectedRowsPage>();
        page.TotalCount.ShouldBe(3);
        page.Items.Select(row => row.Line).ShouldBe([3, 4]);
        page.Items[0].Raw["service_date"].ShouldBe("2026-13-45");
    }

    [Fact]
    public async Task the_same_file_twice_adds_nothing_and_says_so()
    {
        var periodId = await Host.GivenOpenPeriod();
        var (_, first) = await Host.UploadLedger(periodId, MessyLedger);

        var (_, second) = await Host.UploadLedger(periodId, MessyLedger, status: 200, fileName: "ledger-again.csv");

        second.Duplicate.ShouldBeTrue();
        second.BatchId.ShouldBe(first.BatchId);
        second.RowsAccepted.ShouldBe(3);
        var batches = await (await Scenario(x => x.Get.Url($"/api/periods/{periodId}/batches"))).ReadAsJsonAsync<BatchList>();
        batches.Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_line_delivered_again_with_other_values_becomes_its_next_version()
    {
        var periodId = await Host.GivenOpenPeriod();
        await Host.UploadLedger(periodId, Uploads.Csv(
            Uploads.LedgerHeader,
            "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,",
            "INV-1,2,J2,Site A,Window Cleaning,2026-10-02,1,20.00,20.00,USD,"));

        var (_, second) = await Host.UploadLedger(periodId, Uploads.Csv(
            Uploads.LedgerHeader,
            "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,\"$10.00\",USD,",
            "INV-1,2,J2,Site A,Window Cleaning,2026-10-02,1,25.00,25.00,USD,",
            "INV-1,3,J3,Site A,Window Cleaning,2026-10-03,1,30.00,30.00,USD,"));

        second.ShouldSatisfyAllConditions(
            b => b.RecordsNew.ShouldBe(1),
            b => b.RecordsChanged.ShouldBe(1),
            b => b.RecordsUnchanged.ShouldBe(1));
        await using var session = Store.QuerySession();
        var recorded = (await session.Events.FetchStreamAsync(second.BatchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>()
            .SelectMany(chunk => chunk.Lines).ToList();
        recorded.Select(v => (v.Record.LineId, v.Version)).ShouldBe([("INV-1/2", 2), ("INV-1/3", 1)]);
    }

    [Fact]
    public async Task a_binary_file_is_refused_and_nothing_is_stored()
    {
        var periodId = await Host.GivenOpenPeriod();

        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.File([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF], "ledger.xlsx")).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("ledger.xlsx is not a CSV text file (it holds binary data or is not UTF-8).");
        await ShouldHaveNoBatches(periodId);
    }

    [Theory]
    [InlineData("", "Empty file", "empty.csv is empty.")]
    [InlineData("invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date\r\n", "Empty file", "empty.csv has a header row but no data rows.")]
    [InlineData("invoice_number,line_no,description\r\nINV-1,1,x\r\n", "Missing columns", "empty.csv, line 1: The header row lacks required column(s): customer_site, service_date, qty, unit_price, line_total, currency.")]
    public async Task an_empty_file_or_one_without_the_required_columns_is_refused(string content, string title, string detailStart)
    {
        var periodId = await Host.GivenOpenPeriod();

        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.CsvFile(content, "empty.csv")).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString()!.ShouldStartWith(detailStart);
        await ShouldHaveNoBatches(periodId);
    }

    [Fact]
    public async Task a_file_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        var periodId = await Host.GivenOpenPeriod();
        var row = "INV-1,1,J1,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,\r\n";
        var big = new StringBuilder(Uploads.LedgerHeader + "\r\n");
        while (big.Length <= AppFixture.MaxFileBytes)
        {
            big.Append(row);
        }

        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.CsvFile(big.ToString())).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(413);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The upload exceeds the 512 KB limit (Recon:Ingestion:MaxFileBytes).");
        await ShouldHaveNoBatches(periodId);
    }

    [Fact]
    public async Task a_request_without_the_file_field_is_refused()
    {
        var periodId = await Host.GivenOpenPeriod();
        var form = new MultipartFormDataContent { { new StringContent("x"), "document" } };

        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(form).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The multipart field 'file' is missing.");
    }

    [Theory]
    [InlineData("file")]
    [InlineData("other")]
    public async Task a_request_with_a_second_file_is_refused_naming_both_and_nothing_is_stored(string secondField)
    {
        var periodId = await Host.GivenOpenPeriod();
        var form = Uploads.CsvFile(MessyLedger, "october.csv");
        var second = new ByteArrayContent(Encoding.UTF8.GetBytes(MessyLedger));
        form.Add(second, secondField, "november.csv");

        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(form).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(400);
        });

        var detail = (await result.ReadProblemAsync()).GetProperty("detail").GetString()!;
        detail.ShouldContain("october.csv");
        detail.ShouldContain("november.csv");
        await using var query = Store.QuerySession();
        (await query.Query<BatchSummary>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_upload_to_an_unknown_period_is_a_404()
    {
        var result = await Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.CsvFile(MessyLedger)).ToUrl($"/api/periods/{Guid.NewGuid()}/ledger-lines");
            x.StatusCodeShouldBe(404);
        });

        (await result.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Period not found");
    }

    [Fact]
    public async Task configured_header_aliases_are_understood()
    {
        var periodId = await Host.GivenOpenPeriod();
        var csv = Uploads.Csv(
            "Invoice Number,Line No,Job Reference,Customer Site,Description,Service Date,Qty,Unit Price,Line Total,Currency",
            "INV-7,1,JOB-55,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD");

        var (_, body) = await Host.UploadLedger(periodId, csv);

        body.RowsAccepted.ShouldBe(1);
    }

    private async Task ShouldHaveNoBatches(Guid periodId)
    {
        await using var session = Store.QuerySession();
        (await session.Query<BatchSummary>().CountAsync()).ShouldBe(0);
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(1);
    }
}
