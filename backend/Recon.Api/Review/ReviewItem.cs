using System.Text;
using Marten.Events.Aggregation;
using Recon.Domain.Reconciliation;
using Recon.Domain.Review;

namespace Recon.Api.Review;

/// <summary>
/// One row of the review queue: a case's latest figures and state (inline projection of the case stream). Filter and
/// sort columns are duplicated into real columns with indexes (ReviewModule), so the queue's first page is an index scan.
/// </summary>
public sealed class ReviewItem
{
    public Guid Id { get; set; }

    /// <summary>The case stream's version: what decisions send as their expected version.</summary>
    public int Version { get; set; }

    public Guid PeriodId { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string Month { get; set; } = string.Empty;

    public string Currency { get; set; } = string.Empty;

    public Guid RunId { get; set; }

    public Guid GroupId { get; set; }

    public string Category { get; set; } = string.Empty;

    /// <summary>Whether a reviewer changed the category (a later run then keeps it).</summary>
    public bool CategoryOverridden { get; set; }

    public string EngineCategory { get; set; } = string.Empty;

    /// <summary>camelCase status as the API writes it (open, pendingApproval, resolved, autoResolved, cleared).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Open or pending approval: what the queue shows by default.</summary>
    public bool Active { get; set; }

    public List<string> SiteCodes { get; set; } = [];

    public List<string> ClientJobIds { get; set; } = [];

    public List<string> LedgerLineIds { get; set; } = [];

    public Guid? MatchId { get; set; }

    /// <summary>camelCase match method as the API writes it (exact, fuzzy, manual), so the stored JSON is the API's.</summary>
    public string? Method { get; set; }

    public decimal ClientAmount { get; set; }

    public decimal LedgerAmount { get; set; }

    public decimal Difference { get; set; }

    public decimal Impact { get; set; }

    /// <summary>Minus the impact: the queue's first sort key, ascending, so one row comparison pages it.</summary>
    public decimal SortImpact { get; set; }

    public double Confidence { get; set; }

    public int? Priority { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string? Assignee { get; set; }

    public string? Resolution { get; set; }

    public PendingDecisionView? PendingDecision { get; set; }

    /// <summary>When a run first raised it (microseconds, as PostgreSQL keeps them): the age sort key.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Lower-case ids and site codes, trigram-indexed: the queue's text search.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Lower-case site codes, GIN-indexed: the site filter.</summary>
    public List<string> SiteKeys { get; set; } = [];
}

/// <summary>A decision waiting for an approver, as the queue, the detail and the approvals inbox show it.</summary>
public sealed record PendingDecisionView(
    Guid DecisionId,
    Guid ExceptionId,
    string Kind,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? ReasonCode,
    string? Comment,
    decimal Impact,
    string Why,
    Guid PeriodId,
    string ClientId,
    string Month,
    string Category);

public sealed partial class ReviewItemProjection : SingleStreamProjection<ReviewItem, Guid>
{
    public static ReviewItem Create(ExceptionOpenedForReview e)
    {
        var item = new ReviewItem { Id = e.ExceptionId, RaisedAt = TruncateToMicroseconds(e.At) };
        Fill(item, e.Exception);
        Set(item, ReviewCase.InitialState(e.Exception), e.At);
        return item;
    }

    public static void Apply(ExceptionRefreshedByRun e, ReviewItem item)
    {
        Fill(item, e.Exception);
        Set(item, e.After, e.At);
    }

    public static void Apply(ExceptionClearedByRun e, ReviewItem item)
    {
        Set(item, e.After, e.At);
        item.PendingDecision = null;
    }

    public static void Apply(SuggestedResolutionAccepted e, ReviewItem item) => Decided(item, e);

    public static void Apply(CategoryOverridden e, ReviewItem item)
    {
        Decided(item, e);
        item.CategoryOverridden = true;
    }

    public static void Apply(RecordsLinkedManually e, ReviewItem item)
    {
        Decided(item, e);
        item.MatchId = e.MatchId;
        item.Method = ReviewDecider.JsonName(MatchMethod.Manual);
    }

    public static void Apply(MatchUnlinked e, ReviewItem item)
    {
        Decided(item, e);
        item.MatchId = null;
        item.Method = null;
    }

    public static void Apply(ExceptionResolved e, ReviewItem item) => Decided(item, e);

    public static void Apply(ExceptionReopened e, ReviewItem item) => Decided(item, e);

    public static void Apply(ExceptionAssigned e, ReviewItem item) => Decided(item, e);

    public static void Apply(ExceptionUnassigned e, ReviewItem item) => Decided(item, e);

    public static void Apply(ExceptionCommented e, ReviewItem item) => item.UpdatedAt = e.At;

    public static void Apply(DecisionApproved e, ReviewItem item) => item.UpdatedAt = e.At;

    public static void Apply(DecisionSubmittedForApproval e, ReviewItem item)
    {
        Set(item, e.After, e.At);
        item.PendingDecision = new PendingDecisionView(
            e.DecisionId,
            e.ExceptionId,
            ReviewDecider.JsonName(e.Kind),
            e.By,
            e.At,
            e.ReasonCode is { } reason ? ReviewDecider.JsonName(reason) : null,
            e.Comment,
            e.Impact,
            e.Why,
            item.PeriodId,
            item.ClientId,
            item.Month,
            item.Category);
    }

    public static void Apply(DecisionRejected e, ReviewItem item) => Decided(item, e);

    private static void Decided(ReviewItem item, ICaseDecisionEvent e)
    {
        Set(item, e.After, e.At);
        if (e.After.Status != CaseStatus.PendingApproval)
        {
            item.PendingDecision = null;
        }
    }

    private static void Set(ReviewItem item, CaseState state, DateTimeOffset at)
    {
        item.Status = ReviewDecider.JsonName(state.Status);
        item.Active = state.Status is CaseStatus.Open or CaseStatus.PendingApproval;
        item.Category = state.Category;
        item.Assignee = state.Assignee;
        item.Resolution = state.Resolution;
        item.UpdatedAt = at;
    }

    private static void Fill(ReviewItem item, CaseFigures figures)
    {
        item.PeriodId = figures.PeriodId;
        item.ClientId = figures.ClientId;
        item.Month = figures.Month;
        item.Currency = figures.Currency;
        item.RunId = figures.RunId;
        item.GroupId = figures.GroupId;
        item.EngineCategory = figures.Category;
        item.SiteCodes = [.. figures.SiteCodes];
        item.ClientJobIds = [.. figures.ClientJobIds];
        item.LedgerLineIds = [.. figures.LedgerLineIds];
        item.MatchId = figures.MatchId;
        item.Method = figures.Method is { } method ? ReviewDecider.JsonName(method) : null;
        item.ClientAmount = figures.ClientAmount;
        item.LedgerAmount = figures.LedgerAmount;
        item.Difference = figures.Difference;
        item.Impact = figures.Impact;
        item.SortImpact = -figures.Impact;
        item.Confidence = figures.Confidence;
        item.Priority = figures.Priority;
        item.Reason = figures.Reason;
        item.SearchText = SearchTextOf(item.Id, figures);
        item.SiteKeys = figures.SiteCodes.Select(site => site.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"id job-1 line-7 |site-a|": what the queue's text search looks in.</summary>
    public static string SearchTextOf(Guid exceptionId, CaseFigures figures)
    {
        var text = new StringBuilder(exceptionId.ToString("D"));
        foreach (var id in figures.ClientJobIds.Concat(figures.LedgerLineIds))
        {
            text.Append(' ').Append(id);
        }

        foreach (var site in figures.SiteCodes)
        {
            text.Append(" |").Append(site).Append('|');
        }

        return text.ToString().ToLowerInvariant();
    }

    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
}
