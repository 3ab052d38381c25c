namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A matched line whose service date is outside the period's month: period_mismatch; the billed amount is at stake.</summary>
public sealed class PeriodMismatchClassifier : IGroupClassifier
{
    public int Order => 90;

    public Classification? Classify(GroupFacts group)
    {
        var outside = group.Lines.Where(line => !group.Month.Contains(line.ServiceDate)).ToList();
        if (!group.HasJobs || outside.Count == 0)
        {
            return null;
        }

        return new Classification(
            Category.PeriodMismatch,
            FormattableString.Invariant($"Line {string.Join(", ", outside.Select(line => line.LineId))} is dated {outside[0].ServiceDate:yyyy-MM-dd}, outside {group.Month}."),
            0.97,
            Math.Max(Math.Abs(group.Figures.LedgerAmount), Math.Abs(group.Figures.Difference)));
    }
}
