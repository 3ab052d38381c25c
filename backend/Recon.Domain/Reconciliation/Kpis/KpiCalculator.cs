namespace Recon.Domain.Reconciliation.Kpis;

/// <summary>
/// A run's figures from its groups (see <see cref="RunKpis"/>). <see cref="RunKpis.AutoMatchRate"/> is the share of
/// billable (completed) jobs that sit in a matched group (exact or fuzzy), as a fraction 0..1 rounded half away from
/// zero to 4 decimals; 0 when there is no billable job. <see cref="RunKpis.ExceptionsByCategory"/> lists every
/// exception category (zero included); <see cref="RunKpis.VarianceByCategory"/> every category, and adds up exactly to
/// <see cref="RunKpis.Variance"/> because every record is in exactly one group.
/// </summary>
internal static class KpiCalculator
{
    public static RunKpis Calculate(ReconciliationInput input, IReadOnlyList<ReconciliationGroup> groups, string currency)
    {
        var clientTotal = input.Jobs.Where(job => job.IsBillable).Sum(job => job.Amount.Amount);
        var ledgerTotal = input.Lines.Sum(line => line.LineTotal.Amount);
        var variance = ledgerTotal - clientTotal;
        var truncatedClient = Math.Truncate(clientTotal);
        var ignoringCents = Math.Truncate(ledgerTotal) - truncatedClient;
        var percent = truncatedClient == 0m
            ? ignoringCents == 0m ? 0m : 100m
            : Math.Round(Math.Abs(ignoringCents) / truncatedClient * 100m, 2, MidpointRounding.AwayFromZero);

        var billable = input.Jobs.Where(job => job.IsBillable).Select(job => job.JobId).ToHashSet(StringComparer.Ordinal);
        var matchedBillable = groups.Where(group => group.Match is not null)
            .Sum(group => group.ClientJobIds.Count(billable.Contains));
        var autoMatchRate = billable.Count == 0 ? 0m : Math.Round((decimal)matchedBillable / billable.Count, 4, MidpointRounding.AwayFromZero);

        var exceptions = groups.Where(group => group.IsException).ToList();
        var exceptionsByCategory = Category.All.Where(category => category != Category.Exact)
            .ToDictionary(category => category, category => exceptions.Count(group => group.Category == category), StringComparer.Ordinal);
        var varianceByCategory = Category.All
            .ToDictionary(category => category, _ => 0m, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            varianceByCategory[group.Category] += group.Difference;
        }

        var autoResolved = exceptions.Where(group => group.Resolution is { AutoResolved: true }).ToList();
        return new RunKpis(
            currency,
            input.Jobs.Count,
            input.Lines.Count,
            clientTotal,
            ledgerTotal,
            variance,
            ignoringCents,
            percent,
            input.Rules.VarianceLimitPercent,
            percent > input.Rules.VarianceLimitPercent,
            autoMatchRate,
            groups.Count(group => group.Match is not null),
            groups.Count(group => group.Match?.Method == MatchMethod.Exact),
            groups.Count(group => group.Match?.Method == MatchMethod.Fuzzy),
            exceptions.Count,
            autoResolved.Count,
            exceptions.Count - autoResolved.Count,
            autoResolved.Sum(group => group.Impact),
            exceptionsByCategory,
            varianceByCategory);
    }
}
