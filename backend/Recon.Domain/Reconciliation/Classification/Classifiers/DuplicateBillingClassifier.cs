namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>One job billed again by an identical line beyond its amount: duplicate_billing; the extra is at stake.</summary>
public sealed class DuplicateBillingClassifier : IGroupClassifier
{
    public int Order => 80;

    public Classification? Classify(GroupFacts group)
    {
        if (group.Jobs.Count != 1 || group.Lines.Count < 2 || group.Figures.Difference <= 0m)
        {
            return null;
        }

        var repeated = group.Lines
            .GroupBy(line => (line.ServiceDate, line.Quantity, line.UnitPrice, line.LineTotal.Amount))
            .FirstOrDefault(copies => copies.Count() > 1);
        if (repeated is null)
        {
            return null;
        }

        return new Classification(
            Category.DuplicateBilling,
            FormattableString.Invariant($"Job {group.Jobs[0].JobId} billed {repeated.Count()} times on identical lines ({string.Join(", ", repeated.Select(line => line.LineId))}); {group.Figures.Difference:0.00} billed twice."),
            0.95,
            Math.Abs(group.Figures.Difference));
    }
}
