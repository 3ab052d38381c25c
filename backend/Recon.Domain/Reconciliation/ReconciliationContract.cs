using Recon.Domain.Ingestion;
using Recon.Domain.Periods;

namespace Recon.Domain.Reconciliation;

/// <summary>The category names of the public API, exactly as API consumers and auditors' scripts read them.</summary>
public static class Category
{
    public const string Exact = "exact";
    public const string Rounding = "rounding";
    public const string RateChange = "rate_change";
    public const string QuantityChange = "quantity_change";
    public const string DuplicateBilling = "duplicate_billing";
    public const string MissingInLedger = "missing_in_ledger";
    public const string MissingInClient = "missing_in_client";
    public const string PeriodMismatch = "period_mismatch";
    public const string SplitBilling = "split_billing";
    public const string ConsolidatedBilling = "consolidated_billing";
    public const string SiteMismatch = "site_mismatch";
    public const string ServiceMismatch = "service_mismatch";
    public const string CreditReversal = "credit_reversal";
    public const string CancelledButBilled = "cancelled_but_billed";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
    [
        Exact, Rounding, RateChange, QuantityChange, DuplicateBilling, MissingInLedger, MissingInClient, PeriodMismatch,
        SplitBilling, ConsolidatedBilling, SiteMismatch, ServiceMismatch, CreditReversal, CancelledButBilled, Other,
    ];
}

/// <summary>How a match was found.</summary>
public enum MatchMethod
{
    /// <summary>Same canonical job reference (or configured exact key).</summary>
    Exact,

    /// <summary>Scored on site, service, date, amount and reference similarity above the threshold.</summary>
    Fuzzy,

    /// <summary>Linked by a reviewer (issue 5); never produced by the engine.</summary>
    Manual,
}

/// <summary>What a run reconciles: one period's records as of one snapshot, the rules, and the client's rate history.</summary>
/// <remarks><c>Jobs</c>: The latest version of every client job of the period (cancelled ones included).</remarks>
/// <remarks><c>Lines</c>: The latest version of every ledger line of the period.</remarks>
/// <remarks><c>RateHistory</c>: Earlier months' median unit rates per (canonical site, canonical service); may be empty.</remarks>
/// <remarks><c>Vocabulary</c>: By line id, how its service and site were read through the client's vocabulary (<see cref="Normalization.Vocabulary.RunVocabulary"/>), for explanations; may be null.</remarks>
public sealed record ReconciliationInput(
    ReconciliationMonth Month,
    IReadOnlyList<ClientJobRecord> Jobs,
    IReadOnlyList<LedgerLineRecord> Lines,
    RuleConfiguration Rules,
    IReadOnlyList<MonthlyRate> RateHistory,
    IReadOnlyDictionary<string, IReadOnlyList<Normalization.Vocabulary.VocabularyUse>>? Vocabulary = null);

/// <summary>
/// Everything a run decided. Every job and every ledger line of the input is in exactly one <see cref="Groups"/> entry;
/// the groups' differences add up exactly (to the cent) to <see cref="RunKpis.Variance"/>.
/// </summary>
public sealed record ReconciliationResult(
    IReadOnlyList<ReconciliationGroup> Groups,
    IReadOnlyList<RateAnomaly> RateAnomalies,
    IReadOnlyList<MonthlyRate> RatesThisMonth,
    RunKpis Kpis);

/// <summary>
/// One reconciled item: the jobs and lines that belong together (a match, a 1:N or N:1 match, or records left alone),
/// its category, its difference and what happens to it. Category <c>exact</c> groups are not exceptions.
/// </summary>
/// <remarks><c>GroupId</c>: Deterministic: the same input gives the same ids (derived from the sorted source ids).</remarks>
/// <remarks><c>Match</c>: The match decision when jobs were paired with lines; null for records left unmatched.</remarks>
/// <remarks><c>Difference</c>: Ledger amount minus client amount (the client amount counts completed jobs only).</remarks>
/// <remarks><c>DifferencePercent</c>: Difference as a percentage of the client amount (null when the client amount is 0).</remarks>
/// <remarks><c>Impact</c>: The amount at stake (absolute), used for routing and priority.</remarks>
/// <remarks><c>Confidence</c>: How sure the engine is of the category and pairing, 0..1.</remarks>
/// <remarks><c>Resolution</c>: Null for <c>exact</c>; otherwise auto-resolved or routed to review.</remarks>
public sealed record ReconciliationGroup(
    Guid GroupId,
    string Category,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    MatchDecision? Match,
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Difference,
    decimal? DifferencePercent,
    decimal QuantityDifference,
    decimal UnitRateDifference,
    decimal Impact,
    double Confidence,
    string Reason,
    ExceptionResolution? Resolution)
{
    public bool IsException => Category != Reconciliation.Category.Exact;
}

/// <summary>A match: which jobs go with which lines, how it was found, how sure, and why.</summary>
public sealed record MatchDecision(
    Guid MatchId,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    MatchMethod Method,
    double Confidence,
    MatchExplanation Explanation);

/// <summary>
/// Why a match was made: the normalized values on both sides, each field's similarity and weight, the score against
/// the threshold, the rule-configuration version, and the runner-up candidates with their scores.
/// </summary>
public sealed record MatchExplanation(
    int RuleVersion,
    double Score,
    double Threshold,
    IReadOnlyList<FieldComparison> Fields,
    IReadOnlyList<RunnerUp> RunnersUp,
    string Summary,
    IReadOnlyList<Normalization.Vocabulary.VocabularyUse>? Vocabulary = null);

/// <summary>One field of a comparison: the two sides' normalized values, their similarity (0..1) and the field's weight.</summary>
public sealed record FieldComparison(string Field, string? ClientValue, string? LedgerValue, double Similarity, double Weight);

/// <summary>A candidate that scored lower than the chosen one.</summary>
public sealed record RunnerUp(IReadOnlyList<string> ClientJobIds, IReadOnlyList<string> LedgerLineIds, double Score);

/// <summary>What the policy decided for an exception.</summary>
public sealed record ExceptionResolution(bool AutoResolved, string Policy, string Reason, int Priority);

/// <summary>A unit rate far from its (site, service) history or a rate trend across months.</summary>
/// <remarks><c>Kind</c>: <c>rate_outlier</c> (robust z-score by median absolute deviation) or <c>rate_trend</c>.</remarks>
public sealed record RateAnomaly(
    string Kind,
    string SiteCode,
    string Service,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    decimal UnitRate,
    decimal Median,
    double Score,
    string Reason);

/// <summary>The median unit rate of one (site, service) in one month, as a run saw it.</summary>
public sealed record MonthlyRate(string Month, string SiteCode, string Service, decimal MedianRate, int Count);

/// <summary>
/// A run's figures. <see cref="ClientTotal"/> sums completed jobs; <see cref="LedgerTotal"/> sums every line (credits
/// negative); <see cref="Variance"/> = ledger − client, to the cent. "Ignoring cents": both totals truncated to whole
/// currency units before subtracting (<see cref="VarianceIgnoringCents"/>); <see cref="VariancePercent"/> is that
/// amount's absolute value over the truncated client total, in percent, rounded half away from zero to 2 decimals
/// (0 when both are 0, 100 when only the client total is 0). <see cref="OverLimit"/> when it exceeds
/// <see cref="VarianceLimitPercent"/> (the rule configuration's limit). <see cref="VarianceByCategory"/> adds up exactly to <see cref="Variance"/>.
/// </summary>
public sealed record RunKpis(
    string Currency,
    int ClientJobs,
    int LedgerLines,
    decimal ClientTotal,
    decimal LedgerTotal,
    decimal Variance,
    decimal VarianceIgnoringCents,
    decimal VariancePercent,
    decimal VarianceLimitPercent,
    bool OverLimit,
    decimal AutoMatchRate,
    int Matches,
    int ExactMatches,
    int FuzzyMatches,
    int Exceptions,
    int AutoResolved,
    int RoutedToReview,
    decimal AutoResolvedAmount,
    IReadOnlyDictionary<string, int> ExceptionsByCategory,
    IReadOnlyDictionary<string, decimal> VarianceByCategory);

/// <summary>
/// The versioned rules of matching, classification and routing. A change of any value is a new <see cref="Version"/>;
/// a run records the version (and the whole configuration) it used.
/// </summary>
public sealed record RuleConfiguration
{
    public int Version { get; init; } = 1;

    /// <summary>Weights of the fuzzy score's fields (normalised by their sum).</summary>
    public double SiteWeight { get; init; } = 0.25;

    public double ServiceWeight { get; init; } = 0.20;

    public double DateWeight { get; init; } = 0.15;

    public double AmountWeight { get; init; } = 0.25;

    public double ReferenceWeight { get; init; } = 0.15;

    /// <summary>A fuzzy pair below this score (0..1) is not a match.</summary>
    public double MatchThreshold { get; init; } = 0.75;

    /// <summary>Dates further apart than this are never candidates.</summary>
    public int DateWindowDays { get; init; } = 7;

    /// <summary>Relative amount band of the amount blocking key (e.g. 0.2 = within 20%).</summary>
    public double AmountBand { get; init; } = 0.20;

    /// <summary>Largest number of lines (or jobs) combined by a subset sum for split or consolidated billing.</summary>
    public int MaxSubsetSize { get; init; } = 3;

    /// <summary>Ledger columns compared exactly besides the canonical job reference (e.g. "po_number"); empty by default.</summary>
    public IReadOnlyList<string> ExactKeys { get; init; } = [];

    /// <summary>The monthly variance limit, in percent.</summary>
    public decimal VarianceLimitPercent { get; init; } = 1m;

    /// <summary>An exception whose impact is at most this amount and whose confidence is at least <see cref="AutoResolveMinConfidence"/> may be auto-resolved.</summary>
    public decimal AutoResolveMaxImpact { get; init; } = 1m;

    public double AutoResolveMinConfidence { get; init; } = 0.95;

    /// <summary>Categories the auto-resolve policy may close (others always go to review).</summary>
    public IReadOnlyList<string> AutoResolveCategories { get; init; } = [Category.Rounding];

    /// <summary>Share of the variance budget (limit % × client total) that auto-resolved impact may use up in a period.</summary>
    public decimal AutoResolveBudgetShare { get; init; } = 0.25m;

    /// <summary>Robust z-score (|x − median| / (1.4826 × MAD)) above which a unit rate is an outlier.</summary>
    public double RateOutlierZ { get; init; } = 3.5;

    public static RuleConfiguration Default { get; } = new();
}
