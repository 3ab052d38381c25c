using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Auth;
using Recon.Api.Infrastructure;
using Recon.Api.Periods;
using Recon.Api.Runs;
using Recon.Domain.Reconciliation;
using Wolverine.Http;

namespace Recon.Api.Review;

/// <summary>
/// A period's figures before and after review. Before: the latest run's variance ignoring cents. After: that variance
/// less the differences of the exceptions resolved (by reviewers, approvers or the auto-resolve policy), ignoring cents.
/// Percent of the client total ignoring cents, 2 decimals, as for the run.
/// </summary>
public sealed record ReviewKpis(
    decimal VarianceBeforeReview,
    decimal VarianceAfterReview,
    decimal VariancePercentBeforeReview,
    decimal VariancePercentAfterReview,
    decimal VarianceLimitPercent,
    bool OverLimitBeforeReview,
    bool OverLimitAfterReview,
    int Open,
    int PendingApproval,
    int Resolved,
    IReadOnlyDictionary<string, int> OpenByCategory,
    IReadOnlyDictionary<string, int> ResolvedByCategory);

public sealed record LatestRun(Guid RunId, Domain.Runs.RunStatus Status, DateTimeOffset? CompletedAt);

public sealed record DashboardPeriod(Guid PeriodId, string ClientId, string Month, string? Currency, LatestRun? LatestRun, ReviewKpis? Review);

public sealed record Dashboard(IReadOnlyList<DashboardPeriod> Periods);

/// <summary>What a pending decision waits on, for the approvals inbox.</summary>
public sealed record ApprovalsPage(IReadOnlyList<PendingDecisionView> Items, string? NextCursor);

public static class ReviewFigures
{
    /// <summary>Counts and resolved differences per period, status and category (cleared cases are no longer raised: left out).</summary>
    public static async Task<List<(Guid PeriodId, string Status, string Category, int Count, decimal Difference)>> TallyAsync(
        IQuerySession session, IReadOnlyCollection<Guid> periodIds, CancellationToken cancellationToken)
    {
        if (periodIds.Count == 0)
        {
            return [];
        }

        return await StoreSql.ReadAsync(
            session,
            $"select d.period_id, d.status, d.category, count(*)::int, coalesce(sum((d.data ->> 'difference')::numeric), 0) from {ReviewQueueSql.TableOf(session)} as d " +
            "where d.period_id = any($1) and d.status <> 'cleared' group by d.period_id, d.status, d.category",
            [periodIds.ToArray()],
            reader => (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetDecimal(4)),
            cancellationToken);
    }

    public static ReviewKpis? Of(RunKpis? kpis, IEnumerable<(string Status, string Category, int Count, decimal Difference)> tally)
    {
        if (kpis is null)
        {
            return null;
        }

        var rows = tally.ToList();
        var closed = rows.Where(r => r.Status is "resolved" or "autoResolved").ToList();
        var open = rows.Where(r => r.Status is "open" or "pendingApproval").ToList();
        var truncatedClient = Math.Truncate(kpis.ClientTotal);
        var after = Math.Truncate(kpis.VarianceIgnoringCents - closed.Sum(r => r.Difference));
        var percentAfter = truncatedClient == 0m
            ? after == 0m ? 0m : 100m
            : Math.Round(Math.Abs(after) / truncatedClient * 100m, 2, MidpointRounding.AwayFromZero);
        return new ReviewKpis(
            kpis.VarianceIgnoringCents,
            after,
            kpis.VariancePercent,
            percentAfter,
            kpis.VarianceLimitPercent,
            kpis.OverLimit,
            percentAfter > kpis.VarianceLimitPercent,
            rows.Where(r => r.Status == "open").Sum(r => r.Count),
            rows.Where(r => r.Status == "pendingApproval").Sum(r => r.Count),
            closed.Sum(r => r.Count),
            ByCategory(open),
            ByCategory(closed));
    }

    private static Dictionary<string, int> ByCategory(IEnumerable<(string Status, string Category, int Count, decimal Difference)> rows) =>
        Category.All.Where(category => category != Category.Exact)
            .ToDictionary(category => category, category => rows.Where(r => r.Category == category).Sum(r => r.Count), StringComparer.Ordinal);
}

public static class ReviewOverviewEndpoints
{
    public const int DashboardPeriods = 24;

    [WolverineGet("/api/dashboard", OperationId = "getDashboard")]
    [Tags("Review")]
    [EndpointSummary("The latest periods with their latest run and variance before and after review against the limit")]
    [ProducesResponseType<Dashboard>(StatusCodes.Status200OK)]
    public static async Task<Dashboard> Dashboard(IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var periods = await session.Query<PeriodDetails>().OfClients(ReconClaims.ClientAccessOf(user)).OrderByDescending(p => p.OpenedAt).Take(DashboardPeriods).ToListAsync(cancellationToken);
        var ids = periods.Select(p => p.PeriodId).ToList();
        var kpis = (await session.LoadManyAsync<PeriodKpis>(cancellationToken, ids)).ToDictionary(k => k.Id);
        var runs = await session.Query<RunSummary>().Where(run => ids.Contains(run.PeriodId)).ToListAsync(cancellationToken);
        var latest = runs.GroupBy(run => run.PeriodId).ToDictionary(g => g.Key, g => g.OrderByDescending(run => run.RequestedAt).First());
        var tally = (await ReviewFigures.TallyAsync(session, ids, cancellationToken)).ToLookup(r => r.PeriodId, r => (r.Status, r.Category, r.Count, r.Difference));
        return new Dashboard(periods.Select(p =>
        {
            var periodKpis = kpis.GetValueOrDefault(p.PeriodId)?.Kpis;
            var run = latest.GetValueOrDefault(p.PeriodId);
            return new DashboardPeriod(
                p.PeriodId,
                p.ClientId,
                p.Month,
                periodKpis?.Currency,
                run is null ? null : new LatestRun(run.RunId, run.Status, run.CompletedAt),
                ReviewFigures.Of(periodKpis, tally[p.PeriodId]));
        }).ToList());
    }

    [WolverineGet("/api/approvals", OperationId = "listApprovals")]
    [Authorize(Policy = Policies.Approve)]
    [Tags("Approvals")]
    [EndpointSummary("The approvals inbox: decisions waiting for an approver, largest impact first")]
    [ProducesResponseType<ApprovalsPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Approvals([FromQuery(Name = "cursor")] string? cursor, [FromQuery(Name = "limit")] int? limit, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new ReviewQueueQuery { Status = "pendingApproval", Cursor = cursor, Limit = limit };
        var invalid = new ReviewQueueQuery.Validator().Validate(query);
        if (!invalid.IsValid)
        {
            return Results.ValidationProblem(
                invalid.Errors.GroupBy(e => RequestValidation.JsonFieldName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
                title: "The request has invalid fields");
        }

        var page = await ReviewQueueSql.PageAsync(session, query, Actor.NameOf(user), ReconClaims.ClientAccessOf(user), cancellationToken);
        return TypedResults.Ok(new ApprovalsPage(page.Items.Select(item => item.PendingDecision).OfType<PendingDecisionView>().ToList(), page.NextCursor));
    }
}
