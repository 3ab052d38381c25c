using Recon.Domain.Normalization;

namespace Recon.Domain.Ingestion;

/// <summary>Where a record came from: which batch, which file, which line (1 = the header row).</summary>
public sealed record RecordLineage(Guid BatchId, string FileName, long Line);

public enum JobStatus
{
    Completed,
    Cancelled,
}

/// <summary>A client job after normalization, with the values as delivered beside them. Holds no personal data.</summary>
public sealed record ClientJobRecord(
    string JobId,
    string ClientId,
    string? SiteCode,
    string SiteName,
    string? CanonicalSiteCode,
    string ServiceType,
    string? CanonicalService,
    DateOnly ServiceDate,
    decimal Quantity,
    decimal UnitRate,
    Money Amount,
    JobStatus Status,
    string? PoNumber,
    IReadOnlyDictionary<string, string> Raw,
    RecordLineage Lineage)
{
    public string SourceId => JobId;

    public bool IsBillable => Status == JobStatus.Completed;
}

/// <summary>An ERP invoice line after normalization, with the values as delivered beside them.</summary>
public sealed record LedgerLineRecord(
    string LineId,
    string InvoiceNumber,
    int LineNo,
    string? JobRef,
    string? CanonicalJobRef,
    string CustomerSite,
    string? CanonicalSiteCode,
    string Description,
    string? CanonicalService,
    DateOnly ServiceDate,
    decimal Quantity,
    decimal UnitPrice,
    Money LineTotal,
    DateOnly? PostedDate,
    IReadOnlyDictionary<string, string> Raw,
    RecordLineage Lineage)
{
    public string SourceId => LineId;
}

/// <summary>One problem with one row: the line, the column, and why.</summary>
public sealed record RowError(long Line, string Field, string Message);

/// <summary>A quarantined row: its errors and its values as delivered (personal columns already removed).</summary>
public sealed record RejectedRow(long Line, IReadOnlyList<RowError> Errors, IReadOnlyDictionary<string, string> Raw);
