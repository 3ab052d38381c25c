using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_a_line_names_its_job
{
    [Fact]
    public void the_pair_is_an_exact_match_explained_field_by_field()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", " j-100001 ")]);

        var group = result.GroupOf("JOB-100001");
        group.ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.Exact),
            g => g.IsException.ShouldBeFalse(),
            g => g.Resolution.ShouldBeNull(),
            g => g.LedgerLineIds.ShouldBe(["INV-1/1"]),
            g => g.Match!.Method.ShouldBe(MatchMethod.Exact),
            g => g.Match!.Confidence.ShouldBe(1.0),
            g => g.Match!.Explanation.Score.ShouldBe(1.0),
            g => g.Match!.Explanation.RuleVersion.ShouldBe(RuleConfiguration.Default.Version),
            g => g.Match!.Explanation.Threshold.ShouldBe(RuleConfiguration.Default.MatchThreshold),
            g => g.Match!.Explanation.Fields.Select(f => f.Field).ShouldBe(["site", "service", "service_date", "amount", "reference", "quantity", "unit_rate"]),
            g => g.Match!.Explanation.Fields.ShouldAllBe(f => f.Similarity == 1.0),
            g => g.Match!.Explanation.Summary.ShouldContain("job reference"));
    }

    [Fact]
    public void another_unit_price_is_a_rate_change_with_its_differences()
    {
        var result = Reconcile([Job("JOB-100001", quantity: 4, rate: 100)], [Line("INV-1/1", "JOB-100001", quantity: 4, price: 110)]);

        var group = result.GroupOf("JOB-100001");
        group.ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.RateChange),
            g => g.Difference.ShouldBe(40m),
            g => g.DifferencePercent.ShouldBe(10m),
            g => g.UnitRateDifference.ShouldBe(10m),
            g => g.QuantityDifference.ShouldBe(0m),
            g => g.Impact.ShouldBe(40m),
            g => g.Match!.Explanation.Fields.Single(f => f.Field == "amount").ShouldSatisfyAllConditions(
                f => f.ClientValue.ShouldBe("400.00"),
                f => f.LedgerValue.ShouldBe("440.00"),
                f => f.Similarity.ShouldBeLessThan(1.0)),
            g => g.Match!.Explanation.Summary.ShouldContain("+40.00"));
    }

    [Fact]
    public void a_site_name_that_names_none_of_the_clients_sites_is_no_site_mismatch()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001", site: null, customerSite: "The Big Glass Building")]);

        result.GroupOf("JOB-100001").Category.ShouldBe(Category.Exact);
    }

    [Fact]
    public void a_site_name_that_names_another_of_the_clients_sites_is_a_site_mismatch()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001", site: "S-002", customerSite: "Harbour Depot")]);

        result.GroupOf("JOB-100001").Category.ShouldBe(Category.SiteMismatch);
    }

    [Fact]
    public void another_quantity_is_a_quantity_change()
    {
        var result = Reconcile([Job("JOB-100001", quantity: 4, rate: 50)], [Line("INV-1/1", "JOB-100001", quantity: 5, price: 50)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.QuantityChange),
            g => g.QuantityDifference.ShouldBe(1m),
            g => g.Difference.ShouldBe(50m));
    }

    [Fact]
    public void a_total_off_by_cents_is_rounding()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001", total: 200.03m)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.Rounding),
            g => g.Difference.ShouldBe(0.03m),
            g => g.Impact.ShouldBe(0.03m));
    }

    [Fact]
    public void a_line_dated_outside_the_month_is_a_period_mismatch()
    {
        var result = Reconcile([Job("JOB-100001", date: "2026-10-30")], [Line("INV-1/1", "JOB-100001", date: "2026-11-02")]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.PeriodMismatch),
            g => g.Difference.ShouldBe(0m),
            g => g.Impact.ShouldBe(200m));
    }

    [Fact]
    public void a_line_under_another_service_is_a_service_mismatch()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001", service: "Carpet Cleaning")]);

        result.GroupOf("JOB-100001").Category.ShouldBe(Category.ServiceMismatch);
    }

    [Fact]
    public void a_reference_to_a_job_the_client_does_not_report_is_missing_in_client()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001"), Line("INV-1/2", "JOB-999999", total: 300m, quantity: 3)]);

        result.GroupOf("INV-1/2").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.MissingInClient),
            g => g.ClientJobIds.ShouldBeEmpty(),
            g => g.Match.ShouldBeNull(),
            g => g.Impact.ShouldBe(300m),
            g => g.Reason.ShouldContain("JOB-999999"));
    }
}
