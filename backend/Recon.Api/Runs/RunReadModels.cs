using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Recon.Domain;
using Recon.Domain.Reconciliation;
using Recon.Domain.Runs;

namespace Recon.Api.Runs;

/// <summary>A run as the run screens and API consumers see it.</summary>
public sealed record RunSummary(
    Guid RunId,
    Guid PeriodId,
    string ClientId,
    string Month,
    RunStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    int? RuleConfigurationVersion,
    IReadOnlyList<RunInputBatch> Batches,
    int ClientJobs,
    int LedgerLines,
    string? RecordVersionsDigest,
    RunKpis? Kpis,
    string? FailureReason);

/// <summary>Builds <see cref="RunSummary"/> inline from each run stream.</summary>
public sealed partial class RunSummaryProjection : SingleStreamProjection<RunSummary, Guid>
{
    public static RunSummary Create(RunRequested e) =>
        new(e.RunId, e.PeriodId, e.ClientId, e.Month, RunStatus.Queued, e.RequestedBy, e.RequestedAt, null, null, null, [], 0, 0, null, null, null);

    public static RunSummary Apply(RunStarted e, RunSummary run) => run with
    {
        Status = RunStatus.Running,
        StartedAt = e.StartedAt,
        RuleConfigurationVersion = e.RuleConfigurationVersion,
        Batches = e.Batches,
        ClientJobs = e.ClientJobs,
        LedgerLines = e.LedgerLines,
        RecordVersionsDigest = e.RecordVersionsDigest,
    };

    public static RunSummary Apply(RunCompleted e, RunSummary run) => run with { Status = RunStatus.Completed, CompletedAt = e.CompletedAt, Kpis = e.Kpis };

    public static RunSummary Apply(RunFailed e, RunSummary run) => run with { Status = RunStatus.Failed, CompletedAt = e.FailedAt, FailureReason = e.Reason };
}

/// <summary>Folds a run stream into the decider's <see cref="Run"/> state on demand (never stored).</summary>
public sealed partial class RunStateProjection : SingleStreamProjection<Run, Guid>
{
    public static Run Create(RunRequested e) => Run.Create(e);

    public static Run Apply(RunStarted e, Run run) => Run.Apply(e, run);

    public static Run Apply(RunCompleted e, Run run) => Run.Apply(e, run);

    public static Run Apply(RunFailed e, Run run) => Run.Apply(e, run);
}

/// <summary>How far a running run has got: written while it works, outside the event stream (it decides nothing).</summary>
public sealed class RunProgress
{
    public Guid Id { get; set; }

    public string Phase { get; set; } = string.Empty;

    public decimal Progress { get; set; }
}

public enum ExceptionStatus
{
    /// <summary>Routed to the review queue and not decided yet.</summary>
    Open,

    /// <summary>Closed by the auto-resolve policy.</summary>
    AutoResolved,
}

/// <summary>What the run lists page by: the impact and the run's order.</summary>
public interface IRunItemView
{
    decimal Impact { get; }

    int Sequence { get; }
}

/// <summary>One match of one run, as <c>GET /api/runs/{runId}/matches</c> lists it.</summary>
public sealed class RunMatchView : IRunItemView
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public Guid MatchId { get; set; }

    public int Sequence { get; set; }

    public string Category { get; set; } = string.Empty;

    public List<string> ClientJobIds { get; set; } = [];

    public List<string> LedgerLineIds { get; set; } = [];

    public MatchMethod Method { get; set; }

    public double Confidence { get; set; }

    public decimal Impact { get; set; }

    /// <summary>
    /// The <c>MatchDecided</c> event's version in the run stream: the explanation is read from the event (by the
    /// stream's primary key) instead of being stored a second time here, which halves what a run writes.
    /// </summary>
    public long EventVersion { get; set; }
}

/// <summary>One exception of one run, as <c>GET /api/runs/{runId}/exceptions</c> lists it.</summary>
public sealed class RunExceptionView : IRunItemView
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public Guid PeriodId { get; set; }

    public Guid ExceptionId { get; set; }

    public int Sequence { get; set; }

    public string Category { get; set; } = string.Empty;

    public List<string> ClientJobIds { get; set; } = [];

    public List<string> LedgerLineIds { get; set; } = [];

    public Guid? MatchId { get; set; }

    public MatchMethod? Method { get; set; }

    public decimal ClientAmount { get; set; }

    public decimal LedgerAmount { get; set; }

    public decimal Difference { get; set; }

    public decimal? DifferencePercent { get; set; }

    public decimal QuantityDifference { get; set; }

    public decimal UnitRateDifference { get; set; }

    public decimal Impact { get; set; }

    public double Confidence { get; set; }

    public string Reason { get; set; } = string.Empty;

    public ExceptionStatus Status { get; set; }

    public int? Priority { get; set; }

    public string? Resolution { get; set; }
}

/// <summary>A rate anomaly a run flagged.</summary>
public sealed class RunAnomalyView
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public int Sequence { get; set; }

    public RateAnomaly Anomaly { get; set; } = null!;
}

public static class RunDocumentIds
{
    /// <summary>A match or exception id is stable across runs of the same records; its document is per run.</summary>
    public static Guid Of(Guid runId, Guid itemId) => StableId.NameBased(runId, itemId.ToString("N"));
}

/// <summary>Matches, exceptions and anomalies of each run, kept inline as the run's decisions are appended.</summary>
public sealed partial class RunResultsProjection : EventProjection
{
    public static RunMatchView Create(IEvent<MatchDecided> e) => new()
    {
        Id = RunDocumentIds.Of(e.Data.RunId, e.Data.MatchId),
        RunId = e.Data.RunId,
        MatchId = e.Data.MatchId,
        Sequence = e.Data.Sequence,
        Category = e.Data.Category,
        ClientJobIds = [.. e.Data.ClientJobIds],
        LedgerLineIds = [.. e.Data.LedgerLineIds],
        Method = e.Data.Method,
        Confidence = e.Data.Confidence,
        Impact = e.Data.Impact,
        EventVersion = e.Version,
    };

    /// <remarks>
    /// Keyed by the event's version in the run stream, which the run's appends give the inline projections (they
    /// append at a known version); the global sequence is not known to inline projections in Quick append mode (it
    /// is 0), so keying by it folded every anomaly of a run into one document.
    /// </remarks>
    public static RunAnomalyView Create(IEvent<RateAnomalyFlagged> e) => new()
    {
        Id = StableId.NameBased(e.Data.RunId, e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        RunId = e.Data.RunId,
        Sequence = (int)e.Version,
        Anomaly = e.Data.Anomaly,
    };
}

/// <summary>Each exception of each run with its routing: raised, then auto-resolved or routed to review.</summary>
public sealed partial class RunExceptionsProjection : MultiStreamProjection<RunExceptionView, Guid>
{
    public RunExceptionsProjection()
    {
        Identity<ExceptionRaised>(e => RunDocumentIds.Of(e.RunId, e.ExceptionId));
        Identity<ExceptionAutoResolved>(e => RunDocumentIds.Of(e.RunId, e.ExceptionId));
        Identity<ExceptionRoutedToReview>(e => RunDocumentIds.Of(e.RunId, e.ExceptionId));
    }

    public static RunExceptionView Create(ExceptionRaised e) => new()
    {
        Id = RunDocumentIds.Of(e.RunId, e.ExceptionId),
        RunId = e.RunId,
        PeriodId = e.PeriodId,
        ExceptionId = e.ExceptionId,
        Sequence = e.Sequence,
        Category = e.Category,
        ClientJobIds = [.. e.ClientJobIds],
        LedgerLineIds = [.. e.LedgerLineIds],
        MatchId = e.MatchId,
        Method = e.Method,
        ClientAmount = e.ClientAmount,
        LedgerAmount = e.LedgerAmount,
        Difference = e.Difference,
        DifferencePercent = e.DifferencePercent,
        QuantityDifference = e.QuantityDifference,
        UnitRateDifference = e.UnitRateDifference,
        Impact = e.Impact,
        Confidence = e.Confidence,
        Reason = e.Reason,
        Status = ExceptionStatus.Open,
    };

    public static void Apply(ExceptionAutoResolved e, RunExceptionView view)
    {
        view.Status = ExceptionStatus.AutoResolved;
        view.Resolution = $"{e.Policy}: {e.Reason}";
    }

    public static void Apply(ExceptionRoutedToReview e, RunExceptionView view)
    {
        view.Status = ExceptionStatus.Open;
        view.Priority = e.Priority;
    }
}

/// <summary>A period's reconciliation figures: those of its latest completed run.</summary>
public sealed class PeriodKpis
{
    public Guid Id { get; set; }

    public Guid? LatestRunId { get; set; }

    public DateTimeOffset? LatestRunCompletedAt { get; set; }

    public int RunsCompleted { get; set; }

    public RunKpis? Kpis { get; set; }
}

public sealed partial class PeriodKpisProjection : MultiStreamProjection<PeriodKpis, Guid>
{
    public PeriodKpisProjection() => Identity<RunCompleted>(e => e.PeriodId);

    public static void Apply(RunCompleted e, PeriodKpis kpis)
    {
        kpis.LatestRunId = e.RunId;
        kpis.LatestRunCompletedAt = e.CompletedAt;
        kpis.RunsCompleted++;
        kpis.Kpis = e.Kpis;
    }
}

/// <summary>A client's median unit rates per month, as its latest run of each month saw them: the history of rate checks.</summary>
public sealed class ClientRateHistory
{
    public string Id { get; set; } = string.Empty;

    public Dictionary<string, List<MonthlyRate>> RatesByMonth { get; set; } = new(StringComparer.Ordinal);
}

public sealed partial class ClientRateHistoryProjection : MultiStreamProjection<ClientRateHistory, string>
{
    public ClientRateHistoryProjection() => Identity<RunCompleted>(e => e.ClientId);

    public static void Apply(RunCompleted e, ClientRateHistory history) => history.RatesByMonth[e.Month] = [.. e.Rates];
}
