namespace Recon.Domain.Ingestion;

/// <summary>How a batch arrived.</summary>
public enum BatchSource
{
    ClientCsv,
    ClientJson,
    ClientApi,
    LedgerCsv,
}

/// <summary>A batch of records arrived for a period: the first event of every batch stream.</summary>
public sealed record BatchReceived(
    Guid BatchId,
    Guid PeriodId,
    string ClientId,
    BatchSource Source,
    string FileName,
    string Checksum,
    long SizeBytes,
    string ReceivedBy,
    DateTimeOffset ReceivedAt);

/// <summary>New or changed client jobs of a batch, in delivery order; at most <see cref="BatchPlan.ChunkSize"/> per event.</summary>
public sealed record ClientJobsNormalized(Guid BatchId, Guid PeriodId, string ClientId, int Chunk, IReadOnlyList<VersionedClientJob> Jobs);

/// <summary>New or changed ledger lines of a batch; at most <see cref="BatchPlan.ChunkSize"/> per event.</summary>
public sealed record LedgerLinesNormalized(Guid BatchId, Guid PeriodId, int Chunk, IReadOnlyList<VersionedLedgerLine> Lines);

/// <summary>Rows of a batch that failed validation and were quarantined with their reasons.</summary>
public sealed record RowsQuarantined(Guid BatchId, Guid PeriodId, int Chunk, IReadOnlyList<RejectedRow> Rows);

/// <summary>A batch was fully read: what it held and what it changed.</summary>
public sealed record BatchCompleted(
    Guid BatchId,
    Guid PeriodId,
    int RowsRead,
    int RowsAccepted,
    int RowsRejected,
    int RecordsNew,
    int RecordsChanged,
    int RecordsUnchanged,
    DateTimeOffset CompletedAt);

/// <summary>A batch could not be ingested (e.g. the client API kept failing); no record of it counts.</summary>
public sealed record BatchFailed(Guid BatchId, Guid PeriodId, string Reason, DateTimeOffset FailedAt);

/// <summary>A client job as of one delivery: its version (1 = first delivery) and the fingerprint of its values.</summary>
public sealed record VersionedClientJob(int Version, string Fingerprint, ClientJobRecord Record);

/// <summary>A ledger line as of one delivery.</summary>
public sealed record VersionedLedgerLine(int Version, string Fingerprint, LedgerLineRecord Record);
