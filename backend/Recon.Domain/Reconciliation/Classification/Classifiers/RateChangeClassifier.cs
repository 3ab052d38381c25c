namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>The job's quantity billed at another unit rate: rate_change.</summary>
public sealed class RateChangeClassifier : IGroupClassifier
{
    public int Order => 150;

    public Classification? Classify(GroupFacts group) =>
        group.HasJobs && group.HasLines && group.Figures.QuantityDifference == 0m && group.Figures.UnitRateDifference != 0m
            ? new Classification(
                Category.RateChange,
                FormattableString.Invariant($"Billed at a unit rate {group.Figures.UnitRateDifference:+0.00##;-0.00##} off the job's; difference {group.Figures.Difference:+0.00;-0.00}."),
                0.95,
                Math.Abs(group.Figures.Difference))
            : null;
}
