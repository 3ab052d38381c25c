using System.Globalization;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;
using Recon.Domain.Periods;
using Recon.Domain.Reconciliation;

namespace Recon.Domain.Tests.Reconciliation.Fixtures;

/// <summary>Given-state builders: normalized jobs and lines of October 2026 with sensible defaults.</summary>
public static class Records
{
    public static readonly ReconciliationMonth October = ReconciliationMonth.Parse("2026-10");

    private static readonly Dictionary<string, string> SiteNames = new(StringComparer.Ordinal)
    {
        ["S-001"] = "Riverside Office Park",
        ["S-002"] = "North Distribution Center",
        ["S-003"] = "Lakeside Medical Center",
    };

    private static readonly RecordLineage Lineage = new(Guid.Empty, "test.csv", 2);

    public static ClientJobRecord Job(
        string id,
        string site = "S-001",
        string service = "Window Cleaning",
        string date = "2026-10-05",
        decimal quantity = 2m,
        decimal rate = 100m,
        decimal? amount = null,
        JobStatus status = JobStatus.Completed) =>
        new(
            id,
            "northwind",
            site,
            SiteNames.GetValueOrDefault(site, site),
            site,
            service,
            service,
            DateOnly.Parse(date, CultureInfo.InvariantCulture),
            quantity,
            rate,
            new Money(amount ?? Math.Round(quantity * rate, 2), "USD"),
            status,
            null,
            new Dictionary<string, string>(),
            Lineage);

    public static LedgerLineRecord Line(
        string id,
        string? jobRef,
        string? site = "S-001",
        string service = "Window Cleaning",
        string date = "2026-10-05",
        decimal quantity = 2m,
        decimal price = 100m,
        decimal? total = null,
        string? customerSite = null)
    {
        var invoice = id.Split('/')[0];
        var lineNo = int.Parse(id.Split('/')[1], CultureInfo.InvariantCulture);
        return new LedgerLineRecord(
            id,
            invoice,
            lineNo,
            jobRef,
            JobReference.CanonicalOrNull(jobRef),
            customerSite ?? SiteNames.GetValueOrDefault(site ?? string.Empty, site ?? "Unknown Place"),
            site,
            service,
            service,
            DateOnly.Parse(date, CultureInfo.InvariantCulture),
            quantity,
            price,
            new Money(total ?? Math.Round(quantity * price, 2), "USD"),
            null,
            new Dictionary<string, string>(),
            Lineage);
    }

    public static ReconciliationInput Input(
        IEnumerable<ClientJobRecord> jobs, IEnumerable<LedgerLineRecord> lines, RuleConfiguration? rules = null, IReadOnlyList<MonthlyRate>? history = null) =>
        new(October, jobs.ToList(), lines.ToList(), rules ?? RuleConfiguration.Default, history ?? []);

    public static ReconciliationResult Reconcile(IEnumerable<ClientJobRecord> jobs, IEnumerable<LedgerLineRecord> lines, RuleConfiguration? rules = null, IReadOnlyList<MonthlyRate>? history = null) =>
        Reconciler.Reconcile(Input(jobs, lines, rules, history));

    /// <summary>The group holding the record with this id (a job id or a line id).</summary>
    public static ReconciliationGroup GroupOf(this ReconciliationResult result, string id) =>
        result.Groups.Single(group => group.ClientJobIds.Contains(id) || group.LedgerLineIds.Contains(id));
}
