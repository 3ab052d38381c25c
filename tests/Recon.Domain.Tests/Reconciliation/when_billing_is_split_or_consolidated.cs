using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_billing_is_split_or_consolidated
{
    [Fact]
    public void lines_naming_one_job_that_add_up_to_it_are_split_billing()
    {
        var result = Reconcile(
            [Job("JOB-100001", quantity: 3)],
            [Line("INV-1/1", "JOB-100001", quantity: 1), Line("INV-1/2", "JOB-100001", quantity: 2)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.Count.ShouldBe(2),
            g => g.Category.ShouldBe(Category.SplitBilling),
            g => g.Difference.ShouldBe(0m),
            g => g.Match!.Method.ShouldBe(MatchMethod.Exact));
    }

    [Fact]
    public void a_split_part_without_reference_joins_the_job_it_completes()
    {
        var result = Reconcile(
            [Job("JOB-100001", quantity: 3)],
            [Line("INV-1/1", "JOB-100001", quantity: 1), Line("INV-1/2", null, quantity: 2)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.ShouldBe(["INV-1/1", "INV-1/2"]),
            g => g.Category.ShouldBe(Category.SplitBilling));
    }

    [Fact]
    public void unreferenced_lines_adding_up_to_a_job_are_found_by_subset_sum()
    {
        var result = Reconcile(
            [Job("JOB-100001", quantity: 6, rate: 40, service: "Janitorial")],
            [Line("INV-1/1", null, quantity: 2, price: 40, service: "Janitorial"), Line("INV-1/2", null, quantity: 4, price: 40, service: "Janitorial"), Line("INV-1/3", null, quantity: 5, price: 40, service: "Janitorial", date: "2026-10-20")]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.ShouldBe(["INV-1/1", "INV-1/2"]),
            g => g.Category.ShouldBe(Category.SplitBilling),
            g => g.Match!.Method.ShouldBe(MatchMethod.Fuzzy),
            g => g.Match!.Explanation.Summary.ShouldContain("subset sum"));
        result.GroupOf("INV-1/3").Category.ShouldBe(Category.MissingInClient);
    }

    [Fact]
    public void a_line_naming_the_first_of_several_jobs_it_bills_is_consolidated_billing()
    {
        var result = Reconcile(
            [Job("JOB-100001", date: "2026-10-05", quantity: 1), Job("JOB-100007", date: "2026-10-09", quantity: 2), Job("JOB-100009", date: "2026-10-14", quantity: 3)],
            [Line("INV-1/1", "JOB-100001", date: "2026-10-14", quantity: 6)]);

        result.GroupOf("INV-1/1").ShouldSatisfyAllConditions(
            g => g.ClientJobIds.ShouldBe(["JOB-100001", "JOB-100007", "JOB-100009"]),
            g => g.Category.ShouldBe(Category.ConsolidatedBilling),
            g => g.Difference.ShouldBe(0m));
    }

    [Fact]
    public void an_unreferenced_line_adding_up_jobs_of_its_site_and_service_is_consolidated_billing()
    {
        var result = Reconcile(
            [Job("JOB-100001", date: "2026-10-05", quantity: 1), Job("JOB-100007", date: "2026-10-14", quantity: 2), Job("JOB-100008", site: "S-002", date: "2026-10-14", quantity: 2)],
            [Line("INV-1/1", null, date: "2026-10-14", quantity: 3)]);

        result.GroupOf("INV-1/1").ShouldSatisfyAllConditions(
            g => g.ClientJobIds.ShouldBe(["JOB-100001", "JOB-100007"]),
            g => g.Category.ShouldBe(Category.ConsolidatedBilling));
        result.GroupOf("JOB-100008").Category.ShouldBe(Category.MissingInLedger);
    }

    [Fact]
    public void no_subset_is_larger_than_the_configured_size()
    {
        var rules = RuleConfiguration.Default with { MaxSubsetSize = 2 };

        var result = Reconcile(
            [Job("JOB-100001", quantity: 3)],
            [Line("INV-1/1", null, quantity: 1), Line("INV-1/2", null, quantity: 1), Line("INV-1/3", null, quantity: 1)],
            rules);

        result.GroupOf("JOB-100001").LedgerLineIds.Count.ShouldBeLessThan(3);
    }
}
