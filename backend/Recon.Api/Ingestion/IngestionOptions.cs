using Recon.Domain.Normalization;

namespace Recon.Api.Ingestion;

/// <summary>Settings under <c>Recon:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Recon:Ingestion";

    /// <summary>Largest accepted upload, in bytes (default 200 MB).</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Uploads and client-API fetches ingested at once; one more gets 429 with Retry-After (default 2).</summary>
    public int MaxConcurrentUploads { get; set; } = 2;

    /// <summary>At most this many row errors come back in an upload's response; all are listable per batch.</summary>
    public int MaxErrorsInResponse { get; set; } = 100;

    /// <summary>How the ERP export writes numeric dates: MonthFirst (03/04/2026 = 4 March, the default) or DayFirst.</summary>
    public DateOrder LedgerDateOrder { get; set; } = DateOrder.MonthFirst;

    /// <summary>How the client's jobs (CSV and API) write numeric dates: MonthFirst (the default) or DayFirst.</summary>
    public DateOrder ClientDateOrder { get; set; } = DateOrder.MonthFirst;

    /// <summary>Extra header names per source: alias → canonical column, e.g. "Job Reference" → "job_ref".</summary>
    public Dictionary<string, string> LedgerHeaderAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> ClientHeaderAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tests only: the hash of a source id used to find repeats in a file (see <c>SourceIdLines</c>).</summary>
    internal Func<string, ulong>? SourceIdHash { get; set; }
}
