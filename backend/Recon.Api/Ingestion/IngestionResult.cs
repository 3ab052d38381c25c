using Recon.Domain.Ingestion;

namespace Recon.Api.Ingestion;

/// <summary>What an upload or fetch did. <c>errors</c> holds at most the first 100 row errors; list them all per batch.</summary>
public sealed record IngestionResult(
    Guid BatchId,
    bool Duplicate,
    int RowsRead,
    int RowsAccepted,
    int RowsRejected,
    int RecordsNew,
    int RecordsChanged,
    int RecordsUnchanged,
    IReadOnlyList<RowError> Errors,
    bool ErrorsTruncated)
{
    public static IngestionResult From(BatchSummary batch, IEnumerable<RowError> rowErrors, int maxErrors, bool duplicate)
    {
        var errors = rowErrors.Take(maxErrors + 1).ToList();
        return new IngestionResult(
            batch.BatchId, duplicate, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.RecordsNew,
            batch.RecordsChanged, batch.RecordsUnchanged, errors.Take(maxErrors).ToList(), errors.Count > maxErrors);
    }
}

/// <summary>
/// A client job as the client's API and JSON uploads deliver it (camelCase). contactEmail is read and dropped: fields
/// this type does not name are skipped (the client's format, not a request of ours), unlike in API requests.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip)]
public sealed record ClientJobItem(
    string? JobId,
    string? ClientId,
    string? SiteCode,
    string? SiteName,
    string? ServiceType,
    string? ServiceDate,
    decimal? Quantity,
    decimal? UnitRate,
    decimal? Amount,
    string? Currency,
    string? Status,
    string? PoNumber)
{
    public ClientJobRow ToRow(long line) => new(
        line, JobId, ClientId, SiteCode, SiteName, ServiceType, ServiceDate,
        Invariant(Quantity), Invariant(UnitRate), Invariant(Amount), Currency, Status, PoNumber);

    private static string? Invariant(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
