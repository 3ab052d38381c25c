using System.Globalization;
using System.Text.Json.Serialization;

namespace Recon.DataGenerator;

/// <summary>Values of a client job's <c>status</c>.</summary>
public static class JobStatuses
{
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// A job as the client's system reports it: exactly the fields of the client API's items (<c>GET /v1/jobs</c>), in
/// its order. <see cref="ContactEmail"/> is personal data that Recon must drop on ingestion.
/// </summary>
public sealed record ClientJob(
    string JobId,
    string ClientId,
    string SiteCode,
    string SiteName,
    string ServiceType,
    DateOnly ServiceDate,
    decimal Quantity,
    decimal UnitRate,
    decimal Amount,
    string Currency,
    string Status,
    string? PoNumber,
    string ContactEmail)
{
    [JsonIgnore]
    public bool IsCompleted => Status == JobStatuses.Completed;
}

/// <summary>
/// An ERP invoice line as it really is (canonical values; the CSV writes it messily, see
/// <see cref="GeneratedMonth.Render(int)"/>), with its true pairing and category. <c>JobRef</c> is the job reference
/// the ERP recorded, canonical (<c>JOB-100234</c>), or null when none; <c>ClientJobIds</c> are the client jobs this line
/// truly bills (none for <c>missing_in_client</c>).
/// </summary>
public sealed record LedgerLine(
    string InvoiceNumber,
    int LineNo,
    string? JobRef,
    string SiteCode,
    string SiteName,
    string ServiceType,
    DateOnly ServiceDate,
    decimal Quantity,
    decimal UnitPrice,
    decimal LineTotal,
    string Currency,
    DateOnly PostedDate,
    string Category,
    IReadOnlyList<string> ClientJobIds)
{
    /// <summary>The line's identity in Recon: <c>invoice_number/line_no</c>.</summary>
    [JsonIgnore]
    public string LineId => string.Create(CultureInfo.InvariantCulture, $"{InvoiceNumber}/{LineNo}");
}

/// <summary>A ledger line as the CSV writes it: every value a string, in the column order of the ledger export.</summary>
public sealed record LedgerRow(
    string InvoiceNumber,
    string LineNo,
    string JobRef,
    string CustomerSite,
    string Description,
    string ServiceDate,
    string Qty,
    string UnitPrice,
    string LineTotal,
    string Currency,
    string PostedDate)
{
    public IReadOnlyList<string> Fields() =>
        [InvoiceNumber, LineNo, JobRef, CustomerSite, Description, ServiceDate, Qty, UnitPrice, LineTotal, Currency, PostedDate];
}

/// <summary>A client site: its code, canonical name, and the names the ERP writes for it (all resolving to it).</summary>
public sealed record GeneratedSite(string Code, string Name, IReadOnlyList<string> LedgerNames)
{
    /// <summary>
    /// In the foreign world, the name shared by sibling sites ("Halvor Quay" of "Halvor Quay Tract 1" and "… Tract 2"):
    /// siblings differ only in the token that follows it. Null for a site without siblings and in the classic world.
    /// </summary>
    public string? Family { get; init; }
}

/// <summary>
/// What really happened: every job and every ledger line in exactly one group, with the month's totals.
/// <c>World</c> is <c>"foreign"</c> for a foreign world and null (not written, so classic files stay as they were) for the classic one.
/// </summary>
public sealed record GroundTruth(
    int Version,
    string ClientId,
    string Month,
    int Seed,
    string Noise,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? World,
    string Currency,
    int JobCount,
    int LedgerLineCount,
    GroundTruthTotals Totals,
    IReadOnlyDictionary<string, CategoryCount> Categories,
    IReadOnlyDictionary<string, string> Definitions,
    IReadOnlyList<TruthGroup> Groups);

/// <param name="ClientTotal">Sum of the completed jobs' amounts.</param>
/// <param name="LedgerTotal">Sum of every ledger line's total, credits negative.</param>
/// <param name="Variance">Ledger total minus client total.</param>
/// <param name="VariancePercent">Variance as a percentage of the client total, two decimals.</param>
public sealed record GroundTruthTotals(decimal ClientTotal, decimal LedgerTotal, decimal Variance, decimal VariancePercent);

/// <summary>How many groups, jobs and ledger lines a category holds, and the variance it accounts for.</summary>
public sealed record CategoryCount(int Groups, int Jobs, int Lines, decimal Variance);

/// <summary>
/// One true pairing: these client jobs ↔ these ledger lines (<c>invoice_number/line_no</c>). Amounts: the completed
/// jobs' sum, the lines' sum, and their difference (ledger − client).
/// </summary>
public sealed record TruthGroup(
    string Category,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Variance,
    string? Note);
