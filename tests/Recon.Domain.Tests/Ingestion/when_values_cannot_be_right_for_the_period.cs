using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.Domain.Tests.Ingestion;

public class when_values_cannot_be_right_for_the_period
{
    private static readonly RowNormalizer Normalizer = new(new SiteRegistry([new Site("S-001", "Riverside Office Park", [])]), ServiceCatalog.Default, PlausibleValues.ForPeriod("2026-10"));

    private static RowOutcome<LedgerLineRecord> Ledger(string serviceDate, string qty = "2", string price = "10.00", string total = "20.00") =>
        Normalizer.Normalize(new LedgerLineRow(7, "INV-1", "1", "J1", "Riverside Office Park", "Window Cleaning", serviceDate, qty, price, total, "USD", null), Guid.NewGuid(), "ledger.csv");

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1900-10-05")]
    [InlineData("9999-12-31")]
    [InlineData("2025-09-30")]
    [InlineData("2027-02-01")]
    public void a_service_date_far_from_the_period_rejects_the_row_naming_the_field_and_the_window(string date)
    {
        var outcome = Ledger(date);

        outcome.Record.ShouldBeNull();
        var error = outcome.Rejected!.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("service_date");
        error.Line.ShouldBe(7);
        error.Message.ShouldContain("2025-10-01 to 2027-01-31");
    }

    [Theory]
    [InlineData("2025-10-01")]
    [InlineData("2026-10-15")]
    [InlineData("2027-01-31")]
    public void a_service_date_within_a_year_before_or_three_months_after_is_accepted(string date) =>
        Ledger(date).Record.ShouldNotBeNull();

    [Theory]
    [InlineData("-2", "10.00", "20.00")]
    [InlineData("2", "-10.00", "20.00")]
    public void a_charge_on_a_negative_quantity_or_rate_rejects_the_row(string qty, string price, string total)
    {
        var error = Ledger("2026-10-05", qty, price, total).Rejected!.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("line_total");
        error.Message.ShouldContain("opposite sign");
    }

    [Theory]
    [InlineData("-2", "10.00", "-20.00")]
    [InlineData("2", "10.00", "-20.00")]
    [InlineData("0", "10.00", "-20.00")]
    [InlineData("2", "10.00", "0")]
    public void credits_and_credit_notes_and_zero_lines_are_accepted(string qty, string price, string total) =>
        Ledger("2026-10-05", qty, price, total).Record.ShouldNotBeNull();

    [Fact]
    public void a_client_job_charged_on_a_negative_rate_is_rejected_on_the_amount()
    {
        var row = new ClientJobRow(3, "JOB-1", "acme", "S-001", "Riverside Office Park", "Window Cleaning", "2026-10-05", "2", "-125.00", "250.00", "USD", "completed", null);

        var error = Normalizer.Normalize(row, new ClientJobRowValidator("acme"), Guid.NewGuid(), "jobs.csv").Rejected!.Errors.ShouldHaveSingleItem();

        error.Field.ShouldBe("amount");
    }
}
