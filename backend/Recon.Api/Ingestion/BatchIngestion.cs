using System.Security.Cryptography;
using Marten;
using Npgsql;
using Recon.Api.Infrastructure;
using Recon.Api.Periods;
using Recon.Api.ReferenceData;
using Recon.Domain.Ingestion;

namespace Recon.Api.Ingestion;

/// <summary>Why a whole file was refused: nothing of it is stored.</summary>
public sealed class FileRefusedException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}

/// <summary>The same content was completed by another upload while this one waited for its turn: nothing is stored.</summary>
public sealed class DuplicateBatchException(BatchSummary duplicate) : Exception($"Batch {duplicate.BatchId} already holds this content.")
{
    public BatchSummary Duplicate { get; } = duplicate;
}

/// <summary>A file or request body to ingest, on disk or in memory (seekable).</summary>
public sealed record IncomingBatch(Guid PeriodId, BatchSource Source, string FileName, Stream Content);

/// <summary>Who caused a write and in which request: stamped on every event appended.</summary>
public sealed record EventMetadata(string User, string CorrelationId)
{
    public static EventMetadata Of(HttpContext context) =>
        new(Actor.NameOf(context.User), context.TraceIdentifier);
}

/// <summary>A recorded batch: its summary and its first row errors (at most one more than asked, to tell truncation).</summary>
public sealed record BatchOutcome(BatchSummary Summary, IReadOnlyList<RowError> FirstErrors);

/// <summary>
/// Reads a batch row by row, checks and normalizes every row, and appends the batch's events a chunk at a time inside
/// one database transaction: either the whole batch (records, quarantined rows, counts) is committed, or nothing is.
/// Memory stays bounded by a chunk, plus about 32 bytes per row to find repeated source ids (<see cref="SourceIdLines"/>).
/// </summary>
public static class BatchIngestion
{
    private const string BrokenQuoting = "Broken quoting: a quote inside an unquoted field or text after a closing quote.";

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

    public static async Task<BatchOutcome> IngestCsvAsync(
        IDocumentStore store, IQuerySession query, PeriodDetails period, IncomingBatch batch, string checksum, IngestionOptions options, EventMetadata metadata, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await IngestCsvTextAsync(store, query, period, batch, checksum, options, metadata, now, cancellationToken);
        }
        catch (CsvTextException text)
        {
            throw new FileRefusedException("Not UTF-8 text", $"{batch.FileName}, line {text.Line}: {text.Message}");
        }
    }

    private static async Task<BatchOutcome> IngestCsvTextAsync(
        IDocumentStore store, IQuerySession query, PeriodDetails period, IncomingBatch batch, string checksum, IngestionOptions options, EventMetadata metadata, DateTimeOffset now, CancellationToken cancellationToken)
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
        var mapped = HeaderMap.Resolve(
            csv.Header, isLedger ? SourceSchema.LedgerLines : SourceSchema.ClientJobs, isLedger ? options.LedgerHeaderAliases : options.ClientHeaderAliases);
        if (mapped.Map is not { } map)
        {
            throw new FileRefusedException("Missing columns", $"{batch.FileName}, line 1: {mapped.Error}");
        }

        var normalizer = await NormalizerAsync(query, period, options, cancellationToken);
        var received = Received(period, batch, checksum, metadata, now);
        var columns = csv.Header.Count;

        // The rows can be read again (the content is seekable): to confirm repeated source ids, see WriteAsync.
        IEnumerable<CsvRow> Rows(Func<long, bool>? onlyLines)
        {
            batch.Content.Position = 0;
            using var file = CsvFile.Open(batch.Content);
            foreach (var row in file.Rows())
            {
                if (onlyLines is null || onlyLines(row.Line))
                {
                    yield return row;
                }
            }
        }

        if (isLedger)
        {
            return await WriteAsync(
                store,
                received,
                onlyLines => Rows(onlyLines).Select(row => Unreadable<LedgerLineRecord>(row, columns)
                    ?? normalizer.Normalize(LedgerLineRow.From(row.Line, map, row.Fields), received.BatchId, batch.FileName)),
                LedgerLines,
                options,
                metadata,
                now,
                cancellationToken);
        }

        var validator = new ClientJobRowValidator(period.ClientId, options.ClientDateOrder);
        return await WriteAsync(
            store,
            received,
            onlyLines => Rows(onlyLines).Select(row => Unreadable<ClientJobRecord>(row, columns)
                ?? normalizer.Normalize(ClientJobRow.From(row.Line, map, row.Fields), validator, received.BatchId, batch.FileName)),
            ClientJobs,
            options,
            metadata,
            now,
            cancellationToken);
    }

    public static async Task<BatchOutcome> IngestClientItemsAsync(
        IDocumentStore store, IQuerySession query, PeriodDetails period, IncomingBatch batch, string checksum, IReadOnlyList<ClientJobItem> items, IngestionOptions options, EventMetadata metadata, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalizer = await NormalizerAsync(query, period, options, cancellationToken);
        var validator = new ClientJobRowValidator(period.ClientId, options.ClientDateOrder);
        var received = Received(period, batch, checksum, metadata, now);
        IEnumerable<RowOutcome<ClientJobRecord>> Jobs(Func<long, bool>? onlyLines) => items
            .Select((item, index) => (Item: item, Line: index + 1L))
            .Where(item => onlyLines is null || onlyLines(item.Line))
            .Select(item => normalizer.Normalize(item.Item.ToRow(item.Line), validator, received.BatchId, batch.FileName));
        return await WriteAsync(store, received, Jobs, ClientJobs, options, metadata, now, cancellationToken);
    }

    /// <summary>Records that a batch could not be read (e.g. the client API kept failing): no record of it counts.</summary>
    public static async Task<Guid> RecordFailureAsync(IDocumentStore store, PeriodDetails period, BatchSource source, string fileName, string reason, EventMetadata metadata, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batchId = Guid.CreateVersion7(now);
        await AppendFailedAsync(store, new BatchReceived(batchId, period.PeriodId, period.ClientId, source, fileName, string.Empty, 0, metadata.User, now), reason, metadata, now, cancellationToken);
        return batchId;
    }

    /// <summary>A batch stream holding only its receipt and why it failed: no record of it counts.</summary>
    private static async Task AppendFailedAsync(IDocumentStore store, BatchReceived received, string reason, EventMetadata metadata, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        Stamp(session, metadata);
        session.Events.StartStream(received.BatchId, received, new BatchFailed(received.BatchId, received.PeriodId, reason, now));
        await session.SaveChangesAsync(cancellationToken);
    }

    private sealed record RecordKind<TRecord>(
        RecordSource Source,
        string IdField,
        Func<TRecord, string> SourceId,
        Func<TRecord, RecordLineage> Lineage,
        Func<TRecord, IReadOnlyDictionary<string, string>> Raw,
        Func<TRecord, long, string> RepeatedMessage,
        Func<BatchReceived, int, IReadOnlyList<TRecord>, IReadOnlyDictionary<string, KnownRecord>, (object? Event, RecordCounts Counts)> Chunk);

    private static readonly RecordKind<LedgerLineRecord> LedgerLines = new(
        RecordSource.LedgerLines,
        "line_no",
        line => line.SourceId,
        line => line.Lineage,
        line => line.Raw,
        (line, first) => $"Invoice line {line.LineId} already appears at line {first} of this file.",
        (received, chunk, lines, known) => BatchPlan.LedgerChunk(received, chunk, lines, known));

    private static readonly RecordKind<ClientJobRecord> ClientJobs = new(
        RecordSource.ClientJobs,
        "job_id",
        job => job.SourceId,
        job => job.Lineage,
        job => job.Raw,
        (job, first) => $"Job {job.JobId} already appears at line {first} of this file.",
        (received, chunk, jobs, known) => BatchPlan.ClientChunk(received, chunk, jobs, known));

    /// <summary>A batch's row outcomes in line order: all of them, or only those on the lines asked for.</summary>
    private delegate IEnumerable<RowOutcome<TRecord>> RowOutcomes<TRecord>(Func<long, bool>? onlyLines)
        where TRecord : class;

    /// <summary>Two different source ids of one file share a 64-bit hash (see <see cref="SourceIdLines"/>).</summary>
    private sealed class SourceIdCollisionException : Exception;

    private static async Task<BatchOutcome> WriteAsync<TRecord>(
        IDocumentStore store,
        BatchReceived received,
        RowOutcomes<TRecord> outcomes,
        RecordKind<TRecord> kind,
        IngestionOptions options,
        EventMetadata metadata,
        DateTimeOffset now,
        CancellationToken cancellationToken)
        where TRecord : class
    {
        try
        {
            try
            {
                return await WriteAsync(store, received, outcomes, kind, SourceIdLines.Hashed(options.SourceIdHash), options, metadata, now, cancellationToken);
            }
            catch (SourceIdCollisionException)
            {
                // Practically never (for a million-row file, about one chance in 30 million): the transaction is rolled
                // back and the batch read again, comparing the ids themselves, so the outcome is the same.
                return await WriteAsync(store, received, outcomes, kind, SourceIdLines.Exact(), options, metadata, now, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not (FileRefusedException or DuplicateBatchException or CsvTextException))
        {
            // Rolled back, so nothing of it counts; the history still shows the attempt and why it stopped.
            await RecordStoppedAsync(store, received, StoppedReason(exception, cancellationToken), metadata, now);
            throw;
        }
    }

    private static string StoppedReason(Exception exception, CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested
        ? "The client closed the connection before the upload completed: nothing of it was stored. Upload the file again."
        : $"The upload stopped on a server error ({exception.GetType().Name}): nothing of it was stored. Upload the file again.";

    /// <summary>Records a batch that was rolled back (best effort: when the database itself failed, nothing can be).</summary>
    private static async Task RecordStoppedAsync(IDocumentStore store, BatchReceived received, string reason, EventMetadata metadata, DateTimeOffset now)
    {
        try
        {
            await AppendFailedAsync(store, received, reason, metadata, now, CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException || exception.InnerException is NpgsqlException)
        {
            // The database is what failed; the upload's own error is what the caller gets.
        }
    }

    private static async Task<BatchOutcome> WriteAsync<TRecord>(
        IDocumentStore store,
        BatchReceived received,
        RowOutcomes<TRecord> outcomes,
        RecordKind<TRecord> kind,
        SourceIdLines firstLines,
        IngestionOptions options,
        EventMetadata metadata,
        DateTimeOffset now,
        CancellationToken cancellationToken)
        where TRecord : class
    {
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One batch of a period's records of one kind at a time, across requests and processes: versions stay strictly
        // sequential per record, and the same file arriving twice at once is stored once (the second waits, then finds
        // the first completed and is answered as its duplicate).
        await AdvisoryLocks.LockAsync(connection, transaction, AdvisoryLocks.Uploads(received.PeriodId, kind.Source.ToString()), cancellationToken);
        if (received.Checksum.Length > 0)
        {
            await using var locked = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            if (await FindDuplicateAsync(locked, received.PeriodId, received.Checksum, cancellationToken) is { } duplicate)
            {
                throw new DuplicateBatchException(duplicate);
            }
        }

        // The version table grows inside this transaction, while the planner's statistics still describe it as it
        // was: without this, each chunk's lookup may scan the whole table and a million-row file turns quadratic.
        await using (var useIndexes = new NpgsqlCommand("set local enable_seqscan = off", connection, transaction))
        {
            await useIndexes.ExecuteNonQueryAsync(cancellationToken);
        }

        await AppendAsync(store, transaction, metadata, received.BatchId, [received], startStream: true, cancellationToken);

        var records = new List<TRecord>(BatchPlan.ChunkSize);
        var rejected = new List<RejectedRow>(BatchPlan.ChunkSize);
        var unconfirmedRepeats = new List<(long First, long Line)>();
        var errors = new List<RowError>();
        var counts = default(RecordCounts);
        int accepted = 0, rejectedCount = 0, recordChunk = 0, rejectedChunk = 0;

        async Task FlushRecordsAsync()
        {
            var known = await RecordVersions.ReadAsync(transaction, schema, received.PeriodId, kind.Source, records.Select(kind.SourceId).ToList(), cancellationToken);
            var (chunkEvent, chunkCounts) = kind.Chunk(received, recordChunk, records, known);
            counts += chunkCounts;
            if (chunkEvent is not null)
            {
                recordChunk++;
                await AppendAsync(store, transaction, metadata, received.BatchId, [chunkEvent], startStream: false, cancellationToken);
            }

            records.Clear();
        }

        async Task FlushRejectedAsync()
        {
            await AppendAsync(store, transaction, metadata, received.BatchId, [new RowsQuarantined(received.BatchId, received.PeriodId, rejectedChunk++, rejected.ToList())], startStream: false, cancellationToken);
            rejected.Clear();
        }

        foreach (var outcome in outcomes(null))
        {
            var rejection = outcome.Rejected;
            if (outcome.Record is { } record)
            {
                var line = kind.Lineage(record).Line;
                if (firstLines.TryAdd(kind.SourceId(record), line, out var first))
                {
                    records.Add(record);
                    accepted++;
                }
                else
                {
                    if (!firstLines.IsExact)
                    {
                        // Only the hash was seen before: the id first seen on that line must be this one.
                        ConfirmRepeat(records, kind, kind.SourceId(record), first, line, unconfirmedRepeats);
                    }

                    rejection = new RejectedRow(line, [new RowError(line, kind.IdField, kind.RepeatedMessage(record, first))], kind.Raw(record));
                }
            }

            if (rejection is not null)
            {
                rejected.Add(rejection);
                rejectedCount++;
                errors.AddRange(rejection.Errors.Take(options.MaxErrorsInResponse + 1 - errors.Count));
            }

            if (records.Count == BatchPlan.ChunkSize)
            {
                await FlushRecordsAsync();
            }

            if (rejected.Count == BatchPlan.ChunkSize)
            {
                await FlushRejectedAsync();
            }
        }

        if (accepted + rejectedCount == 0 && received.Source != BatchSource.ClientApi)
        {
            // A month without jobs is a fact when the client API says so; a file without rows is a mistake.
            throw new FileRefusedException("Empty file", $"{received.FileName} has a header row but no data rows.");
        }

        if (records.Count > 0)
        {
            await FlushRecordsAsync();
        }

        if (rejected.Count > 0)
        {
            await FlushRejectedAsync();
        }

        ConfirmRepeats(outcomes, kind, unconfirmedRepeats);

        var completed = BatchPlan.Completed(received, accepted, rejectedCount, counts, now);
        await AppendAsync(store, transaction, metadata, received.BatchId, [completed], startStream: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BatchOutcome(BatchSummaryProjection.Apply(completed, BatchSummaryProjection.Create(received)), errors);
    }

    /// <summary>
    /// Confirms a repeat found by hash at once when the first record is still in the chunk being filled (whose lines
    /// ascend); a repeat of a record already written is confirmed by <see cref="ConfirmRepeats"/> before commit.
    /// </summary>
    private static void ConfirmRepeat<TRecord>(List<TRecord> records, RecordKind<TRecord> kind, string sourceId, long first, long line, List<(long First, long Line)> unconfirmed)
        where TRecord : class
    {
        if (records.Count == 0 || kind.Lineage(records[0]).Line > first)
        {
            unconfirmed.Add((first, line));
            return;
        }

        int low = 0, high = records.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var middleLine = kind.Lineage(records[middle]).Line;
            if (middleLine == first)
            {
                if (kind.SourceId(records[middle]) == sourceId)
                {
                    return;
                }

                break;
            }

            if (middleLine < first)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        throw new SourceIdCollisionException();
    }

    /// <summary>
    /// Reads again only the lines of the repeats not confirmed yet (and of their first occurrences) and compares their
    /// ids: the common case, no repeat across chunks, reads nothing.
    /// </summary>
    private static void ConfirmRepeats<TRecord>(RowOutcomes<TRecord> outcomes, RecordKind<TRecord> kind, List<(long First, long Line)> unconfirmed)
        where TRecord : class
    {
        if (unconfirmed.Count == 0)
        {
            return;
        }

        var firsts = unconfirmed.Select(repeat => repeat.First).ToHashSet();
        var repeats = unconfirmed.ToDictionary(repeat => repeat.Line, repeat => repeat.First);
        var idOnLine = new Dictionary<long, string>();
        foreach (var outcome in outcomes(line => firsts.Contains(line) || repeats.ContainsKey(line)))
        {
            if (outcome.Record is not { } record)
            {
                throw new SourceIdCollisionException(); // cannot happen: these lines held valid records
            }

            var line = kind.Lineage(record).Line;
            var id = kind.SourceId(record);
            if (repeats.TryGetValue(line, out var first) && (!idOnLine.TryGetValue(first, out var firstId) || firstId != id))
            {
                throw new SourceIdCollisionException();
            }

            if (firsts.Contains(line))
            {
                idOnLine[line] = id;
            }

            repeats.Remove(line);
        }

        if (repeats.Count > 0)
        {
            throw new SourceIdCollisionException();
        }
    }

    private static async Task AppendAsync(
        IDocumentStore store, NpgsqlTransaction transaction, EventMetadata metadata, Guid batchId, object[] events, bool startStream, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
        Stamp(session, metadata);
        if (startStream)
        {
            session.Events.StartStream(batchId, events);
        }
        else
        {
            session.Events.Append(batchId, events);
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private static void Stamp(IDocumentSession session, EventMetadata metadata)
    {
        session.CorrelationId = metadata.CorrelationId;
        session.LastModifiedBy = metadata.User;
    }

    private static async Task<RowNormalizer> NormalizerAsync(IQuerySession query, PeriodDetails period, IngestionOptions options, CancellationToken cancellationToken) =>
        new(
            await ReferenceCatalogs.SiteRegistryAsync(query, period.ClientId, cancellationToken),
            await ReferenceCatalogs.ServiceCatalogAsync(query, cancellationToken),
            PlausibleValues.ForPeriod(period.Month),
            options.LedgerDateOrder);

    /// <summary>
    /// A row that cannot be mapped to columns at all: broken quoting, a field count other than the header's (fields are
    /// mapped by position, so one missing comma would shift <c>contact_email</c> into another column), or a field too
    /// long to be data. Rejected before any field is read; none of its values is kept or quoted.
    /// </summary>
    private static RowOutcome<TRecord>? Unreadable<TRecord>(CsvRow row, int columns)
        where TRecord : class
    {
        var reason = row.Malformed ? BrokenQuoting
            : row.Fields.Length != columns ? $"The row has {row.Fields.Length} fields where the header has {columns}: a missing or extra separator (quote values that hold commas)."
            : row.Oversized ? $"A field is longer than {CsvFile.MaxFieldLength:N0} characters."
            : null;
        return reason is null ? null : new(null, new RejectedRow(row.Line, [new RowError(row.Line, "row", reason)], new Dictionary<string, string>()));
    }

    private static BatchReceived Received(PeriodDetails period, IncomingBatch batch, string checksum, EventMetadata metadata, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), period.PeriodId, period.ClientId, batch.Source, batch.FileName, checksum, batch.Content.Length, metadata.User, now);
}
