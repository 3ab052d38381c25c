using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Recon.Api.Auth;
using Recon.Api.Infrastructure;
using Recon.Domain.Access;
using Recon.Domain.Reconciliation;
using Wolverine.Http;

namespace Recon.Api.Review;

/// <summary>One exception of the review queue, as the API shows it.</summary>
public sealed record ReviewItemView(
    Guid ExceptionId,
    Guid PeriodId,
    string ClientId,
    string Month,
    string Currency,
    Guid RunId,
    string Category,
    string EngineCategory,
    string Status,
    IReadOnlyList<string> SiteCodes,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    Guid? MatchId,
    MatchMethod? Method,
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Difference,
    decimal Impact,
    double Confidence,
    int? Priority,
    string Reason,
    string? Assignee,
    string? Resolution,
    PendingDecisionView? PendingDecision,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static ReviewItemView Of(ReviewItem x) => new(
        x.Id, x.PeriodId, x.ClientId, x.Month, x.Currency, x.RunId, x.Category, x.EngineCategory, x.Status, x.SiteCodes, x.ClientJobIds, x.LedgerLineIds,
        x.MatchId, x.Method is null ? null : Enum.Parse<MatchMethod>(x.Method, ignoreCase: true), x.ClientAmount, x.LedgerAmount, x.Difference, x.Impact, x.Confidence, x.Priority, x.Reason, x.Assignee, x.Resolution,
        x.PendingDecision, x.RaisedAt, x.UpdatedAt, x.Version);
}

/// <summary>A page of the review queue and the cursor of the next page (null on the last page).</summary>
public sealed record ReviewQueuePage(IReadOnlyList<ReviewItemView> Items, string? NextCursor);

/// <summary>The review queue's filters (also the selection of a bulk decision).</summary>
public class ReviewQueueFilter
{
    public static readonly string[] Statuses = ["active", "open", "pendingApproval", "resolved", "autoResolved", "cleared", "all"];

    /// <summary>Only this period's exceptions.</summary>
    [FromQuery(Name = "periodId")]
    public Guid? PeriodId { get; set; }

    /// <summary>Only this client's exceptions.</summary>
    [FromQuery(Name = "clientId")]
    public string? ClientId { get; set; }

    /// <summary>Only this category (the reviewer's, if overridden).</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>Only exceptions involving this site code.</summary>
    [FromQuery(Name = "site")]
    public string? Site { get; set; }

    /// <summary>Only exceptions assigned to this user; <c>me</c> for the caller, <c>none</c> for unassigned ones.</summary>
    [FromQuery(Name = "assignee")]
    public string? Assignee { get; set; }

    /// <summary><c>active</c> (open or pending approval, the default), <c>open</c>, <c>pendingApproval</c>, <c>resolved</c>, <c>autoResolved</c>, <c>cleared</c> or <c>all</c>.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>Only exceptions with at least this impact.</summary>
    [FromQuery(Name = "minImpact")]
    public decimal? MinImpact { get; set; }

    /// <summary>Only exceptions with at most this impact.</summary>
    [FromQuery(Name = "maxImpact")]
    public decimal? MaxImpact { get; set; }

    /// <summary>Text in the exception id, job ids, ledger line ids or site codes (at least 2 characters).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    public static void AddRules<T>(AbstractValidator<T> validator)
        where T : ReviewQueueFilter
    {
        validator.RuleFor(x => x.Category).Must(c => c is null || Domain.Reconciliation.Category.All.Contains(c))
            .WithMessage($"Category must be one of: {string.Join(", ", Domain.Reconciliation.Category.All)}.");
        validator.RuleFor(x => x.Status).Must(s => s is null || Statuses.Contains(s))
            .WithMessage($"Status must be one of: {string.Join(", ", Statuses)}.");
        validator.RuleFor(x => x.Q).Must(q => q is null || q.Trim().Length is >= 2 and <= 200)
            .WithMessage("Q must be 2 to 200 characters.");
        validator.RuleFor(x => x.Site).MaximumLength(100).WithMessage("Site must be at most 100 characters.");
        validator.RuleFor(x => x.Assignee).MaximumLength(100).WithMessage("Assignee must be at most 100 characters.");
        validator.RuleFor(x => x.MaxImpact).Must((x, max) => max is null || x.MinImpact is null || max >= x.MinImpact)
            .WithMessage("MaxImpact must not be below minImpact.");
    }
}

/// <summary>The review queue's filters, cursor and page size.</summary>
public sealed class ReviewQueueQuery : ReviewQueueFilter
{
    public const int MaxLimit = 200;

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>Items per page, 1-200 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }

    public sealed class Validator : AbstractValidator<ReviewQueueQuery>
    {
        public Validator()
        {
            AddRules(this);
            RuleFor(x => x.Cursor).Must(c => c is null || QueueCursor.TryParse(c, out _))
                .WithMessage("Cursor is not one this list gave (it must be the nextCursor of the previous page).");
            RuleFor(x => x.Limit).InclusiveBetween(1, MaxLimit).WithMessage($"Limit must be between 1 and {MaxLimit}.");
        }
    }
}

/// <summary>Where the next page starts: after this (minus impact, raised at, id). Opaque to clients.</summary>
public sealed record QueueCursor(decimal SortImpact, DateTimeOffset RaisedAt, Guid Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{SortImpact}|{RaisedAt.UtcTicks}|{Id:N}")))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string text, out QueueCursor cursor)
    {
        cursor = new QueueCursor(0, DateTimeOffset.MinValue, Guid.Empty);
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            if (Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|') is [var impact, var ticks, var id]
                && decimal.TryParse(impact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && t >= DateTimeOffset.MinValue.UtcTicks && t <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(id, "N", out var g))
            {
                cursor = new QueueCursor(i, new DateTimeOffset(t, TimeSpan.Zero), g);
                return true;
            }

            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// The queue's SQL: every filter is a condition on an indexed column of the review-item table; the order
/// (minus impact, raised at, id) has its own index, so the first page is an ordered index scan that stops at the limit.
/// </summary>
public static class ReviewQueueSql
{
    /// <summary>The filter as SQL conditions on the review-item table (alias <c>d</c>) with positional parameters.</summary>
    /// <remarks>A caller limited to some clients (<paramref name="clients"/>) sees only theirs, whatever the filter says.</remarks>
    public static (string Where, List<object> Parameters) Conditions(ReviewQueueFilter filter, string user, ClientAccess clients, string? cursor = null)
    {
        var conditions = new List<string>();
        var parameters = new List<object>();
        string P(object value)
        {
            parameters.Add(value);
            return $"${parameters.Count}";
        }

        switch (filter.Status ?? "active")
        {
            case "active":
                conditions.Add("d.active = true");
                break;
            case "all":
                break;
            case var status:
                conditions.Add($"d.status = {P(status)}");
                break;
        }

        if (filter.PeriodId is { } periodId)
        {
            conditions.Add($"d.period_id = {P(periodId)}");
        }

        if (filter.ClientId is { } clientId)
        {
            conditions.Add($"d.client_id = {P(clientId)}");
        }

        if (!clients.AllClients)
        {
            conditions.Add($"d.client_id = any({P(clients.ClientIds.ToArray())})");
        }

        if (filter.Category is { } category)
        {
            conditions.Add($"d.category = {P(category)}");
        }

        switch (filter.Assignee)
        {
            case null:
                break;
            case "none":
                conditions.Add("d.assignee is null");
                break;
            case "me":
                conditions.Add($"d.assignee = {P(user)}");
                break;
            case var assignee:
                conditions.Add($"d.assignee = {P(assignee)}");
                break;
        }

        if (filter.MinImpact is { } min)
        {
            conditions.Add($"d.impact >= {P(min)}");
        }

        if (filter.MaxImpact is { } max)
        {
            conditions.Add($"d.impact <= {P(max)}");
        }

        if (filter.Site is { Length: > 0 } site)
        {
            conditions.Add($"d.site_keys @> ARRAY[{P(site.Trim().ToLowerInvariant())}]::text[]");
        }

        if (filter.Q is { } q && q.Trim().Length > 0)
        {
            conditions.Add($"d.search_text like {P($"%{Escape(q.Trim().ToLowerInvariant())}%")}");
        }

        if (cursor is not null && QueueCursor.TryParse(cursor, out var after))
        {
            conditions.Add($"(d.sort_impact, d.raised_at, d.id) > ({P(after.SortImpact)}, {P(after.RaisedAt)}, {P(after.Id)})");
        }

        return (conditions.Count == 0 ? "true" : string.Join(" and ", conditions), parameters);
    }

    public static async Task<ReviewQueuePage> PageAsync(IQuerySession session, ReviewQueueQuery query, string user, ClientAccess clients, CancellationToken cancellationToken)
    {
        var (where, parameters) = Conditions(query, user, clients, query.Cursor);
        var limit = query.Limit ?? 50;
        var serializer = session.DocumentStore.Options.Serializer();
        var items = await SelectAsync(session, "d.data", where, parameters, limit + 1, reader => serializer.FromJson<ReviewItem>(reader, 0), cancellationToken);
        var next = items.Count > limit ? new QueueCursor(items[limit - 1].SortImpact, items[limit - 1].RaisedAt, items[limit - 1].Id).Encode() : null;
        return new ReviewQueuePage(items.Take(limit).Select(ReviewItemView.Of).ToList(), next);
    }

    /// <summary>
    /// Writes the page to <paramref name="output"/> as JSON built by PostgreSQL from the stored projection (the item JSON
    /// is the view's, less the internal sort and search fields) and streamed through: no per-item deserialization and
    /// serialization, no copy of the page in memory — most of a request's CPU and allocations otherwise.
    /// </summary>
    public static async Task WritePageAsync(IQuerySession session, ReviewQueueQuery query, string user, ClientAccess clients, Stream output, CancellationToken cancellationToken)
    {
        var (where, parameters) = Conditions(query, user, clients, query.Cursor);
        var limit = query.Limit ?? 50;
        var table = TableOf(session);
        parameters.Add(limit + 1);
        var take = $"${parameters.Count}";
        parameters.Add(limit);
        var last = $"${parameters.Count}";
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = StoreSql.Command(
            connection,
            // The page (one row more, to know whether another follows) is chosen first by an index scan; only its rows
            // are turned into the view's JSON, aggregated in order, and sent as UTF-8 bytes with the last row's key.
            "select convert_to(coalesce(json_agg(x.item order by x.n) filter (where x.n <= " + last + "), '[]'::json)::text, 'UTF8'), " +
            "count(*) > " + last + ", " +
            "min(x.sort_impact) filter (where x.n = " + last + "), min(x.raised_at) filter (where x.n = " + last + "), " +
            "(array_agg(x.id) filter (where x.n = " + last + "))[1] " +
            "from (select (p.data - 'id' - 'sortImpact' - 'searchText' - 'siteKeys' - 'active' - 'categoryOverridden' - 'groupId') " +
            "|| jsonb_build_object('exceptionId', p.id) as item, p.sort_impact, p.raised_at, p.id, " +
            "row_number() over (order by p.sort_impact, p.raised_at, p.id) as n from (" +
            $"select d.id, d.data, d.sort_impact, d.raised_at from {table} as d where {where} order by d.sort_impact, d.raised_at, d.id limit {take}" +
            ") as p) as x",
            parameters);

        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        await reader.ReadAsync(cancellationToken);
        await output.WriteAsync("{\"items\":"u8.ToArray(), cancellationToken);
        await using (var items = await reader.GetStreamAsync(0, cancellationToken))
        {
            await items.CopyToAsync(output, cancellationToken);
        }

        var more = reader.GetBoolean(1);
        var next = more
            ? new QueueCursor(reader.GetDecimal(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetGuid(4)).Encode()
            : null;
        await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes(next is null ? ",\"nextCursor\":null}" : $",\"nextCursor\":\"{next}\"}}"), cancellationToken);
    }

    /// <summary>The ids of every item a filter selects (for bulk decisions), in queue order, at most <paramref name="max"/> + 1.</summary>
    public static async Task<IReadOnlyList<Guid>> IdsAsync(IQuerySession session, ReviewQueueFilter filter, string user, ClientAccess clients, int max, CancellationToken cancellationToken)
    {
        var (where, parameters) = Conditions(filter, user, clients);
        return await SelectAsync(session, "d.id", where, parameters, max + 1, reader => reader.GetGuid(0), cancellationToken);
    }

    /// <summary>The review-item table (alias <c>d</c> in every query here).</summary>
    public static string TableOf(IQuerySession session) =>
        session.DocumentStore.Options.FindOrResolveDocumentType(typeof(ReviewItem)).TableName.QualifiedName;

    private static Task<List<T>> SelectAsync<T>(
        IQuerySession session, string columns, string where, List<object> parameters, int limit, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        parameters.Add(limit);
        return StoreSql.ReadAsync(
            session,
            $"select {columns} from {TableOf(session)} as d where {where} order by d.sort_impact, d.raised_at, d.id limit ${parameters.Count}",
            parameters,
            map,
            cancellationToken);
    }

    private static string Escape(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}

public static class ReviewQueueEndpoints
{
    [WolverineGet("/api/review-queue", OperationId = "listReviewQueue")]
    [Tags("Review")]
    [EndpointSummary("The review queue: exceptions across periods, largest impact first, then oldest")]
    [EndpointDescription("Cursor-paginated. Filters: periodId, clientId, category, site, assignee (a user name, me or none), status (active by default = open and pendingApproval), minImpact, maxImpact, q (text in ids and site codes).")]
    [ProducesResponseType<ReviewQueuePage>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult List([AsParameters] ReviewQueueQuery query, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Results.Stream(output => ReviewQueueSql.WritePageAsync(session, query, Actor.NameOf(user), ReconClaims.ClientAccessOf(user), output, cancellationToken), "application/json");
}
