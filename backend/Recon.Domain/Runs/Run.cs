namespace Recon.Domain.Runs;

public enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A run's state as its decider needs it, folded from the run stream.</summary>
public sealed record Run(Guid Id, Guid PeriodId, RunStatus Status, RunStarted? Started)
{
    public static Run Create(RunRequested requested) => new(requested.RunId, requested.PeriodId, RunStatus.Queued, null);

    public static Run Apply(RunStarted started, Run run) => run with { Status = RunStatus.Running, Started = started };

    public static Run Apply(RunCompleted _, Run run) => run with { Status = RunStatus.Completed };

    public static Run Apply(RunFailed _, Run run) => run with { Status = RunStatus.Failed };
}

/// <summary>What to do when the run's message arrives (it may arrive more than once: after a restart, a retry).</summary>
public enum RunStep
{
    /// <summary>Queued: take a snapshot and start.</summary>
    Start,

    /// <summary>Started before but never finished (the process stopped): redo the work on the snapshot recorded then.</summary>
    Resume,

    /// <summary>Already completed or failed: do nothing, so a run is never done twice.</summary>
    Skip,
}

/// <summary>Pure decisions about runs.</summary>
public static class RunDecider
{
    public static Decision<RunRequested> Request(Periods.Period? period, IReadOnlyCollection<Run> activeRuns, Guid runId, string user, DateTimeOffset now)
    {
        if (period is null)
        {
            return new Decision<RunRequested>.Rejected(new Rejection(RejectionKind.NotFound, "Period not found", "No period has this id."));
        }

        if (activeRuns.FirstOrDefault() is { } active)
        {
            return new Decision<RunRequested>.Rejected(new Rejection(
                RejectionKind.Conflict, "A run is already in progress", $"Run {active.Id} of this period is {active.Status.ToString().ToLowerInvariant()}; wait for it to finish."));
        }

        return new Decision<RunRequested>.Accepted(new RunRequested(runId, period.Id, period.ClientId, period.Month, user, now));
    }

    public static RunStep NextStep(Run? run) => run?.Status switch
    {
        RunStatus.Queued => RunStep.Start,
        RunStatus.Running => RunStep.Resume,
        _ => RunStep.Skip,
    };
}
