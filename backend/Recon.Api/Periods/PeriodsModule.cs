using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Recon.Domain.Periods;

namespace Recon.Api.Periods;

public static class PeriodsModule
{
    public static StoreOptions AddPeriods(this StoreOptions options)
    {
        options.Schema.For<PeriodDetails>()
            .Identity(period => period.PeriodId)
            .Index(period => period.OpenedAt);
        options.Projections.Add<PeriodStateProjection>(ProjectionLifecycle.Live);
        options.Projections.Add<PeriodDetailsProjection>(ProjectionLifecycle.Inline);
        return options;
    }
}

/// <summary>
/// Folds a period's events into the decider's <see cref="Period"/> state on demand (live, never stored).
/// It lives here rather than in the domain so the domain stays free of event-store references.
/// </summary>
public sealed partial class PeriodStateProjection : SingleStreamProjection<Period, Guid>
{
    public static Period Create(PeriodOpened opened) => Period.Create(opened);
}
