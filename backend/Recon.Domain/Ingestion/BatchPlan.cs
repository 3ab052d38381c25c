using System.Security.Cryptography;
using System.Text.Json;

namespace Recon.Domain.Ingestion;

/// <summary>What the period already holds of one source: per source id, the latest version and its fingerprint.</summary>
public sealed record KnownRecord(int Version, string Fingerprint);

/// <summary>
/// Turns a read batch into its events. A record is identified by its source id (<c>job_id</c>, <c>invoice/line</c>):
/// a record delivered again with the same values is unchanged and not re-recorded; with other values it becomes the
/// next version. Records and quarantined rows go into chunks of bounded size so that no event grows large.
/// </summary>
public static class BatchPlan
{
    public const int ChunkSize = 500;

    public static IReadOnlyList<object> ForLedgerLines(
        BatchReceived received,
        IReadOnlyList<LedgerLineRecord> lines,
        IReadOnlyList<RejectedRow> rejected,
        IReadOnlyDictionary<string, KnownRecord> known,
        DateTimeOffset now)
    {
        var (versioned, counts) = Version(lines, line => line.SourceId, Fingerprint, known, (v, f, l) => new VersionedLedgerLine(v, f, l));
        var events = new List<object> { received };
        events.AddRange(versioned.Chunk(ChunkSize).Select((chunk, index) => new LedgerLinesNormalized(received.BatchId, received.PeriodId, index, chunk)));
        return Complete(events, received, lines.Count, rejected, counts, now);
    }

    public static IReadOnlyList<object> ForClientJobs(
        BatchReceived received,
        IReadOnlyList<ClientJobRecord> jobs,
        IReadOnlyList<RejectedRow> rejected,
        IReadOnlyDictionary<string, KnownRecord> known,
        DateTimeOffset now)
    {
        var (versioned, counts) = Version(jobs, job => job.SourceId, Fingerprint, known, (v, f, j) => new VersionedClientJob(v, f, j));
        var events = new List<object> { received };
        events.AddRange(versioned.Chunk(ChunkSize).Select((chunk, index) => new ClientJobsNormalized(received.BatchId, received.PeriodId, received.ClientId, index, chunk)));
        return Complete(events, received, jobs.Count, rejected, counts, now);
    }

    /// <summary>A stable hash of a record's normalized values, ignoring where it came from and how it was written.</summary>
    public static string Fingerprint(ClientJobRecord job) => Hash(job with { Raw = EmptyRaw, Lineage = NoLineage });

    public static string Fingerprint(LedgerLineRecord line) => Hash(line with { Raw = EmptyRaw, Lineage = NoLineage });

    private static readonly IReadOnlyDictionary<string, string> EmptyRaw = new Dictionary<string, string>();
    private static readonly RecordLineage NoLineage = new(Guid.Empty, string.Empty, 0);

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)).AsSpan(0, 16));

    private static (List<TVersioned> Versioned, (int New, int Changed, int Unchanged) Counts) Version<TRecord, TVersioned>(
        IReadOnlyList<TRecord> records,
        Func<TRecord, string> sourceId,
        Func<TRecord, string> fingerprint,
        IReadOnlyDictionary<string, KnownRecord> known,
        Func<int, string, TRecord, TVersioned> versioned)
    {
        var result = new List<TVersioned>();
        var seenInBatch = new Dictionary<string, KnownRecord>(StringComparer.Ordinal);
        int created = 0, changed = 0, unchanged = 0;
        foreach (var record in records)
        {
            var id = sourceId(record);
            var print = fingerprint(record);
            var previous = seenInBatch.TryGetValue(id, out var inBatch) ? inBatch : known.GetValueOrDefault(id);
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

            var version = (previous?.Version ?? 0) + 1;
            seenInBatch[id] = new KnownRecord(version, print);
            result.Add(versioned(version, print, record));
        }

        return (result, (created, changed, unchanged));
    }

    private static List<object> Complete(
        List<object> events, BatchReceived received, int accepted, IReadOnlyList<RejectedRow> rejected, (int New, int Changed, int Unchanged) counts, DateTimeOffset now)
    {
        events.AddRange(rejected.Chunk(ChunkSize).Select((chunk, index) => new RowsQuarantined(received.BatchId, received.PeriodId, index, chunk)));
        events.Add(new BatchCompleted(
            received.BatchId, received.PeriodId, accepted + rejected.Count, accepted, rejected.Count, counts.New, counts.Changed, counts.Unchanged, now));
        return events;
    }
}
