using System.Security.Cryptography;
using Marten;
using Recon.Api.Periods;
using Recon.Api.ReferenceData;
using Recon.Domain.Ingestion;

namespace Recon.Api.Ingestion;

/// <summary>Why a whole file was refused: nothing of it is stored.</summary>
public sealed class FileRefusedException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>A file or request body to ingest, already on disk or in memory (seekable).</summary>
public sealed record IncomingBatch(Guid PeriodId, BatchSource Source, string FileName, Stream Content, string ReceivedBy);

/// <summary>
/// Reads a batch, checks and normalizes every row, and appends the batch's events in one transaction:
/// either the whole batch (accepted records, quarantined rows, counts) is recorded, or nothing is.
/// </summary>
public static class BatchIngestion
{
    public static async Task<string> ChecksumAsync(Stream content, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var hash = await SHA256.HashDataAsync(content, cancellationToken);
        content.Position = 0;
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The completed batch of this period that had exactly this content, if any.</summary>
    public static Task<BatchSummary?> FindDuplicateAsync(IQuerySession session, Guid periodId, string checksum, CancellationToken cancellationToken) =>
        session.Query<BatchSummary>()
            .Where(batch => batch.PeriodId == periodId && batch.Checksum == checksum && batch.Status == BatchStatus.Completed)
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task<IReadOnlyList<RejectedRow>> RejectedRowsAsync(IQuerySession session, Guid batchId, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(batchId, token: cancellationToken);
        return events.Select(e => e.Data).OfType<RowsQuarantined>().SelectMany(chunk => chunk.Rows).ToList();
    }

    public static async Task<(Guid BatchId, IReadOnlyList<object> Events)> IngestCsvAsync(
        IDocumentSession session,
        PeriodDetails period,
        IncomingBatch batch,
        string checksum,
        IngestionOptions options,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!await CsvFile.LooksLikeTextAsync(batch.Content, cancellationToken))
        {
            throw new FileRefusedException("Not a CSV file", $"{batch.FileName} is not a CSV text file (it holds binary data or is not UTF-8).");
        }

        using var csv = CsvFile.Open(batch.Content);
        if (csv.Header.Count == 0)
        {
            throw new FileRefusedException("Empty file", $"{batch.FileName} is empty: it has no header row and no data.");
        }

        var isLedger = batch.Source == BatchSource.LedgerCsv;
        var schema = isLedger ? SourceSchema.LedgerLines : SourceSchema.ClientJobs;
        var mapped = HeaderMap.Resolve(csv.Header, schema, isLedger ? options.LedgerHeaderAliases : options.ClientHeaderAliases);
        if (mapped.Map is not { } map)
        {
            throw new FileRefusedException("Missing columns", $"{batch.FileName}, line 1: {mapped.Error}");
        }

        var rows = csv.Rows().Select(row => row.Malformed
            ? (Row: row, Rejection: new RejectedRow(row.Line, [new RowError(row.Line, "row", "Broken quoting: a quote inside an unquoted field or text after a closing quote.")], new Dictionary<string, string>()))
            : (Row: row, Rejection: null));
        return isLedger
            ? await IngestLedgerAsync(session, period, batch, checksum, rows.Select(r => r.Rejection ?? (object)LedgerLineRow.From(r.Row.Line, map, r.Row.Fields)), now, cancellationToken)
            : await IngestClientJobsAsync(session, period, batch, checksum, rows.Select(r => r.Rejection ?? (object)ClientJobRow.From(r.Row.Line, map, r.Row.Fields)), now, cancellationToken);
    }

    public static Task<(Guid BatchId, IReadOnlyList<object> Events)> IngestClientItemsAsync(
        IDocumentSession session, PeriodDetails period, IncomingBatch batch, string checksum, IReadOnlyList<ClientJobItem> items, DateTimeOffset now, CancellationToken cancellationToken) =>
        IngestClientJobsAsync(session, period, batch, checksum, items.Select((item, index) => (object)item.ToRow(index + 1)), now, cancellationToken);

    private static async Task<(Guid, IReadOnlyList<object>)> IngestLedgerAsync(
        IDocumentSession session, PeriodDetails period, IncomingBatch batch, string checksum, IEnumerable<object> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var received = Received(period, batch, checksum, now);
        var normalizer = new RowNormalizer(
            await ReferenceCatalogs.SiteRegistryAsync(session, period.ClientId, cancellationToken),
            await ReferenceCatalogs.ServiceCatalogAsync(session, cancellationToken));
        var records = new List<LedgerLineRecord>();
        var rejected = new List<RejectedRow>();
        var firstLineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row is RejectedRow broken)
            {
                rejected.Add(broken);
                continue;
            }

            var outcome = normalizer.Normalize((LedgerLineRow)row, received.BatchId, batch.FileName);
            if (outcome.Record is { } line && firstLineOf.TryAdd(line.LineId, line.Lineage.Line))
            {
                records.Add(line);
            }
            else if (outcome.Record is { } repeated)
            {
                rejected.Add(Repeated(repeated.Lineage.Line, "line_no", $"Invoice line {repeated.LineId} already appears at line {firstLineOf[repeated.LineId]} of this file.", repeated.Raw));
            }
            else
            {
                rejected.Add(outcome.Rejected!);
            }
        }

        EnsureNotEmpty(batch, records.Count + rejected.Count);
        var index = await session.LoadAsync<RecordIndex>(RecordIndex.IdFor(period.PeriodId, RecordSource.LedgerLines), cancellationToken);
        return (received.BatchId, BatchPlan.ForLedgerLines(received, records, rejected, index?.Records ?? [], now));
    }

    private static async Task<(Guid, IReadOnlyList<object>)> IngestClientJobsAsync(
        IDocumentSession session, PeriodDetails period, IncomingBatch batch, string checksum, IEnumerable<object> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var received = Received(period, batch, checksum, now);
        var normalizer = new RowNormalizer(
            await ReferenceCatalogs.SiteRegistryAsync(session, period.ClientId, cancellationToken),
            await ReferenceCatalogs.ServiceCatalogAsync(session, cancellationToken));
        var validator = new ClientJobRowValidator(period.ClientId);
        var records = new List<ClientJobRecord>();
        var rejected = new List<RejectedRow>();
        var firstLineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row is RejectedRow broken)
            {
                rejected.Add(broken);
                continue;
            }

            var outcome = normalizer.Normalize((ClientJobRow)row, validator, received.BatchId, batch.FileName);
            if (outcome.Record is { } job && firstLineOf.TryAdd(job.JobId, job.Lineage.Line))
            {
                records.Add(job);
            }
            else if (outcome.Record is { } repeated)
            {
                rejected.Add(Repeated(repeated.Lineage.Line, "job_id", $"Job {repeated.JobId} already appears at line {firstLineOf[repeated.JobId]} of this file.", repeated.Raw));
            }
            else
            {
                rejected.Add(outcome.Rejected!);
            }
        }

        EnsureNotEmpty(batch, records.Count + rejected.Count);
        var index = await session.LoadAsync<RecordIndex>(RecordIndex.IdFor(period.PeriodId, RecordSource.ClientJobs), cancellationToken);
        return (received.BatchId, BatchPlan.ForClientJobs(received, records, rejected, index?.Records ?? [], now));
    }

    private static BatchReceived Received(PeriodDetails period, IncomingBatch batch, string checksum, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), period.PeriodId, period.ClientId, batch.Source, batch.FileName, checksum, batch.Content.Length, batch.ReceivedBy, now);

    private static RejectedRow Repeated(long line, string field, string message, IReadOnlyDictionary<string, string> raw) =>
        new(line, [new RowError(line, field, message)], raw);

    private static void EnsureNotEmpty(IncomingBatch batch, int rows)
    {
        // A month without jobs is a fact when the client API says so; a file without rows is a mistake.
        if (rows == 0 && batch.Source != BatchSource.ClientApi)
        {
            throw new FileRefusedException("Empty file", $"{batch.FileName} has a header row but no data rows.");
        }
    }
}
