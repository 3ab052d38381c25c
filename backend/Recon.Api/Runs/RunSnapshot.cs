using System.Security.Cryptography;
using System.Text;
using Marten;
using Recon.Api.Ingestion;
using Recon.Domain.Ingestion;
using Recon.Domain.Runs;

namespace Recon.Api.Runs;

/// <summary>
/// The records a run reconciles: every record of the listed completed batches, the latest version of each source id
/// winning. Batches are recorded atomically, so a list of completed batches is a consistent snapshot: a batch
/// arriving while the run works is simply not in it.
/// </summary>
public sealed record RunSnapshot(IReadOnlyList<ClientJobRecord> Jobs, IReadOnlyList<LedgerLineRecord> Lines, string Digest)
{
    private static readonly IReadOnlyDictionary<string, string> NoRawValues = new Dictionary<string, string>();

    public static async Task<IReadOnlyList<RunInputBatch>> CompletedBatchesAsync(IQuerySession session, Guid periodId, CancellationToken cancellationToken)
    {
        var batches = await session.Query<BatchSummary>()
            .Where(batch => batch.PeriodId == periodId && batch.Status == BatchStatus.Completed)
            .OrderBy(batch => batch.ReceivedAt)
            .ToListAsync(cancellationToken);
        return batches.Select(batch => new RunInputBatch(batch.BatchId, batch.Source, batch.FileName, batch.Checksum, batch.ReceivedAt)).ToList();
    }

    public static async Task<RunSnapshot> LoadAsync(IQuerySession session, Guid periodId, IReadOnlyList<RunInputBatch> batches, CancellationToken cancellationToken)
    {
        var included = batches.Select(batch => batch.BatchId).ToHashSet();
        var jobs = new Dictionary<string, VersionedClientJob>(StringComparer.Ordinal);
        // Streamed a chunk at a time; the raw values (kept in the events for auditors) are dropped here, since
        // reconciliation reads only normalized values: a run holds each record once, without its raw text.
        await foreach (var chunk in session.Events.QueryRawEventDataOnly<ClientJobsNormalized>().Where(e => e.PeriodId == periodId).ToAsyncEnumerable(cancellationToken))
        {
            if (included.Contains(chunk.BatchId))
            {
                foreach (var job in chunk.Jobs)
                {
                    KeepLatest(jobs, job.Record.SourceId, job with { Record = job.Record with { Raw = NoRawValues } }, static j => j.Version);
                }
            }
        }

        var lines = new Dictionary<string, VersionedLedgerLine>(StringComparer.Ordinal);
        await foreach (var chunk in session.Events.QueryRawEventDataOnly<LedgerLinesNormalized>().Where(e => e.PeriodId == periodId).ToAsyncEnumerable(cancellationToken))
        {
            if (included.Contains(chunk.BatchId))
            {
                foreach (var line in chunk.Lines)
                {
                    KeepLatest(lines, line.Record.SourceId, line with { Record = line.Record with { Raw = NoRawValues } }, static l => l.Version);
                }
            }
        }

        return new RunSnapshot(
            jobs.Values.OrderBy(job => job.Record.SourceId, StringComparer.Ordinal).Select(job => job.Record).ToList(),
            lines.Values.OrderBy(line => line.Record.SourceId, StringComparer.Ordinal).Select(line => line.Record).ToList(),
            DigestOf(jobs.Values.Select(job => ("client_jobs", job.Record.SourceId, job.Version, job.Fingerprint))
                .Concat(lines.Values.Select(line => ("ledger_lines", line.Record.SourceId, line.Version, line.Fingerprint)))));
    }

    private static void KeepLatest<T>(Dictionary<string, T> latest, string sourceId, T candidate, Func<T, int> version)
    {
        if (!latest.TryGetValue(sourceId, out var known) || version(known) < version(candidate))
        {
            latest[sourceId] = candidate;
        }
    }

    /// <summary>SHA-256 over every (source, id, version, fingerprint), sorted: two runs with the same digest saw the same records.</summary>
    private static string DigestOf(IEnumerable<(string Source, string Id, int Version, string Fingerprint)> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (source, id, version, fingerprint) in records.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{source}\u001f{id}\u001f{version}\u001f{fingerprint}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
