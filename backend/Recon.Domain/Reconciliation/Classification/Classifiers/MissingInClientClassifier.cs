namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A ledger line for no client job: missing_in_client; its whole amount is at stake.</summary>
public sealed class MissingInClientClassifier : IGroupClassifier
{
    public int Order => 50;

    public Classification? Classify(GroupFacts group)
    {
        if (group.HasJobs || !group.HasLines)
        {
            return null;
        }

        var references = group.Lines.Select(line => line.CanonicalJobRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var why = references.Count > 0 ? $"names {string.Join(", ", references)}, which the client does not report" : "has no job reference and matched no job";
        return new Classification(
            Category.MissingInClient,
            FormattableString.Invariant($"Line {string.Join(", ", group.Lines.Select(line => line.LineId))} ({group.Figures.LedgerAmount:0.00}) {why}."),
            0.9,
            Math.Abs(group.Figures.LedgerAmount));
    }
}
