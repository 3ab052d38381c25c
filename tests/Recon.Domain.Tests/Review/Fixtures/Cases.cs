using Recon.Domain.Reconciliation;
using Recon.Domain.Review;

namespace Recon.Domain.Tests.Review.Fixtures;

/// <summary>
/// Given-state builders for review cases: one exception of October 2026 as a run raised it, and the decisions people
/// take on it (decided by <see cref="ReviewDecider"/> and folded with <see cref="ReviewCase"/>, never built by hand).
/// </summary>
public static class Cases
{
    public const string Maker = "dana";
    public const string Approver = "finn";
    public const string AutoResolution = "rounding within the auto-resolve budget";

    public static readonly Guid PeriodId = new("0b6f3c1e-2a4d-4e8f-9c7b-1d2e3f405162");
    public static readonly Guid GroupId = new("7a8b9c0d-1e2f-4a3b-8c4d-5e6f70819203");
    public static readonly Guid FirstRunId = new("11111111-1111-4111-8111-111111111111");
    public static readonly Guid SecondRunId = new("22222222-2222-4222-8222-222222222222");
    public static readonly Guid EngineMatchId = new("33333333-3333-4333-8333-333333333333");

    public static readonly DateTimeOffset RaisedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = RaisedAt.AddHours(3);

    /// <summary>An exception as a run raises it; the impact is the client amount less the ledger amount.</summary>
    public static CaseFigures Figures(
        decimal impact = 250m,
        string category = Category.RateChange,
        Guid? matchId = null,
        string? autoResolution = null,
        Guid? groupId = null,
        Guid? periodId = null,
        Guid? runId = null) =>
        new(
            runId ?? FirstRunId,
            periodId ?? PeriodId,
            "northwind",
            "2026-10",
            "USD",
            groupId ?? GroupId,
            category,
            ["JOB-100001"],
            ["INV-1/1"],
            ["S-001"],
            matchId,
            matchId is null ? null : MatchMethod.Exact,
            1000m + impact,
            1000m,
            impact,
            impact,
            0.9,
            autoResolution is null ? 1 : null,
            "the engine's explanation",
            autoResolution);

    public static ReviewCase Raised(CaseFigures figures) =>
        ReviewCase.Create(new ExceptionOpenedForReview(ExceptionIds.Of(figures.PeriodId, figures.GroupId), figures, RaisedAt));

    public static ReviewCase Open(decimal impact = 250m, string category = Category.RateChange, Guid? matchId = null) =>
        Raised(Figures(impact, category, matchId));

    public static ReviewCase AutoResolved(decimal impact = 0.40m, Guid? matchId = null) =>
        Raised(Figures(impact, Category.Rounding, matchId, AutoResolution));

    public static CaseState State(CaseStatus status, string category = Category.RateChange, string? assignee = null, string? resolution = null) =>
        new(status, category, assignee, resolution);

    /// <summary>
    /// What the decider makes of <paramref name="command"/> at <see cref="Now"/> by the user <paramref name="by"/>, or by
    /// <paramref name="maker"/> (e.g. an API token acting for its issuer) when given.
    /// </summary>
    public static CaseDecision Decide(
        this ReviewCase? reviewCase, CaseCommand command, string by = Maker, ReviewPolicy? policy = null, Guid? newId = null, DecisionMaker? maker = null) =>
        ReviewDecider.Decide(reviewCase, command, maker ?? DecisionMaker.User(by), policy ?? ReviewPolicy.Default, Now, newId ?? Guid.NewGuid());

    /// <summary>The case after a decision the test takes as given (applied or submitted for approval, never refused).</summary>
    public static ReviewCase After(this ReviewCase reviewCase, CaseCommand command, string by = Maker, Guid? newId = null, DecisionMaker? maker = null)
    {
        var events = reviewCase.Decide(command, by, newId: newId, maker: maker) switch
        {
            CaseDecision.Applied applied => applied.Events,
            CaseDecision.PendingApproval pending => pending.Events,
            var refused => throw new InvalidOperationException($"The given decision {command} was refused: {refused}"),
        };
        return reviewCase.Fold(events);
    }

    public static ExistingCase Existing(this ReviewCase reviewCase) => new(reviewCase.State, reviewCase.CategoryOverridden);

    /// <summary>The events the period's next run appends for this case: it raises the exception again with <paramref name="raised"/>, or (null) no longer.</summary>
    public static IReadOnlyList<ICaseEvent> NextRun(this ReviewCase reviewCase, CaseFigures? raised) =>
        RunReview.Sync(
            raised?.RunId ?? SecondRunId,
            raised is null ? [] : [(reviewCase.Id, raised)],
            new Dictionary<Guid, ExistingCase> { [reviewCase.Id] = reviewCase.Existing() },
            Now);

    /// <summary>Folds the events of a case stream onto the case, as the event store does.</summary>
    public static ReviewCase Fold(this ReviewCase reviewCase, IEnumerable<ICaseEvent> events) => events.Aggregate(reviewCase, Apply);

    /// <summary>Folds a whole case stream, starting with the event that opened it.</summary>
    public static ReviewCase? FoldStream(this ReviewCase? reviewCase, IEnumerable<ICaseEvent> events) =>
        events.Aggregate(
            reviewCase,
            (current, e) => e is ExceptionOpenedForReview opened
                ? ReviewCase.Create(opened)
                : Apply(current ?? throw new InvalidOperationException($"{e.GetType().Name} before the case was opened."), e));

    private static ReviewCase Apply(ReviewCase c, ICaseEvent e) => e switch
    {
        ExceptionRefreshedByRun x => ReviewCase.Apply(x, c),
        ExceptionClearedByRun x => ReviewCase.Apply(x, c),
        SuggestedResolutionAccepted x => ReviewCase.Apply(x, c),
        CategoryOverridden x => ReviewCase.Apply(x, c),
        RecordsLinkedManually x => ReviewCase.Apply(x, c),
        MatchUnlinked x => ReviewCase.Apply(x, c),
        ExceptionResolved x => ReviewCase.Apply(x, c),
        ExceptionReopened x => ReviewCase.Apply(x, c),
        ExceptionAssigned x => ReviewCase.Apply(x, c),
        ExceptionUnassigned x => ReviewCase.Apply(x, c),
        DecisionSubmittedForApproval x => ReviewCase.Apply(x, c),
        DecisionRejected x => ReviewCase.Apply(x, c),

        // No state of their own: the stream records them, the case does not change.
        ExceptionCommented or DecisionApproved => c,
        _ => throw new InvalidOperationException($"{e.GetType().Name} cannot be folded onto an existing case."),
    };
}
