using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.Domain.Tests.Ingestion;

public class when_mapping_a_header_row
{
    [Fact]
    public void columns_match_in_any_order_case_and_spacing_and_with_a_bom()
    {
        string[] headers = ["\uFEFFInvoice_Number", " LINE_NO ", "job_ref", "customer_site", "description", "service_date", "qty", "unit_price", "line_total", "currency", "posted_date"];

        var result = HeaderMap.Resolve(headers, SourceSchema.LedgerLines);

        result.Error.ShouldBeNull();
        result.Map!.Columns["invoice_number"].ShouldBe(0);
        result.Map.Columns["line_no"].ShouldBe(1);
    }

    [Fact]
    public void configured_aliases_stand_for_canonical_columns()
    {
        string[] headers = ["Invoice #", "Line", "Job Reference", "Site", "Description", "Service Date", "Qty", "Unit Price", "Line Total", "Currency"];
        var aliases = new Dictionary<string, string>
        {
            ["Invoice #"] = "invoice_number",
            ["Line"] = "line_no",
            ["Job Reference"] = "job_ref",
            ["Site"] = "customer_site",
            ["Line Total"] = "line_total",
        };

        var result = HeaderMap.Resolve(headers, SourceSchema.LedgerLines, aliases);

        result.Error.ShouldBeNull();
        result.Map!.Columns["job_ref"].ShouldBe(2);
        result.Map.Columns["customer_site"].ShouldBe(3);
    }

    [Fact]
    public void missing_required_columns_are_all_named()
    {
        var result = HeaderMap.Resolve(["invoice_number", "line_no", "description"], SourceSchema.LedgerLines);

        result.Map.ShouldBeNull();
        result.Error!.ShouldStartWith("The header row lacks required column(s): customer_site, service_date, qty, unit_price, line_total, currency.");
    }
}

public class when_normalizing_ledger_lines
{
    private static readonly RowNormalizer Normalizer = new(
        new SiteRegistry([new Site("S-001", "Riverside Office Park", []), new Site("S-002", "North Distribution Center", [])]),
        ServiceCatalog.Default);

    private static readonly Guid BatchId = Guid.NewGuid();

    private static LedgerLineRow Row(
        string? jobRef = " j-100234 ", string site = "N Distribution Ctr", string description = "Window Clean - Ext",
        string date = "10/05/2026", string total = "$1,250.00", string currency = "usd", string lineNo = "2") =>
        new(7, "INV-9001", lineNo, jobRef, site, description, date, "5", "250.00", total, currency, "05-Nov-2026");

    [Fact]
    public void a_messy_line_becomes_canonical_values_with_its_raw_values_and_lineage()
    {
        var outcome = Normalizer.Normalize(Row(), BatchId, "ledger.csv");

        var line = outcome.Record.ShouldNotBeNull();
        line.ShouldSatisfyAllConditions(
            l => l.LineId.ShouldBe("INV-9001/2"),
            l => l.CanonicalJobRef.ShouldBe("JOB-100234"),
            l => l.JobRef.ShouldBe("j-100234"),
            l => l.CanonicalSiteCode.ShouldBe("S-002"),
            l => l.CanonicalService.ShouldBe("Window Cleaning"),
            l => l.ServiceDate.ShouldBe(new DateOnly(2026, 10, 5)),
            l => l.PostedDate.ShouldBe(new DateOnly(2026, 11, 5)),
            l => l.LineTotal.ShouldBe(new Money(1250.00m, "USD")),
            l => l.Raw["line_total"].ShouldBe("$1,250.00"),
            l => l.Raw["job_ref"].ShouldBe(" j-100234 "),
            l => l.Lineage.ShouldBe(new RecordLineage(BatchId, "ledger.csv", 7)));
    }

    [Fact]
    public void a_credit_in_parentheses_is_a_negative_total()
    {
        Normalizer.Normalize(Row(total: "(250.00)"), BatchId, "ledger.csv").Record!.LineTotal.Amount.ShouldBe(-250.00m);
    }

    [Fact]
    public void a_blank_job_reference_is_kept_as_none_not_rejected()
    {
        var line = Normalizer.Normalize(Row(jobRef: "  "), BatchId, "ledger.csv").Record!;

        line.JobRef.ShouldBeNull();
        line.CanonicalJobRef.ShouldBeNull();
    }

    [Fact]
    public void every_bad_value_of_a_row_is_reported_with_its_line_and_column()
    {
        var outcome = Normalizer.Normalize(Row(date: "2026-13-45", total: "12,50", currency: "dollars", lineNo: "0"), BatchId, "ledger.csv");

        outcome.Record.ShouldBeNull();
        var rejected = outcome.Rejected.ShouldNotBeNull();
        rejected.Line.ShouldBe(7);
        rejected.Errors.Select(e => e.Field).ShouldBe(["line_no", "service_date", "line_total", "currency"]);
        rejected.Errors.ShouldAllBe(e => e.Line == 7);
        rejected.Errors.Single(e => e.Field == "currency").Message.ShouldBe("'dollars' is not an ISO 4217 currency code");
        rejected.Raw["service_date"].ShouldBe("2026-13-45");
    }
}

public class when_normalizing_client_jobs
{
    private static readonly RowNormalizer Normalizer = new(
        new SiteRegistry([new Site("S-001", "Riverside Office Park", [])]), ServiceCatalog.Default);

    private static readonly ClientJobRowValidator Validator = new("acme");

    private static ClientJobRow Row(string clientId = "ACME", string status = "Completed", string date = "2026-10-05", string? siteCode = "S-001") =>
        new(3, "JOB-100234", clientId, siteCode, "Riverside Office Park", "Window Cleaning", date, "2", "125.00", "250.00", "USD", status, "PO-77");

    [Fact]
    public void a_good_row_becomes_a_normalized_job()
    {
        var job = Normalizer.Normalize(Row(), Validator, Guid.Empty, "jobs.csv").Record!;

        job.ShouldSatisfyAllConditions(
            j => j.JobId.ShouldBe("JOB-100234"),
            j => j.ClientId.ShouldBe("acme"),
            j => j.CanonicalSiteCode.ShouldBe("S-001"),
            j => j.CanonicalService.ShouldBe("Window Cleaning"),
            j => j.Amount.ShouldBe(new Money(250.00m, "USD")),
            j => j.Status.ShouldBe(JobStatus.Completed),
            j => j.IsBillable.ShouldBeTrue());
    }

    [Fact]
    public void a_cancelled_job_is_kept_but_not_billable()
    {
        Normalizer.Normalize(Row(status: "cancelled"), Validator, Guid.Empty, "jobs.csv").Record!.IsBillable.ShouldBeFalse();
    }

    [Fact]
    public void a_job_of_another_client_is_rejected()
    {
        var rejected = Normalizer.Normalize(Row(clientId: "globex"), Validator, Guid.Empty, "jobs.csv").Rejected!;

        rejected.Errors.ShouldHaveSingleItem().ShouldBe(new RowError(3, "client_id", "'globex' is not this period's client ('acme')"));
    }

    [Theory]
    [InlineData("10/05/2026")]
    [InlineData("05-Oct-2026")]
    [InlineData("2026-10-05")]
    public void client_exports_take_the_same_date_forms_as_the_ledger(string date)
    {
        Normalizer.Normalize(Row(date: date), Validator, Guid.Empty, "jobs.csv").Record!.ServiceDate.ShouldBe(new DateOnly(2026, 10, 5));
    }

    [Fact]
    public void a_day_first_client_reads_numeric_dates_day_first_and_refuses_other_forms_naming_them()
    {
        var dayFirst = new ClientJobRowValidator("acme", DateOrder.DayFirst);

        Normalizer.Normalize(Row(date: "05/10/2026"), dayFirst, Guid.Empty, "jobs.csv").Record!.ServiceDate.ShouldBe(new DateOnly(2026, 10, 5));
        var error = Normalizer.Normalize(Row(date: "10.05.2026"), dayFirst, Guid.Empty, "jobs.csv").Rejected!.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("service_date");
        error.Message.ShouldContain("dd/MM/yyyy");
    }

    [Fact]
    public void the_raw_values_never_hold_personal_data()
    {
        var job = Normalizer.Normalize(Row(), Validator, Guid.Empty, "jobs.csv").Record!;

        job.Raw.Keys.ShouldNotContain("contact_email");
        SourceSchema.ClientJobs.Personal.ShouldBe(["contact_email"]);
    }
}
