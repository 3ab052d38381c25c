using System.Security.Cryptography;
using System.Text.Json;

namespace Recon.Domain.Ingestion;

/// <summary>What the period already holds of one record: its latest version and the fingerprint of its values.</summary>
public sealed record KnownRecord(int Version, string Fingerprint);

/// <summary>How many records of a batch (or a chunk of it) were new, changed or unchanged.</summary>
public readonly record struct RecordCounts(int New, int Changed, int Unchanged)
{
    public static RecordCounts operator +(RecordCounts left, RecordCounts right) =>
        new(left.New + right.New, left.Changed + right.Changed, left.Unchanged + right.Unchanged);
}

/// <summary>
/// Turns a batch's records into its events, one chunk at a time. A record is identified by its source id
/// (<c>job_id</c>, <c>invoice/line</c>): delivered again with the same values it is unchanged and not re-recorded;
/// with other values it becomes the next version. Records go into chunks of at most <see cref="ChunkSize"/>, so that
/// no event grows large (a record with its raw values is well under 2 KB: a chunk stays far below 1 MB).
/// </summary>
public static class BatchPlan
{
    public const int ChunkSize = 500;

    public static (LedgerLinesNormalized? Event, RecordCounts Counts) LedgerChunk(
        BatchReceived received, int chunk, IReadOnlyList<LedgerLineRecord> lines, IReadOnlyDictionary<string, KnownRecord> known)
    {
        var (versioned, counts) = Version(lines, line => line.SourceId, Fingerprint, known, (v, f, l) => new VersionedLedgerLine(v, f, l));
        return (versioned.Count == 0 ? null : new LedgerLinesNormalized(received.BatchId, received.PeriodId, chunk, versioned), counts);
    }

    public static (ClientJobsNormalized? Event, RecordCounts Counts) ClientChunk(
        BatchReceived received, int chunk, IReadOnlyList<ClientJobRecord> jobs, IReadOnlyDictionary<string, KnownRecord> known)
    {
        var (versioned, counts) = Version(jobs, job => job.SourceId, Fingerprint, known, (v, f, j) => new VersionedClientJob(v, f, j));
        return (versioned.Count == 0 ? null : new ClientJobsNormalized(received.BatchId, received.PeriodId, received.ClientId, chunk, versioned), counts);
    }

    public static BatchCompleted Completed(BatchReceived received, int accepted, int rejected, RecordCounts counts, DateTimeOffset now) =>
        new(received.BatchId, received.PeriodId, accepted + rejected, accepted, rejected, counts.New, counts.Changed, counts.Unchanged, now);

    /// <summary>A stable hash of a record's normalized values, ignoring where it came from and how it was written.</summary>
    public static string Fingerprint(ClientJobRecord job) => Hash(job with { Raw = EmptyRaw, Lineage = NoLineage });

    public static string Fingerprint(LedgerLineRecord line) => Hash(line with { Raw = EmptyRaw, Lineage = NoLineage });

    private static readonly IReadOnlyDictionary<string, string> EmptyRaw = new Dictionary<string, string>();
    private static readonly RecordLineage NoLineage = new(Guid.Empty, string.Empty, 0);

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)).AsSpan(0, 16));

    /// <remarks>Source ids are unique within the records given (repeats in a file are rejected before).</remarks>
    private static (List<TVersioned> Versioned, RecordCounts Counts) Version<TRecord, TVersioned>(
        IReadOnlyList<TRecord> records,
        Func<TRecord, string> sourceId,
        Func<TRecord, string> fingerprint,
        IReadOnlyDictionary<string, KnownRecord> known,
        Func<int, string, TRecord, TVersioned> versioned)
    {
        var result = new List<TVersioned>();
        int created = 0, changed = 0, unchanged = 0;
        foreach (var record in records)
        {
            var print = fingerprint(record);
            var previous = known.GetValueOrDefault(sourceId(record));
            if (previous is null)
            {
                created++;
            }
            else if (previous.Fingerprint == print)
            {
                unchanged++;
                continue;
            }
            else
            {
                changed++;
            }

            result.Add(versioned((previous?.Version ?? 0) + 1, print, record));
        }

        return (result, new RecordCounts(created, changed, unchanged));
    }
}
