using System.Globalization;
using System.Text;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Periods;
using Recon.Domain.Reconciliation;
using Recon.Domain.Runs;
using Wolverine.Http;

namespace Recon.Api.Runs;

/// <summary>A run with its progress: status, snapshot, rule version and, once completed, its KPIs.</summary>
public sealed record RunView(
    Guid RunId,
    Guid PeriodId,
    string ClientId,
    string Month,
    RunStatus Status,
    string Phase,
    decimal Progress,
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
    string? FailureReason)
{
    public static RunView Of(RunSummary run, RunProgress? progress) => new(
        run.RunId, run.PeriodId, run.ClientId, run.Month, run.Status,
        run.Status switch { RunStatus.Completed => "completed", RunStatus.Failed => "failed", _ => progress?.Phase ?? "queued" },
        run.Status == RunStatus.Completed ? 1m : progress?.Progress ?? 0m,
        run.RequestedBy, run.RequestedAt, run.StartedAt, run.CompletedAt, run.RuleConfigurationVersion, run.Batches, run.ClientJobs, run.LedgerLines,
        run.RecordVersionsDigest, run.Kpis, run.FailureReason);
}

public sealed record RunList(IReadOnlyList<RunView> Items);

public sealed record MatchItem(
    Guid MatchId,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    MatchMethod Method,
    double Confidence,
    string Category,
    decimal Impact,
    MatchExplanation Explanation);

public sealed record ExceptionItem(
    Guid ExceptionId,
    string Category,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Difference,
    decimal? DifferencePercent,
    decimal QuantityDifference,
    decimal UnitRateDifference,
    decimal Impact,
    double Confidence,
    ExceptionStatus Status,
    int? Priority,
    string Reason,
    string? Resolution,
    Guid? MatchId,
    MatchMethod? Method);

/// <summary>A page of a run's matches and the cursor of the next page (null on the last page).</summary>
public sealed record MatchesPage(IReadOnlyList<MatchItem> Items, string? NextCursor);

/// <summary>A page of a run's exceptions and the cursor of the next page (null on the last page).</summary>
public sealed record ExceptionsPage(IReadOnlyList<ExceptionItem> Items, string? NextCursor);

/// <summary>A period's figures: its latest completed run's KPIs and, after review, what reviewers' decisions left open.</summary>
public sealed record PeriodKpisView(Guid PeriodId, Guid? LatestRunId, DateTimeOffset? LatestRunCompletedAt, int RunsCompleted, RunKpis? Kpis, Review.ReviewKpis? Review);

/// <summary>Filters, order and cursor of a run's matches or exceptions.</summary>
public sealed class RunItemsQuery
{
    public const int MaxLimit = 500;

    /// <summary>Only this category (e.g. <c>rate_change</c>).</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>Only exceptions in this status: <c>open</c> or <c>autoResolved</c>.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>Only items found this way: <c>exact</c> or <c>fuzzy</c>.</summary>
    [FromQuery(Name = "method")]
    public string? Method { get; set; }

    /// <summary><c>impact</c> (largest first) or <c>sequence</c> (the run's order, default).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>Items per page, 1-500 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }

    public bool ByImpact => string.Equals(Sort, "impact", StringComparison.OrdinalIgnoreCase);

    public ExceptionStatus? ParsedStatus => Status is null ? null : Enum.Parse<ExceptionStatus>(Status, ignoreCase: true);

    public MatchMethod? ParsedMethod => Method is null ? null : Enum.Parse<MatchMethod>(Method, ignoreCase: true);

    public RunCursor? ParsedCursor => Cursor is null ? null : RunCursor.TryParse(Cursor, out var cursor) ? cursor : null;

    public sealed class Validator : AbstractValidator<RunItemsQuery>
    {
        public Validator()
        {
            RuleFor(x => x.Category).Must(c => c is null || Domain.Reconciliation.Category.All.Contains(c))
                .WithMessage($"Category must be one of: {string.Join(", ", Domain.Reconciliation.Category.All)}.");
            RuleFor(x => x.Status).Must(s => s is null || s.Equals("open", StringComparison.OrdinalIgnoreCase) || s.Equals("autoResolved", StringComparison.OrdinalIgnoreCase))
                .WithMessage("Status must be 'open' or 'autoResolved'.");
            RuleFor(x => x.Method).Must(m => m is null || m.Equals("exact", StringComparison.OrdinalIgnoreCase) || m.Equals("fuzzy", StringComparison.OrdinalIgnoreCase) || m.Equals("manual", StringComparison.OrdinalIgnoreCase))
                .WithMessage("Method must be 'exact', 'fuzzy' or 'manual'.");
            RuleFor(x => x.Sort).Must(s => s is null || s.Equals("impact", StringComparison.OrdinalIgnoreCase) || s.Equals("sequence", StringComparison.OrdinalIgnoreCase))
                .WithMessage("Sort must be 'impact' or 'sequence'.");
            RuleFor(x => x.Cursor).Must((query, c) => c is null || (RunCursor.TryParse(c, out var cursor) && cursor.ByImpact == query.ByImpact))
                .WithMessage("Cursor is not one this list gave (it must be the nextCursor of the previous page, with the same sort).");
            RuleFor(x => x.Limit).InclusiveBetween(1, MaxLimit).WithMessage($"Limit must be between 1 and {MaxLimit}.");
        }
    }
}

/// <summary>Where the next page starts: after this (impact, sequence) or this sequence. Opaque to clients.</summary>
public sealed record RunCursor(bool ByImpact, decimal Impact, int Sequence)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        ByImpact ? string.Create(CultureInfo.InvariantCulture, $"i:{Impact}:{Sequence}") : string.Create(CultureInfo.InvariantCulture, $"s:{Sequence}")))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string text, out RunCursor cursor)
    {
        cursor = new RunCursor(false, 0, 0);
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            switch (parts)
            {
                case ["s", var sequence] when int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    cursor = new RunCursor(false, 0, s);
                    return true;
                case ["i", var impact, var sequence]
                    when decimal.TryParse(impact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    && int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    cursor = new RunCursor(true, i, s);
                    return true;
                default:
                    return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public static class RunProblems
{
    public static IResult NotFound(Guid runId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"No run has id {runId}.");
}

public static class RunEndpoints
{
    [WolverineGet("/api/runs/{runId}", OperationId = "getRun")]
    [Tags("Runs")]
    [EndpointSummary("Get a run: status, progress, snapshot and KPIs")]
    [ProducesResponseType<RunView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid runId, IQuerySession session, CancellationToken cancellationToken)
    {
        var run = await session.LoadAsync<RunSummary>(runId, cancellationToken);
        return run is null
            ? RunProblems.NotFound(runId)
            : TypedResults.Ok(RunView.Of(run, await session.LoadAsync<RunProgress>(runId, cancellationToken)));
    }

    [WolverineGet("/api/periods/{periodId}/runs", OperationId = "listRuns")]
    [Tags("Runs")]
    [EndpointSummary("List a period's runs, newest first")]
    [ProducesResponseType<RunList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> List(Guid periodId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<PeriodDetails>(periodId, cancellationToken) is null)
        {
            return PeriodProblems.NotFound(periodId);
        }

        var runs = await session.Query<RunSummary>().Where(run => run.PeriodId == periodId).OrderByDescending(run => run.RequestedAt).ToListAsync(cancellationToken);
        var progress = (await session.LoadManyAsync<RunProgress>(cancellationToken, runs.Select(run => run.RunId))).ToDictionary(p => p.Id);
        return TypedResults.Ok(new RunList(runs.Select(run => RunView.Of(run, progress.GetValueOrDefault(run.RunId))).ToList()));
    }

    [WolverineGet("/api/periods/{periodId}/kpis", OperationId = "getPeriodKpis")]
    [Tags("Runs")]
    [EndpointSummary("Get a period's KPIs: those of its latest completed run, and the variance before and after review")]
    [ProducesResponseType<PeriodKpisView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Kpis(Guid periodId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<PeriodDetails>(periodId, cancellationToken) is null)
        {
            return PeriodProblems.NotFound(periodId);
        }

        var kpis = await session.LoadAsync<PeriodKpis>(periodId, cancellationToken);
        var tally = await Review.ReviewFigures.TallyAsync(session, [periodId], cancellationToken);
        return TypedResults.Ok(new PeriodKpisView(
            periodId, kpis?.LatestRunId, kpis?.LatestRunCompletedAt, kpis?.RunsCompleted ?? 0, kpis?.Kpis,
            Review.ReviewFigures.Of(kpis?.Kpis, tally.Select(r => (r.Status, r.Category, r.Count, r.Difference)))));
    }

    [WolverineGet("/api/runs/{runId}/matches", OperationId = "listRunMatches")]
    [Tags("Runs")]
    [EndpointSummary("List a run's matches with their explanations")]
    [EndpointDescription("Cursor-paginated. Filter by category or method; sort by impact (largest first) or by the run's order. Ids are source ids: job_id and invoice_number/line_no.")]
    [ProducesResponseType<MatchesPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Matches(Guid runId, [AsParameters] RunItemsQuery query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<RunSummary>(runId, cancellationToken) is null)
        {
            return RunProblems.NotFound(runId);
        }

        var items = session.Query<RunMatchView>().Where(m => m.RunId == runId);
        if (query.Category is { } category)
        {
            items = items.Where(m => m.Category == category);
        }

        if (query.ParsedMethod is { } method)
        {
            items = items.Where(m => m.Method == method);
        }

        if (query.Status is not null)
        {
            // A match is never an exception: an exception status filter leaves only matches holding exceptions in that status.
            var status = query.ParsedStatus!.Value;
            var matchIds = await session.Query<RunExceptionView>()
                .Where(e => e.RunId == runId && e.Status == status && e.MatchId != null)
                .Select(e => e.MatchId!.Value)
                .ToListAsync(cancellationToken);
            items = items.Where(m => matchIds.Contains(m.MatchId));
        }

        var (matches, next) = await PageAsync(items, query, cancellationToken);
        var explanations = await MatchExplanations.LoadAsync(session, runId, matches, cancellationToken);
        return TypedResults.Ok(new MatchesPage(
            matches.Select(m => new MatchItem(
                m.MatchId, m.ClientJobIds, m.LedgerLineIds, m.Method, m.Confidence, m.Category, m.Impact,
                explanations.TryGetValue(m.MatchId, out var explanation)
                    ? explanation
                    : throw new InvalidOperationException($"Match {m.MatchId} of run {runId} has no MatchDecided event."))).ToList(),
            next));
    }

    [WolverineGet("/api/runs/{runId}/exceptions", OperationId = "listRunExceptions")]
    [Tags("Runs")]
    [EndpointSummary("List a run's exceptions")]
    [EndpointDescription("Cursor-paginated. Filter by category, status (open, autoResolved) or method of the underlying match; sort by impact (largest first) or by the run's order. Ids are source ids: job_id and invoice_number/line_no.")]
    [ProducesResponseType<ExceptionsPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Exceptions(Guid runId, [AsParameters] RunItemsQuery query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<RunSummary>(runId, cancellationToken) is null)
        {
            return RunProblems.NotFound(runId);
        }

        var items = session.Query<RunExceptionView>().Where(e => e.RunId == runId);
        if (query.Category is { } category)
        {
            items = items.Where(e => e.Category == category);
        }

        if (query.ParsedStatus is { } status)
        {
            items = items.Where(e => e.Status == status);
        }

        if (query.ParsedMethod is { } method)
        {
            items = items.Where(e => e.Method == method);
        }

        var (exceptions, next) = await PageAsync(items, query, cancellationToken);
        return TypedResults.Ok(new ExceptionsPage(
            exceptions.Select(e => new ExceptionItem(
                e.ExceptionId, e.Category, e.ClientJobIds, e.LedgerLineIds, e.ClientAmount, e.LedgerAmount, e.Difference, e.DifferencePercent,
                e.QuantityDifference, e.UnitRateDifference, e.Impact, e.Confidence, e.Status, e.Priority, e.Reason, e.Resolution, e.MatchId, e.Method)).ToList(),
            next));
    }

    [WolverineGet("/api/runs/{runId}/anomalies", OperationId = "listRunAnomalies")]
    [Tags("Runs")]
    [EndpointSummary("List the rate anomalies a run flagged")]
    [ProducesResponseType<IReadOnlyList<RateAnomaly>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Anomalies(Guid runId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<RunSummary>(runId, cancellationToken) is null)
        {
            return RunProblems.NotFound(runId);
        }

        var anomalies = await session.Query<RunAnomalyView>().Where(a => a.RunId == runId).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(anomalies.Select(a => a.Anomaly).ToList());
    }

    /// <summary>
    /// One page in keyset order — (impact desc, sequence) or sequence — after the cursor; one more item is read to tell
    /// whether another page follows, and the next cursor points after the last item returned.
    /// </summary>
    private static async Task<(List<TView> Items, string? NextCursor)> PageAsync<TView>(
        IQueryable<TView> items, RunItemsQuery query, CancellationToken cancellationToken)
        where TView : IRunItemView
    {
        var limit = query.Limit ?? 50;
        var cursor = query.ParsedCursor;
        if (query.ByImpact)
        {
            if (cursor is not null)
            {
                items = items.Where(v => v.Impact < cursor.Impact || (v.Impact == cursor.Impact && v.Sequence > cursor.Sequence));
            }

            items = items.OrderByDescending(v => v.Impact).ThenBy(v => v.Sequence);
        }
        else
        {
            if (cursor is not null)
            {
                items = items.Where(v => v.Sequence > cursor.Sequence);
            }

            items = items.OrderBy(v => v.Sequence);
        }

        var page = await items.Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? new RunCursor(query.ByImpact, page[limit - 1].Impact, page[limit - 1].Sequence).Encode() : null;
        return (page.Take(limit).ToList(), next);
    }
}
