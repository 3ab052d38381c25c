namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A cancelled job matched to a ledger line: cancelled_but_billed; the whole billed amount is at stake.</summary>
public sealed class CancelledButBilledClassifier : IGroupClassifier
{
    public int Order => 20;

    public Classification? Classify(GroupFacts group)
    {
        var cancelled = group.Jobs.Where(job => !job.IsBillable).Select(job => job.JobId).ToList();
        if (!group.HasLines || cancelled.Count == 0)
        {
            return null;
        }

        return new Classification(
            Category.CancelledButBilled,
            FormattableString.Invariant($"Job {string.Join(", ", cancelled)} was cancelled but billed {group.Figures.LedgerAmount:0.00}."),
            0.99,
            Math.Abs(group.Figures.LedgerAmount));
    }
}
