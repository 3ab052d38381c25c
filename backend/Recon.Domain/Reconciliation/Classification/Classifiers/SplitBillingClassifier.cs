namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>One job billed on several lines whose quantities and totals add up to the job's: split_billing.</summary>
public sealed class SplitBillingClassifier : IGroupClassifier
{
    public int Order => 70;

    public Classification? Classify(GroupFacts group)
    {
        if (group.Jobs.Count != 1 || group.Lines.Count < 2 || group.Figures.QuantityDifference != 0m || Math.Abs(group.Figures.Difference) >= 1m)
        {
            return null;
        }

        return new Classification(
            Category.SplitBilling,
            FormattableString.Invariant($"Job {group.Jobs[0].JobId} billed as {group.Lines.Count} lines adding up to {group.Figures.LedgerAmount:0.00}."),
            0.95,
            Math.Abs(group.Figures.Difference));
    }
}
