namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A completed job with no ledger line: missing_in_ledger; its whole amount is at stake.</summary>
public sealed class MissingInLedgerClassifier : IGroupClassifier
{
    public int Order => 30;

    public Classification? Classify(GroupFacts group) =>
        group.HasLines || !group.Jobs.Any(job => job.IsBillable)
            ? null
            : new Classification(
                Category.MissingInLedger,
                FormattableString.Invariant($"Completed job {string.Join(", ", group.Jobs.Select(job => job.JobId))} ({group.Figures.ClientAmount:0.00}) has no ledger line."),
                0.9,
                group.Figures.ClientAmount);
}
