using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.Api.Ingestion;

public enum BatchStatus
{
    /// <summary>Received, not yet completed: never seen by readers, since a batch is recorded in one transaction.</summary>
    Receiving,
    Completed,
    Failed,
}

/// <summary>One batch as the batch history shows it.</summary>
public sealed record BatchSummary(
    Guid BatchId,
    Guid PeriodId,
    BatchSource Source,
    string FileName,
    string Checksum,
    long SizeBytes,
    BatchStatus Status,
    int RowsRead,
    int RowsAccepted,
    int RowsRejected,
    int RecordsNew,
    int RecordsChanged,
    int RecordsUnchanged,
    DateTimeOffset ReceivedAt,
    string ReceivedBy,
    string? FailureReason);

/// <summary>Builds <see cref="BatchSummary"/> inline from each batch stream.</summary>
public sealed partial class BatchSummaryProjection : SingleStreamProjection<BatchSummary, Guid>
{
    public static BatchSummary Create(BatchReceived received) => new(
        received.BatchId, received.PeriodId, received.Source, received.FileName, received.Checksum, received.SizeBytes,
        BatchStatus.Receiving, 0, 0, 0, 0, 0, 0, received.ReceivedAt, received.ReceivedBy, null);

    public static BatchSummary Apply(BatchCompleted completed, BatchSummary batch) => batch with
    {
        Status = BatchStatus.Completed,
        RowsRead = completed.RowsRead,
        RowsAccepted = completed.RowsAccepted,
        RowsRejected = completed.RowsRejected,
        RecordsNew = completed.RecordsNew,
        RecordsChanged = completed.RecordsChanged,
        RecordsUnchanged = completed.RecordsUnchanged,
    };

    public static BatchSummary Apply(BatchFailed failed, BatchSummary batch) =>
        batch with { Status = BatchStatus.Failed, FailureReason = failed.Reason };
}

/// <summary>
/// Per period and source, the latest version and fingerprint of every record: what makes a re-delivery idempotent.
/// One document per period and source (id <c>{periodId}:{source}</c>).
/// </summary>
public sealed class RecordIndex
{
    public string Id { get; set; } = string.Empty;

    public Dictionary<string, KnownRecord> Records { get; set; } = new(StringComparer.Ordinal);

    public static string IdFor(Guid periodId, RecordSource source) => $"{periodId}:{source}";
}

public sealed partial class RecordIndexProjection : MultiStreamProjection<RecordIndex, string>
{
    public RecordIndexProjection()
    {
        Identity<ClientJobsNormalized>(e => RecordIndex.IdFor(e.PeriodId, RecordSource.ClientJobs));
        Identity<LedgerLinesNormalized>(e => RecordIndex.IdFor(e.PeriodId, RecordSource.LedgerLines));
    }

    public static void Apply(ClientJobsNormalized e, RecordIndex index)
    {
        foreach (var job in e.Jobs)
        {
            index.Records[job.Record.SourceId] = new KnownRecord(job.Version, job.Fingerprint);
        }
    }

    public static void Apply(LedgerLinesNormalized e, RecordIndex index)
    {
        foreach (var line in e.Lines)
        {
            index.Records[line.Record.SourceId] = new KnownRecord(line.Version, line.Fingerprint);
        }
    }
}

/// <summary>The sites a client's own data names (code → name): the registry ledger site names are resolved against.</summary>
public sealed class ClientSites
{
    public string Id { get; set; } = string.Empty;

    public Dictionary<string, string> NamesByCode { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, List<string>> AliasesByCode { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed partial class ClientSitesProjection : MultiStreamProjection<ClientSites, string>
{
    public ClientSitesProjection()
    {
        Identity<ClientJobsNormalized>(e => e.ClientId);
        Identity<SiteAliasAdded>(e => e.ClientId);
    }

    public static void Apply(SiteAliasAdded e, ClientSites sites)
    {
        if (!sites.AliasesByCode.TryGetValue(e.SiteCode, out var aliases))
        {
            sites.AliasesByCode[e.SiteCode] = aliases = [];
        }

        aliases.Add(e.Alias);
    }

    public static void Apply(ClientJobsNormalized e, ClientSites sites)
    {
        foreach (var job in e.Jobs)
        {
            if (job.Record.SiteCode is { Length: > 0 } code)
            {
                sites.NamesByCode[code] = job.Record.SiteName;
            }
        }
    }
}

