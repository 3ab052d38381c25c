namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>Whatever no other rule explains: other, for a reviewer.</summary>
public sealed class OtherClassifier : IGroupClassifier
{
    public int Order => int.MaxValue;

    public static Classification Fallback(GroupFacts group) =>
        new(
            Category.Other,
            FormattableString.Invariant($"No rule explains this group: difference {group.Figures.Difference:+0.00;-0.00}, quantity difference {group.Figures.QuantityDifference}."),
            0.5,
            Math.Max(Math.Abs(group.Figures.Difference), Math.Abs(group.Figures.LedgerAmount)));

    public Classification? Classify(GroupFacts group) => Fallback(group);
}
