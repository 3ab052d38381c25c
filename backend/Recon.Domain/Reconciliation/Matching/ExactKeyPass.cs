namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// The configured exact keys (<see cref="RuleConfiguration.ExactKeys"/>), run after the reference pass on the records
/// still free: a key value held by exactly one free job and exactly one free line pairs them.
/// </summary>
/// <remarks>
/// Accepted keys: <c>po_number</c> (the job's PO number against a <c>po_number</c> column of the ledger export, when the
/// export carries one) and <c>site_service_date_amount</c> (canonical site, canonical service, service date and amount
/// all equal). Any other name is refused, so a typo in the configuration cannot silently disable a key.
/// </remarks>
internal static class ExactKeyPass
{
    public const string PoNumber = "po_number";
    public const string SiteServiceDateAmount = "site_service_date_amount";

    public static IReadOnlyList<string> Accepted { get; } = [PoNumber, SiteServiceDateAmount];

    public static void Run(Workspace workspace)
    {
        foreach (var key in workspace.Rules.ExactKeys)
        {
            var (jobKey, lineKey) = Resolve(key);
            var jobs = Unique(workspace.FreeJobs(), jobKey);
            var lines = Unique(workspace.FreeLines().Where(line => line.Reference is null), lineKey);
            foreach (var (value, line) in lines.OrderBy(entry => entry.Value.Index))
            {
                if (jobs.TryGetValue(value, out var job))
                {
                    var draft = workspace.NewDraft(LinkBasis.ExactKey);
                    workspace.Drafts[draft].ExactKey = key;
                    workspace.Add(draft, job, LinkBasis.ExactKey);
                    workspace.Add(draft, line, LinkBasis.ExactKey);
                }
            }
        }
    }

    private static (Func<JobView, string?> Job, Func<LineView, string?> Line) Resolve(string key) => key switch
    {
        PoNumber => (job => job.Record.PoNumber?.Trim().ToUpperInvariant(), line => line.Record.Raw.TryGetValue(PoNumber, out var po) && !string.IsNullOrWhiteSpace(po) ? po.Trim().ToUpperInvariant() : null),
        SiteServiceDateAmount => (job => Compose(job.Site, job.Service, job.Date, job.Amount), line => Compose(line.Site, line.Service, line.Date, line.Total)),
        _ => throw new ArgumentException($"Unknown exact key '{key}'. Accepted: {string.Join(", ", Accepted)}."),
    };

    private static string? Compose(string? site, string? service, DateOnly date, decimal amount) =>
        site is null || service is null ? null : FormattableString.Invariant($"{site}|{service}|{date:yyyy-MM-dd}|{amount:0.00}");

    private static Dictionary<string, T> Unique<T>(IEnumerable<T> records, Func<T, string?> key)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (key(record) is { } value && !seen.TryAdd(value, record))
            {
                repeated.Add(value);
            }
        }

        foreach (var value in repeated)
        {
            seen.Remove(value);
        }

        return seen;
    }
}
