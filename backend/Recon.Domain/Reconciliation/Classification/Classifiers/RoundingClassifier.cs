namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>Same quantity, total off by less than one currency unit (not zero): rounding.</summary>
public sealed class RoundingClassifier : IGroupClassifier
{
    public int Order => 130;

    public Classification? Classify(GroupFacts group) =>
        group.HasJobs && group.HasLines && group.Figures.QuantityDifference == 0m && group.Figures.Difference != 0m && Math.Abs(group.Figures.Difference) < 1m
            ? new Classification(Category.Rounding, FormattableString.Invariant($"Total differs by {group.Figures.Difference:+0.00;-0.00}, less than one currency unit."), 0.99, Math.Abs(group.Figures.Difference))
            : null;
}
