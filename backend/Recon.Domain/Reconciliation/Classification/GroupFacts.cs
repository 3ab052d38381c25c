using FuzzySharp;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;
using Recon.Domain.Periods;

namespace Recon.Domain.Reconciliation.Classification;

/// <summary>What a classifier sees of a group: the period, its records, its figures and how it was matched.</summary>
public sealed record GroupFacts(
    ReconciliationMonth Month,
    IReadOnlyList<ClientJobRecord> Jobs,
    IReadOnlyList<LedgerLineRecord> Lines,
    GroupFigures Figures,
    MatchMethod? Method)
{
    public static GroupFacts Of(ReconciliationMonth month, IReadOnlyList<ClientJobRecord> jobs, IReadOnlyList<LedgerLineRecord> lines, MatchMethod? method = null) =>
        new(month, jobs, lines, GroupFigures.Of(jobs, lines), method);

    public bool HasJobs => Jobs.Count > 0;

    public bool HasLines => Lines.Count > 0;

    /// <summary>Pairs of lines in which the second reverses the first: same service and date, quantity and total negated.</summary>
    public IReadOnlyList<(LedgerLineRecord Original, LedgerLineRecord Credit)> Reversals()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<(LedgerLineRecord, LedgerLineRecord)>();
        foreach (var credit in Lines.Where(line => line.LineTotal.Amount < 0m))
        {
            var original = Lines.FirstOrDefault(line => !used.Contains(line.LineId) && Reverses(credit, line));
            if (original is not null)
            {
                used.Add(original.LineId);
                pairs.Add((original, credit));
            }
        }

        return pairs;
    }

    /// <summary>The lines left once reversed lines and their credits are set aside.</summary>
    public IReadOnlyList<LedgerLineRecord> NetLines()
    {
        var reversed = Reversals().SelectMany(pair => new[] { pair.Original.LineId, pair.Credit.LineId }).ToHashSet(StringComparer.Ordinal);
        return Lines.Where(line => !reversed.Contains(line.LineId)).ToList();
    }

    public static bool Reverses(LedgerLineRecord credit, LedgerLineRecord original) =>
        credit.LineTotal.Amount != 0m && credit.LineTotal.Amount == -original.LineTotal.Amount && credit.Quantity == -original.Quantity
        && credit.ServiceDate == original.ServiceDate && ServiceText(credit) == ServiceText(original);

    /// <summary>Both resolved: the same code; the ledger name unresolved: not another site; else the names read the same (registry's fuzzy threshold).</summary>
    public static bool SameSite(ClientJobRecord job, LedgerLineRecord line)
    {
        if (job.CanonicalSiteCode is not null && line.CanonicalSiteCode is not null)
        {
            return string.Equals(job.CanonicalSiteCode, line.CanonicalSiteCode, StringComparison.OrdinalIgnoreCase);
        }

        if (job.CanonicalSiteCode is not null && line.CanonicalSiteCode is null)
        {
            // The ledger's name resolves to none of the client's sites, so it cannot name another of them: a name the
            // registry does not know yet (a run learns it as an alias when a job-reference match confirms it).
            return true;
        }

        var jobKey = TextKey.Of(job.SiteName);
        var lineKey = TextKey.Of(line.CustomerSite);
        return jobKey == lineKey || Fuzz.TokenSortRatio(jobKey, lineKey) >= SiteRegistry.FuzzyThreshold;
    }

    /// <summary>
    /// Both resolved: the same service type; the ledger's text unresolved: not another service (unknown is a data-quality
    /// finding, never a mismatch); else the texts read the same (catalog's fuzzy threshold).
    /// </summary>
    public static bool SameService(ClientJobRecord job, LedgerLineRecord line)
    {
        if (job.CanonicalService is not null && line.CanonicalService is not null)
        {
            return string.Equals(job.CanonicalService, line.CanonicalService, StringComparison.Ordinal);
        }

        if (line.CanonicalService is null)
        {
            return true;
        }

        return Fuzz.TokenSetRatio((job.CanonicalService ?? job.ServiceType).ToLowerInvariant(), line.Description.ToLowerInvariant()) >= ServiceCatalog.FuzzyThreshold;
    }

    private static string ServiceText(LedgerLineRecord line) => line.CanonicalService ?? line.Description;
}
