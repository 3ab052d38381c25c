namespace Recon.Domain.Review;

/// <summary>
/// A decision waiting for an approver, with everything needed to apply it. <c>Maker</c> is the person accountable for
/// it (<see cref="DecisionMaker.Person"/>); null when it was submitted with an API token before tokens carried their
/// issuer, so nobody can tell who caused it.
/// </summary>
public sealed record PendingDecision(
    Guid DecisionId,
    DecisionKind Kind,
    string By,
    string? Maker,
    ResolutionReason? ReasonCode,
    string? Comment,
    IReadOnlyList<string>? ClientJobIds,
    IReadOnlyList<string>? LedgerLineIds,
    CaseState Before,
    DateTimeOffset At);

/// <summary>A review case as its decider needs it, folded from the case stream (stream id = exception id).</summary>
public sealed record ReviewCase(Guid Id, CaseFigures Exception, CaseState State, Guid? MatchId, bool CategoryOverridden, PendingDecision? Pending, DateTimeOffset RaisedAt)
{
    public static ReviewCase Create(ExceptionOpenedForReview e) =>
        new(e.ExceptionId, e.Exception, InitialState(e.Exception), e.Exception.MatchId, false, null, e.At);

    /// <summary>How a run's exception starts: open, or closed by the auto-resolve policy.</summary>
    public static CaseState InitialState(CaseFigures exception) =>
        exception.AutoResolution is { } auto
            ? new CaseState(CaseStatus.AutoResolved, exception.Category, null, auto)
            : new CaseState(CaseStatus.Open, exception.Category, null, null);

    public static ReviewCase Apply(ExceptionRefreshedByRun e, ReviewCase c) =>
        c with { Exception = e.Exception, State = e.After, MatchId = c.MatchId == c.Exception.MatchId ? e.Exception.MatchId : c.MatchId };

    public static ReviewCase Apply(ExceptionClearedByRun e, ReviewCase c) => c with { State = e.After, Pending = null };

    public static ReviewCase Apply(SuggestedResolutionAccepted e, ReviewCase c) => c with { State = e.After, Pending = null };

    public static ReviewCase Apply(CategoryOverridden e, ReviewCase c) => c with { State = e.After, CategoryOverridden = true };

    public static ReviewCase Apply(RecordsLinkedManually e, ReviewCase c) => c with { State = e.After, MatchId = e.MatchId, Pending = null };

    public static ReviewCase Apply(MatchUnlinked e, ReviewCase c) => c with { State = e.After, MatchId = null };

    public static ReviewCase Apply(ExceptionResolved e, ReviewCase c) => c with { State = e.After, Pending = null };

    public static ReviewCase Apply(ExceptionReopened e, ReviewCase c) => c with { State = e.After };

    public static ReviewCase Apply(ExceptionAssigned e, ReviewCase c) => c with { State = e.After };

    public static ReviewCase Apply(ExceptionUnassigned e, ReviewCase c) => c with { State = e.After };

    public static ReviewCase Apply(DecisionSubmittedForApproval e, ReviewCase c) =>
        c with { State = e.After, Pending = new PendingDecision(e.DecisionId, e.Kind, e.By, e.OnBehalfOf ?? DecisionMaker.PersonNamed(e.By), e.ReasonCode, e.Comment, e.ClientJobIds, e.LedgerLineIds, e.Before, e.At) };

    public static ReviewCase Apply(DecisionRejected e, ReviewCase c) => c with { State = e.After, Pending = null };
}
