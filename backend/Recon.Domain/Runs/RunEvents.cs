using Recon.Domain.Ingestion;
using Recon.Domain.Reconciliation;

namespace Recon.Domain.Runs;

/// <summary>A user asked for a period to be reconciled: the first event of every run stream.</summary>
public sealed record RunRequested(Guid RunId, Guid PeriodId, string ClientId, string Month, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>A batch whose records a run reads: the snapshot is exactly the completed batches listed in <see cref="RunStarted"/>.</summary>
public sealed record RunInputBatch(Guid BatchId, BatchSource Source, string FileName, string Checksum, DateTimeOffset ReceivedAt);

/// <summary>
/// A run began on a consistent snapshot: these completed batches (latest version of each record among them wins),
/// these record counts, this rule configuration.
/// </summary>
public sealed record RunStarted(
    Guid RunId,
    Guid PeriodId,
    IReadOnlyList<RunInputBatch> Batches,
    int ClientJobs,
    int LedgerLines,
    string RecordVersionsDigest,
    int RuleConfigurationVersion,
    RuleConfiguration Rules,
    DateTimeOffset StartedAt);

/// <summary>
/// What a run could not read: ledger descriptions and site names that resolve to none of the client's services or
/// sites. Data quality, not revenue: such a line is never a mismatch for it.
/// </summary>
public sealed record RunDataQualityRecorded(Guid RunId, Guid PeriodId, Normalization.Vocabulary.DataQualityFindings Findings);

/// <summary>A run moved on (progress 0..1); informative only, never needed to rebuild results.</summary>
public sealed record RunProgressed(Guid RunId, string Phase, decimal Progress);

/// <summary>The engine paired these jobs with these lines.</summary>
public sealed record MatchDecided(
    Guid RunId,
    Guid MatchId,
    Guid GroupId,
    int Sequence,
    string Category,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    MatchMethod Method,
    double Confidence,
    decimal Impact,
    MatchExplanation Explanation);

/// <summary>A difference the engine could not call exact: its category, amounts and the records involved.</summary>
public sealed record ExceptionRaised(
    Guid RunId,
    Guid PeriodId,
    Guid ExceptionId,
    int Sequence,
    string Category,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    Guid? MatchId,
    MatchMethod? Method,
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Difference,
    decimal? DifferencePercent,
    decimal QuantityDifference,
    decimal UnitRateDifference,
    decimal Impact,
    double Confidence,
    string Reason);

/// <summary>The auto-resolve policy closed an exception (low impact, high confidence, within the budget).</summary>
public sealed record ExceptionAutoResolved(Guid RunId, Guid ExceptionId, string Policy, string Reason);

/// <summary>An exception went to the review queue with a priority (1 = most urgent).</summary>
public sealed record ExceptionRoutedToReview(Guid RunId, Guid ExceptionId, int Priority, string Reason);

/// <summary>A unit rate far from its history, or a rate trend across months.</summary>
public sealed record RateAnomalyFlagged(Guid RunId, RateAnomaly Anomaly);

/// <summary>A run finished: its figures and the month's median rates (the history later runs compare against).</summary>
public sealed record RunCompleted(Guid RunId, Guid PeriodId, string ClientId, string Month, RunKpis Kpis, IReadOnlyList<MonthlyRate> Rates, DateTimeOffset CompletedAt);

/// <summary>A run could not finish; none of its decisions were recorded.</summary>
public sealed record RunFailed(Guid RunId, Guid PeriodId, string Reason, DateTimeOffset FailedAt);
