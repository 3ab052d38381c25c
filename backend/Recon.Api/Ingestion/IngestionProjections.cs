using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Npgsql;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;
using Recon.Domain.Normalization.Vocabulary;
using Weasel.Postgresql.Tables;

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
/// Per period, source and record, the latest version and fingerprint: what makes a re-delivery idempotent. A table
/// of its own (not a document), kept inline by <see cref="RecordVersionsProjection"/> with one set-based statement per
/// chunk, and read a chunk at a time during ingestion, so neither side ever holds a whole period's records.
/// </summary>
public static class RecordVersions
{
    public const string TableName = "recon_record_versions";

    public static Table Table(string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<Guid>("period_id").AsPrimaryKey();
        table.AddColumn("source", "text").AsPrimaryKey();
        table.AddColumn("source_id", "text").AsPrimaryKey();
        table.AddColumn<int>("version").NotNull();
        table.AddColumn("fingerprint", "text").NotNull();
        // The event holding the latest version of the record (raw and normalized values): how a reviewer's view finds it.
        table.AddColumn<Guid>("event_id");
        return table;
    }

    /// <summary>The known versions of the given source ids, read inside the caller's transaction.</summary>
    public static async Task<Dictionary<string, KnownRecord>> ReadAsync(
        NpgsqlTransaction transaction, string schema, Guid periodId, RecordSource source, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, KnownRecord>(StringComparer.Ordinal);
        if (sourceIds.Count == 0)
        {
            return known;
        }

        await using var command = new NpgsqlCommand(
            // One primary-key probe per id: the lateral "limit 1" keeps the planner from turning this into a scan of
            // the period's rows with a filter, which it prefers while the table's statistics still say it is empty.
            $"select ids.source_id, v.version, v.fingerprint from unnest($3::text[]) as ids(source_id) " +
            $"cross join lateral (select version, fingerprint from {schema}.{TableName} " +
            "where period_id = $1 and source = $2 and source_id = ids.source_id limit 1) as v",
            transaction.Connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = periodId });
        command.Parameters.Add(new NpgsqlParameter { Value = source.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = sourceIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known[reader.GetString(0)] = new KnownRecord(reader.GetInt32(1), reader.GetString(2));
        }

        return known;
    }
}

public sealed partial class RecordVersionsProjection(string schema) : EventProjection
{
    public void Project(IEvent<ClientJobsNormalized> e, IDocumentOperations operations) =>
        Upsert(operations, e.Id, e.Data.PeriodId, RecordSource.ClientJobs, e.Data.Jobs.Select(job => (job.Record.SourceId, job.Version, job.Fingerprint)).ToList());

    public void Project(IEvent<LedgerLinesNormalized> e, IDocumentOperations operations) =>
        Upsert(operations, e.Id, e.Data.PeriodId, RecordSource.LedgerLines, e.Data.Lines.Select(line => (line.Record.SourceId, line.Version, line.Fingerprint)).ToList());

    private void Upsert(IDocumentOperations operations, Guid eventId, Guid periodId, RecordSource source, IReadOnlyList<(string SourceId, int Version, string Fingerprint)> records) =>
        operations.QueueSqlCommand(
            $"insert into {schema}.{RecordVersions.TableName} (period_id, source, source_id, version, fingerprint, event_id) " +
            "select ?, ?, s.source_id, s.version, s.fingerprint, ? from unnest(?::text[], ?::int[], ?::text[]) as s(source_id, version, fingerprint) " +
            "on conflict (period_id, source, source_id) do update set version = excluded.version, fingerprint = excluded.fingerprint, event_id = excluded.event_id",
            periodId,
            source.ToString(),
            eventId,
            records.Select(r => r.SourceId).ToArray(),
            records.Select(r => r.Version).ToArray(),
            records.Select(r => r.Fingerprint).ToArray());
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
        Identity<SiteAliasLearned>(e => e.ClientId);
        Identity<SiteAliasRevoked>(e => e.ClientId);
    }

    public static void Apply(SiteAliasAdded e, ClientSites sites) => AddAlias(sites, e.SiteCode, e.Alias);

    public static void Apply(SiteAliasLearned e, ClientSites sites) => AddAlias(sites, e.SiteCode, e.Alias);

    public static void Apply(SiteAliasRevoked e, ClientSites sites)
    {
        var key = TextKey.Of(e.Alias);
        if (sites.AliasesByCode.TryGetValue(e.SiteCode, out var aliases))
        {
            aliases.RemoveAll(alias => TextKey.Of(alias) == key);
        }
    }

    private static void AddAlias(ClientSites sites, string siteCode, string alias)
    {
        if (!sites.AliasesByCode.TryGetValue(siteCode, out var aliases))
        {
            sites.AliasesByCode[siteCode] = aliases = [];
        }

        var key = TextKey.Of(alias);
        if (!aliases.Exists(known => TextKey.Of(known) == key))
        {
            aliases.Add(alias);
        }
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

