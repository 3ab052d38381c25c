using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Ingestion;
using Recon.Api.Periods;
using Recon.Api.Runs;
using Wolverine.Http;

namespace Recon.Api.Audit;

/// <summary>One event of a period's history, as an auditor replays it.</summary>
/// <param name="Sequence">The event's position in the whole store: history is ordered by it.</param>
/// <param name="StreamId">The period's stream or one of its batch, run or review-case streams.</param>
/// <param name="Version">The event's position in its stream.</param>
/// <param name="Type">The event type, e.g. <c>period_opened</c>, <c>batch_received</c>.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="User">Who caused it.</param>
/// <param name="CorrelationId">The request that caused it.</param>
/// <param name="Data">The event's data. Recon's events hold no personal data.</param>
public sealed record AuditEvent(
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    DateTimeOffset Timestamp,
    string? User,
    string? CorrelationId,
    object Data);

public sealed record AuditEventsPage(IReadOnlyList<AuditEvent> Items, int Page, int PageSize, int TotalCount);

public sealed class AuditEventsQuery
{
    public const int MaxPageSize = 500;

    /// <summary>1-based page number, 1-1,000,000 (default 1).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Events per page, 1-500 (default 100).</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    public sealed class Validator : AbstractValidator<AuditEventsQuery>
    {
        public Validator()
        {
            RuleFor(x => x.Page).InclusiveBetween(1, Infrastructure.RequestValidation.MaxPage).WithMessage($"Page must be between 1 and {Infrastructure.RequestValidation.MaxPage}.");
            RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"Page size must be between 1 and {MaxPageSize}.");
        }
    }
}

public static class PeriodEventHistoryEndpoint
{
    [WolverineGet("/api/audit/periods/{periodId}/events", OperationId = "listPeriodEvents")]
    [Tags("Audit")]
    [EndpointSummary("A period's ordered event history: the period's own events and those of its batches, runs and review cases")]
    [ProducesResponseType<AuditEventsPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid periodId, [AsParameters] AuditEventsQuery query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<PeriodDetails>(periodId, cancellationToken) is null)
        {
            return PeriodProblems.NotFound(periodId);
        }

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 100;
        var batchIds = await session.Query<BatchSummary>()
            .Where(batch => batch.PeriodId == periodId)
            .Select(batch => batch.BatchId)
            .ToListAsync(cancellationToken);
        var runIds = await session.Query<RunSummary>()
            .Where(run => run.PeriodId == periodId)
            .Select(run => run.RunId)
            .ToListAsync(cancellationToken);
        var caseIds = await session.Query<Review.ReviewItem>()
            .Where(item => item.PeriodId == periodId)
            .Select(item => item.Id)
            .ToListAsync(cancellationToken);
        var streamIds = batchIds.Concat(runIds).Concat(caseIds).Append(periodId).ToArray();

        var events = session.Events.QueryAllRawEvents().Where(e => streamIds.Contains(e.StreamId));
        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderBy(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditEventsPage(items.Select(ToAuditEvent).ToList(), page, pageSize, total));
    }

    private static AuditEvent ToAuditEvent(IEvent e) =>
        new(e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.CorrelationId, e.Data);
}
