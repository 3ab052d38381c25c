using Recon.Domain.Reconciliation;

namespace Recon.DataGenerator;

/// <summary>
/// The ground truth's categories: what really happened between a job and its ledger lines. The names are the product's
/// (<see cref="Category"/>); the generator makes every one but <c>other</c>.
/// </summary>
public static class AnomalyCategory
{
    public const string Exact = Category.Exact;
    public const string Rounding = Category.Rounding;
    public const string RateChange = Category.RateChange;
    public const string QuantityChange = Category.QuantityChange;
    public const string DuplicateBilling = Category.DuplicateBilling;
    public const string MissingInLedger = Category.MissingInLedger;
    public const string MissingInClient = Category.MissingInClient;
    public const string PeriodMismatch = Category.PeriodMismatch;
    public const string SplitBilling = Category.SplitBilling;
    public const string ConsolidatedBilling = Category.ConsolidatedBilling;
    public const string SiteMismatch = Category.SiteMismatch;
    public const string ServiceMismatch = Category.ServiceMismatch;
    public const string CreditReversal = Category.CreditReversal;
    public const string CancelledButBilled = Category.CancelledButBilled;

    public static IReadOnlyList<string> All { get; } =
    [
        Exact, Rounding, RateChange, QuantityChange, DuplicateBilling, MissingInLedger, MissingInClient, PeriodMismatch,
        SplitBilling, ConsolidatedBilling, SiteMismatch, ServiceMismatch, CreditReversal, CancelledButBilled,
    ];

    /// <summary>What each category means in the generated data; written into the ground truth.</summary>
    public static IReadOnlyDictionary<string, string> Definitions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Exact] = "A completed job billed on one line with the same site, service, month, quantity, unit price and total (job_ref, site name, description, date and amount formats may still be written differently); or a cancelled job correctly not billed (no lines, nothing expected).",
        [Rounding] = "A completed job billed on one line whose total differs from the job's amount by less than one currency unit; quantity and unit price are the job's.",
        [RateChange] = "A completed job billed on one line at another unit price (quantity unchanged); the total differs by at least one currency unit.",
        [QuantityChange] = "A completed job billed on one line with another quantity (unit price unchanged); the total differs by at least one currency unit.",
        [DuplicateBilling] = "A completed job billed twice: two identical lines (on the same or a later invoice).",
        [MissingInLedger] = "A completed job that was never billed: no ledger line.",
        [MissingInClient] = "A ledger line for no job of the client: its job_ref names a job the client does not report, or is blank.",
        [PeriodMismatch] = "A completed job billed with a service date in the previous or next month (cut-off); the amount is the job's.",
        [SplitBilling] = "A completed job billed as 2-3 lines whose quantities and totals add up to the job's.",
        [ConsolidatedBilling] = "2-3 completed jobs of the same site and service billed as one line: quantities and totals summed, job_ref naming the first job or blank.",
        [SiteMismatch] = "A completed job billed to another of the client's sites; the amount is the job's.",
        [ServiceMismatch] = "A completed job billed under another service type; the amount is the job's.",
        [CreditReversal] = "A completed job billed on a line (sometimes at a wrong price), that line reversed by a full credit line (negative quantity and total), and the job billed again correctly: three lines netting to the job's amount, so no variance.",
        [CancelledButBilled] = "A cancelled job billed on one line at its amount (the client total excludes it).",
    };
}

/// <summary>The rates behind one noise level: how many jobs carry an anomaly and how messy the ledger is written.</summary>
internal sealed record NoiseProfile(
    double AnomalyRate,
    double CancelledBilledShare,
    double MissingInClientRate,
    double BlankJobRef,
    double OtherJobRefForm,
    double SiteVariant,
    double DescriptionVariant,
    double NonIsoDate,
    double DollarFormat,
    double ParenthesisCredit,
    double CurrencyVariant,
    double BlankPostedDate)
{
    public const double CancelledRate = 0.03;

    public static NoiseProfile For(NoiseLevel noise) => noise switch
    {
        NoiseLevel.Low => new(0.12, 0.20, 0.010, 0.02, 0.15, 0.15, 0.20, 0.15, 0.10, 0.30, 0.02, 0.00),
        NoiseLevel.Medium => new(0.25, 0.35, 0.020, 0.06, 0.35, 0.35, 0.45, 0.45, 0.30, 0.50, 0.05, 0.02),
        _ => new(0.40, 0.50, 0.040, 0.12, 0.55, 0.60, 0.70, 0.70, 0.50, 0.60, 0.10, 0.05),
    };

    /// <summary>Relative weights of the anomalies a completed job can carry (missing_in_client and cancelled_but_billed are drawn apart).</summary>
    public static IReadOnlyList<(string Category, int Weight)> JobAnomalyWeights { get; } =
    [
        (AnomalyCategory.ConsolidatedBilling, 7),
        (AnomalyCategory.PeriodMismatch, 8),
        (AnomalyCategory.Rounding, 12),
        (AnomalyCategory.RateChange, 10),
        (AnomalyCategory.QuantityChange, 10),
        (AnomalyCategory.DuplicateBilling, 8),
        (AnomalyCategory.MissingInLedger, 10),
        (AnomalyCategory.SplitBilling, 7),
        (AnomalyCategory.SiteMismatch, 7),
        (AnomalyCategory.ServiceMismatch, 7),
        (AnomalyCategory.CreditReversal, 6),
    ];
}
