using Recon.Domain.Ingestion;
using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_a_line_has_no_usable_reference
{
    [Fact]
    public void it_matches_the_most_similar_job_and_names_the_runner_up()
    {
        var result = Reconcile(
            [Job("JOB-100001", date: "2026-10-05"), Job("JOB-100002", date: "2026-10-07", quantity: 3)],
            [Line("INV-1/1", null, date: "2026-10-05")]);

        var group = result.GroupOf("INV-1/1");
        group.ShouldSatisfyAllConditions(
            g => g.ClientJobIds.ShouldBe(["JOB-100001"]),
            g => g.Category.ShouldBe(Category.Exact),
            g => g.Match!.Method.ShouldBe(MatchMethod.Fuzzy),
            g => g.Match!.Explanation.Score.ShouldBeGreaterThanOrEqualTo(RuleConfiguration.Default.MatchThreshold),
            g => g.Match!.Explanation.Fields.Single(f => f.Field == "reference").Weight.ShouldBe(0),
            g => g.Match!.Explanation.Summary.ShouldContain("without a usable job reference"));
        result.GroupOf("JOB-100002").Category.ShouldBe(Category.MissingInLedger);
    }

    [Fact]
    public void runners_up_are_the_other_candidates_with_their_scores()
    {
        var result = Reconcile(
            [Job("JOB-100001", date: "2026-10-05"), Job("JOB-100002", date: "2026-10-06")],
            [Line("INV-1/1", null, date: "2026-10-05")]);

        var runnerUp = result.GroupOf("INV-1/1").Match!.Explanation.RunnersUp.ShouldHaveSingleItem();
        runnerUp.ClientJobIds.ShouldBe(["JOB-100002"]);
        runnerUp.Score.ShouldBeLessThan(result.GroupOf("INV-1/1").Match!.Explanation.Score);
    }

    [Fact]
    public void a_line_billed_to_another_site_is_found_through_service_and_amount_and_is_a_site_mismatch()
    {
        var result = Reconcile([Job("JOB-100001", site: "S-001")], [Line("INV-1/1", null, site: "S-002")]);

        result.GroupOf("INV-1/1").ShouldSatisfyAllConditions(
            g => g.ClientJobIds.ShouldBe(["JOB-100001"]),
            g => g.Category.ShouldBe(Category.SiteMismatch),
            g => g.Match!.Explanation.Fields.Single(f => f.Field == "site").Similarity.ShouldBeLessThanOrEqualTo(0.5));
    }

    [Fact]
    public void a_line_whose_site_did_not_resolve_is_compared_by_name()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", null, site: null, customerSite: "Riverside Ofice Park")]);

        result.GroupOf("INV-1/1").ShouldSatisfyAllConditions(
            g => g.ClientJobIds.ShouldBe(["JOB-100001"]),
            g => g.Category.ShouldBe(Category.Exact),
            g => g.Match!.Explanation.Fields.Single(f => f.Field == "site").Similarity.ShouldBeGreaterThan(0.9));
    }

    [Fact]
    public void a_line_too_unlike_any_job_stays_unmatched()
    {
        var result = Reconcile([Job("JOB-100001", date: "2026-10-05")], [Line("INV-1/1", null, date: "2026-10-09", quantity: 5)]);

        result.GroupOf("INV-1/1").Category.ShouldBe(Category.MissingInClient);
        result.GroupOf("JOB-100001").Category.ShouldBe(Category.MissingInLedger);
    }

    [Fact]
    public void a_line_naming_another_job_is_never_matched_fuzzily()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-777777")]);

        result.GroupOf("INV-1/1").ClientJobIds.ShouldBeEmpty();
    }

    [Fact]
    public void a_cancelled_job_is_matched_by_reference_or_by_a_line_billing_it_exactly()
    {
        var result = Reconcile(
            [
                Job("JOB-100001", status: JobStatus.Cancelled),
                Job("JOB-100002", status: JobStatus.Cancelled, date: "2026-10-12"),
                Job("JOB-100003", status: JobStatus.Cancelled, date: "2026-10-20"),
            ],
            [Line("INV-1/1", "JOB-100001"), Line("INV-1/2", null, date: "2026-10-12"), Line("INV-1/3", null, date: "2026-10-20", quantity: 3m)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.CancelledButBilled),
            g => g.ClientAmount.ShouldBe(0m),
            g => g.Difference.ShouldBe(200m),
            g => g.Impact.ShouldBe(200m));
        result.GroupOf("JOB-100002").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.CancelledButBilled),
            g => g.LedgerLineIds.ShouldBe(["INV-1/2"]));
        result.GroupOf("JOB-100003").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.Exact),
            g => g.IsException.ShouldBeFalse(),
            g => g.LedgerLineIds.ShouldBeEmpty());
        result.GroupOf("INV-1/3").Category.ShouldBe(Category.MissingInClient);
    }

    [Fact]
    public void a_line_differing_from_its_job_only_in_quantity_is_still_its_match()
    {
        var result = Reconcile([Job("JOB-100001", quantity: 2m, rate: 150m)], [Line("INV-1/1", null, quantity: 4m, price: 150m)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.QuantityChange),
            g => g.LedgerLineIds.ShouldBe(["INV-1/1"]),
            g => g.Match!.Method.ShouldBe(MatchMethod.Fuzzy));
    }

    [Fact]
    public void a_line_differing_in_both_quantity_and_price_is_not_matched_on_site_service_and_date_alone()
    {
        var result = Reconcile([Job("JOB-100001", quantity: 2m, rate: 150m)], [Line("INV-1/1", null, quantity: 4m, price: 170m)]);

        result.GroupOf("INV-1/1").Category.ShouldBe(Category.MissingInClient);
    }
}
