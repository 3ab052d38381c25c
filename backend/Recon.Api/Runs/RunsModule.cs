using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Recon.Api.Runs;

public static class RunsModule
{
    public static StoreOptions AddRuns(this StoreOptions options)
    {
        options.Schema.For<RunSummary>().Identity(run => run.RunId).Index(run => run.PeriodId);
        options.Schema.For<RunMatchView>()
            .Duplicate(m => m.RunId)
            .Duplicate(m => m.Sequence)
            .Duplicate(m => m.Impact);
        options.Schema.For<RunExceptionView>()
            .Duplicate(e => e.RunId)
            .Duplicate(e => e.PeriodId)
            .Duplicate(e => e.Sequence)
            .Duplicate(e => e.Impact);
        options.Schema.For<RunAnomalyView>().Duplicate(a => a.RunId);
        options.Projections.Add<RunStateProjection>(ProjectionLifecycle.Live);
        options.Projections.Add<RunSummaryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<RunResultsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<RunExceptionsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<PeriodKpisProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ClientRateHistoryProjection>(ProjectionLifecycle.Inline);
        return options;
    }

    /// <summary>Runs execute from a durable local queue: persisted messages survive a restart; transient faults are retried.</summary>
    public static WolverineOptions AddRuns(this WolverineOptions options)
    {
        options.LocalQueueFor<ExecuteRun>().UseDurableInbox().MaximumParallelMessages(1);
        // Matched on the whole exception chain: Marten wraps a dropped connection (57P01) in MartenCommandException.
        // The handler writes RunFailed itself on its last attempt, so a run ends failed, never wedged "running".
        options.Policies.OnException(ExecuteRunHandler.IsTransient)
            .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        return options;
    }
}
