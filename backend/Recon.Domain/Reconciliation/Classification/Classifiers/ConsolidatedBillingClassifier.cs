namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>Several jobs billed on one line: consolidated_billing.</summary>
public sealed class ConsolidatedBillingClassifier : IGroupClassifier
{
    public int Order => 60;

    public Classification? Classify(GroupFacts group) =>
        group.Jobs.Count < 2 || !group.HasLines
            ? null
            : new Classification(
                Category.ConsolidatedBilling,
                FormattableString.Invariant($"{group.Jobs.Count} jobs billed on {group.Lines.Count} line(s); difference {group.Figures.Difference:0.00}."),
                0.95,
                Math.Abs(group.Figures.Difference));
}
