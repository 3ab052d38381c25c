using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_routing_exceptions
{
    // Ten jobs of 200.00: client total 2,000.00; with a 1% limit and a 10% share the auto-resolve budget is 2.00.
    private static readonly RuleConfiguration Rules = RuleConfiguration.Default with { AutoResolveBudgetShare = 0.10m };

    private static readonly decimal[] Cents = [0.90m, 0.10m, 0.80m, 0.20m, 0.70m, 0.30m, 0.60m, 0.40m];

    private static ReconciliationResult Run()
    {
        var jobs = Enumerable.Range(1, 10).Select(i => Job($"JOB-1000{i:00}", date: $"2026-10-{i:00}")).ToList();
        var lines = jobs.Select((job, i) => Line($"INV-1/{i + 1}", job.JobId, date: job.ServiceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), total: 200m + (i < Cents.Length ? Cents[i] : 0m)))
            .ToList();
        lines[8] = Line("INV-1/9", "JOB-100009", date: "2026-10-09", quantity: 3); // a quantity change of 100.00
        return Reconcile(jobs, lines, Rules);
    }

    [Fact]
    public void small_confident_roundings_are_auto_resolved_smallest_first_within_the_budget()
    {
        var result = Run();

        var rounding = result.Groups.Where(group => group.Category == Category.Rounding).OrderBy(group => group.Impact).ToList();
        rounding.Select(group => group.Resolution!.AutoResolved).ShouldBe([true, true, true, true, true, false, false, false]);
        result.Kpis.ShouldSatisfyAllConditions(
            k => k.AutoResolved.ShouldBe(5),
            k => k.AutoResolvedAmount.ShouldBe(1.60m),
            k => k.RoutedToReview.ShouldBe(4));
        rounding[5].Resolution!.Reason.ShouldContain("budget");
    }

    [Fact]
    public void the_rest_go_to_review_with_priority_by_impact()
    {
        var result = Run();

        var routed = result.Groups.Where(group => group.Resolution is { AutoResolved: false }).OrderBy(group => group.Resolution!.Priority).ToList();
        routed.Select(group => group.Resolution!.Priority).ShouldBe([1, 2, 3, 4]);
        routed[0].Category.ShouldBe(Category.QuantityChange);
        routed[0].Resolution!.Reason.ShouldContain("always goes to review");
        routed.Select(group => group.Impact).ShouldBeInOrder(SortDirection.Descending);
        routed.ShouldAllBe(group => group.Resolution!.Policy == "review");
    }

    [Fact]
    public void an_exact_group_has_no_resolution()
    {
        Run().GroupOf("JOB-100010").ShouldSatisfyAllConditions(
            g => g.Category.ShouldBe(Category.Exact),
            g => g.Resolution.ShouldBeNull());
    }
}
