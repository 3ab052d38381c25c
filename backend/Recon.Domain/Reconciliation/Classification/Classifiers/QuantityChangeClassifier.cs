namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>Another quantity billed at the job's unit rate: quantity_change.</summary>
public sealed class QuantityChangeClassifier : IGroupClassifier
{
    public int Order => 140;

    public Classification? Classify(GroupFacts group) =>
        group.HasJobs && group.HasLines && group.Figures.QuantityDifference != 0m && group.Figures.UnitRateDifference == 0m
            ? new Classification(
                Category.QuantityChange,
                FormattableString.Invariant($"Billed quantity {group.Figures.LedgerQuantity} instead of {group.Figures.ClientQuantity}; difference {group.Figures.Difference:+0.00;-0.00}."),
                0.95,
                Math.Abs(group.Figures.Difference))
            : null;
}
