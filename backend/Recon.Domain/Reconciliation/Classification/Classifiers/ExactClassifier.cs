namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>Same amount, quantity and unit rate on both sides: exact (not an exception).</summary>
public sealed class ExactClassifier : IGroupClassifier
{
    public int Order => 120;

    public Classification? Classify(GroupFacts group) =>
        group.HasJobs && group.HasLines && group.Figures is { Difference: 0m, QuantityDifference: 0m, UnitRateDifference: 0m }
            ? new Classification(Category.Exact, FormattableString.Invariant($"Billed as reported: {group.Figures.LedgerAmount:0.00}."), 1.0, 0m)
            : null;
}
