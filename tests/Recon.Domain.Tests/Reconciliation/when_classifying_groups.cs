using Recon.Domain.Ingestion;
using Recon.Domain.Reconciliation;
using Recon.Domain.Reconciliation.Classification;
using Recon.Domain.Reconciliation.Classification.Classifiers;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_classifying_groups
{
    [Fact]
    public void rules_run_in_a_fixed_order_and_other_comes_last()
    {
        var orders = GroupClassifiers.Default.Select(classifier => classifier.Order).ToList();

        orders.ShouldBeInOrder(SortDirection.Ascending);
        orders.Distinct().Count().ShouldBe(orders.Count);
        GroupClassifiers.Default[^1].ShouldBeOfType<OtherClassifier>();
    }

    [Fact]
    public void a_new_rule_is_one_class_added_to_the_list()
    {
        var facts = GroupFacts.Of(October, [Job("JOB-100001")], [Line("INV-1/1", "JOB-100001", total: 200.40m)]);

        GroupClassifiers.Classify(facts).Category.ShouldBe(Category.Rounding);
        GroupClassifiers.Classify(facts, [new EverythingIsOther(), .. GroupClassifiers.Default]).Category.ShouldBe(Category.Other);
    }

    [Fact]
    public void the_client_amount_counts_completed_jobs_only()
    {
        var figures = GroupFigures.Of([Job("JOB-100001"), Job("JOB-100002", status: JobStatus.Cancelled)], [Line("INV-1/1", null, quantity: 4)]);

        figures.ClientAmount.ShouldBe(200m);
        figures.Difference.ShouldBe(200m);
        figures.DifferencePercent.ShouldBe(100m);
    }

    [Fact]
    public void a_completed_job_without_line_is_missing_in_ledger_with_its_amount_at_stake()
    {
        var classification = GroupClassifiers.Classify(GroupFacts.Of(October, [Job("JOB-100001")], []));

        classification.Category.ShouldBe(Category.MissingInLedger);
        classification.Impact.ShouldBe(200m);
    }

    [Fact]
    public void differences_no_rule_explains_are_other()
    {
        var facts = GroupFacts.Of(October, [Job("JOB-100001", quantity: 2, rate: 100)], [Line("INV-1/1", "JOB-100001", quantity: 3, price: 90)]);

        GroupClassifiers.Classify(facts).Category.ShouldBe(Category.Other);
    }

    private sealed class EverythingIsOther : IGroupClassifier
    {
        public int Order => 0;

        public Classification? Classify(GroupFacts group) => new(Category.Other, "test", 1, 0);
    }
}
