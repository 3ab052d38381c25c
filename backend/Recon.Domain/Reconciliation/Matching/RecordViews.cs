using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.Domain.Reconciliation.Matching;

/// <summary>A client job as the matcher reads it: its canonical values and interned text ids for cached similarities.</summary>
internal sealed class JobView(int index, ClientJobRecord record, int siteTextId, int serviceTextId)
{
    public int Index { get; } = index;

    public ClientJobRecord Record { get; } = record;

    public string Id => Record.JobId;

    public string? Reference { get; } = JobReference.CanonicalOrNull(record.JobId);

    public string? Site => Record.CanonicalSiteCode;

    public string SiteName => Record.SiteName;

    public int SiteTextId { get; } = siteTextId;

    public string? Service => Record.CanonicalService;

    public string ServiceText => Record.CanonicalService ?? Record.ServiceType;

    public int ServiceTextId { get; } = serviceTextId;

    public DateOnly Date => Record.ServiceDate;

    public decimal Quantity => Record.Quantity;

    public decimal Rate => Record.UnitRate;

    public decimal Amount => Record.Amount.Amount;

    public bool Billable => Record.IsBillable;
}

/// <summary>A ledger line as the matcher reads it.</summary>
internal sealed class LineView(int index, LedgerLineRecord record, int siteTextId, int serviceTextId)
{
    public int Index { get; } = index;

    public LedgerLineRecord Record { get; } = record;

    public string Id => Record.LineId;

    public string? Reference => Record.CanonicalJobRef;

    public string? Site => Record.CanonicalSiteCode;

    public string SiteText => Record.CustomerSite;

    public int SiteTextId { get; } = siteTextId;

    public string? Service => Record.CanonicalService;

    public string ServiceText => Record.CanonicalService ?? Record.Description;

    public int ServiceTextId { get; } = serviceTextId;

    public DateOnly Date => Record.ServiceDate;

    public decimal Quantity => Record.Quantity;

    public decimal Price => Record.UnitPrice;

    public decimal Total => Record.LineTotal.Amount;

    /// <summary>Same service, date and unit price, with quantity and total negated: this line reverses <paramref name="other"/>.</summary>
    public bool Reverses(LineView other) =>
        Total != 0m && Total == -other.Total && Quantity == -other.Quantity && Date == other.Date && ServiceText == other.ServiceText;

    /// <summary>The same billing written twice: same site, service, date, quantity, price and total.</summary>
    public bool SameBillingAs(LineView other) =>
        Total == other.Total && Quantity == other.Quantity && Price == other.Price && Date == other.Date
        && ServiceText == other.ServiceText && (Site ?? SiteText) == (other.Site ?? other.SiteText);
}
