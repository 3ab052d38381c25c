using System.Security.Claims;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Auth;
using Recon.Domain.Access;
using Recon.Domain.Periods;
using Wolverine.Http;

namespace Recon.Api.Periods;

/// <summary>A reconciliation period as the review and reporting screens show it.</summary>
public sealed record PeriodDetails(
    Guid PeriodId,
    string ClientId,
    string Month,
    PeriodStatus Status,
    DateTimeOffset OpenedAt,
    string OpenedBy);

/// <summary>Builds <see cref="PeriodDetails"/> inline, in the same transaction as the period's events.</summary>
public sealed partial class PeriodDetailsProjection : SingleStreamProjection<PeriodDetails, Guid>
{
    public static PeriodDetails Create(IEvent<PeriodOpened> opened) =>
        new(opened.Data.PeriodId, opened.Data.ClientId, opened.Data.Month, PeriodStatus.Open, opened.Data.OpenedAt, opened.Data.OpenedBy);
}

public static class PeriodProblems
{
    public static IResult NotFound(Guid periodId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Period not found", detail: $"No period has id {periodId}.");
}

public sealed record PeriodsPage(IReadOnlyList<PeriodDetails> Items, int Page, int PageSize, long TotalCount);

public sealed class PeriodsQuery
{
    public const int MaxPageSize = 200;

    /// <summary>1-based page number, 1-1,000,000 (default 1).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Items per page, 1-200 (default 25).</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    public sealed class Validator : AbstractValidator<PeriodsQuery>
    {
        public Validator()
        {
            RuleFor(x => x.Page).InclusiveBetween(1, Infrastructure.RequestValidation.MaxPage).WithMessage($"Page must be between 1 and {Infrastructure.RequestValidation.MaxPage}.");
            RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"Page size must be between 1 and {MaxPageSize}.");
        }
    }
}

public static class PeriodScope
{
    /// <summary>Only the periods of clients the caller may see (every period for callers who see every client).</summary>
    public static IQueryable<PeriodDetails> OfClients(this IQueryable<PeriodDetails> periods, ClientAccess access)
    {
        if (access.AllClients)
        {
            return periods;
        }

        var clients = access.ClientIds.ToArray();
        return periods.Where(period => clients.Contains(period.ClientId));
    }
}

public static class PeriodDetailsEndpoints
{
    [WolverineGet("/api/periods", OperationId = "listPeriods")]
    [Tags("Periods")]
    [EndpointSummary("List reconciliation periods, newest first")]
    public static async Task<PeriodsPage> List([AsParameters] PeriodsQuery query, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        var items = await session.Query<PeriodDetails>()
            .OfClients(ReconClaims.ClientAccessOf(user))
            .OrderByDescending(period => period.OpenedAt)
            .ThenBy(period => period.ClientId)
            .ToPagedListAsync(page, pageSize, cancellationToken);
        return new PeriodsPage(items.ToList(), page, pageSize, items.TotalItemCount);
    }

    [WolverineGet("/api/periods/{periodId}", OperationId = "getPeriod")]
    [Tags("Periods")]
    [EndpointSummary("Get one reconciliation period")]
    [ProducesResponseType<PeriodDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid periodId, IQuerySession session, CancellationToken cancellationToken)
    {
        var period = await session.LoadAsync<PeriodDetails>(periodId, cancellationToken);
        return period is null
            ? PeriodProblems.NotFound(periodId)
            : TypedResults.Ok(period);
    }
}
