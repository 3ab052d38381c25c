namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A line reversed by a full credit (negated quantity and total) in the group: credit_reversal.</summary>
public sealed class CreditReversalClassifier : IGroupClassifier
{
    public int Order => 10;

    public Classification? Classify(GroupFacts group)
    {
        var reversals = group.Reversals();
        if (reversals.Count == 0)
        {
            return null;
        }

        var credits = string.Join(", ", reversals.Select(pair => $"{pair.Credit.LineId} reverses {pair.Original.LineId}"));
        var outcome = group.Figures.Difference == 0m
            ? "the lines net to the client amount"
            : FormattableString.Invariant($"the lines net to {group.Figures.Difference:+0.00;-0.00} against the client amount");
        return new Classification(Category.CreditReversal, $"{credits}; {outcome}.", 0.98, Math.Abs(group.Figures.Difference));
    }
}
