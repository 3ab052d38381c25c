using Recon.Domain.Reconciliation;

namespace Recon.Domain.Review;

/// <summary>Where a review case stands.</summary>
public enum CaseStatus
{
    /// <summary>Waiting for a reviewer.</summary>
    Open,

    /// <summary>A reviewer decided; an approver has to confirm (maker-checker).</summary>
    PendingApproval,

    /// <summary>A reviewer (and, when needed, an approver) closed it.</summary>
    Resolved,

    /// <summary>The run's auto-resolve policy closed it; a reviewer may reopen it.</summary>
    AutoResolved,

    /// <summary>The latest run of the period no longer raises it (the records were corrected).</summary>
    Cleared,
}

/// <summary>Why a reviewer closed an exception.</summary>
public enum ResolutionReason
{
    BillingCorrected,
    CreditIssued,
    ClientDispute,
    WriteOff,
    TimingDifference,
    Other,
}

/// <summary>Why a reviewer changed the engine's category.</summary>
public enum OverrideReason
{
    Misclassified,
    SourceDataError,
    Other,
}

/// <summary>The decisions a reviewer can take on one exception.</summary>
public enum DecisionKind
{
    Accept,
    OverrideCategory,
    Link,
    Unlink,
    Resolve,
    Reopen,
    Assign,
    Unassign,
    Comment,
}

/// <summary>The part of a case a decision changes: recorded before and after on every decision event.</summary>
public sealed record CaseState(CaseStatus Status, string Category, string? Assignee, string? Resolution);

/// <summary>The exception as a run raised it: figures, records and the engine's suggestion.</summary>
public sealed record CaseFigures(
    Guid RunId,
    Guid PeriodId,
    string ClientId,
    string Month,
    string Currency,
    Guid GroupId,
    string Category,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    IReadOnlyList<string> SiteCodes,
    Guid? MatchId,
    MatchMethod? Method,
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Difference,
    decimal Impact,
    double Confidence,
    int? Priority,
    string Reason,
    string? AutoResolution);

/// <summary>Every event of a case stream names its exception and when it happened.</summary>
public interface ICaseEvent
{
    Guid ExceptionId { get; }

    DateTimeOffset At { get; }
}

/// <summary>An event that records a person's (or a run's) decision with the state before and after it.</summary>
public interface ICaseDecisionEvent : ICaseEvent
{
    string By { get; }

    CaseState Before { get; }

    CaseState After { get; }
}

/// <summary>A run raised this exception for the first time in its period: the case starts (open, or auto-resolved).</summary>
public sealed record ExceptionOpenedForReview(Guid ExceptionId, CaseFigures Exception, DateTimeOffset At) : ICaseEvent;

/// <summary>A later run of the period raised the exception again, with these figures; human decisions carry over.</summary>
public sealed record ExceptionRefreshedByRun(Guid ExceptionId, CaseFigures Exception, string By, CaseState Before, CaseState After, DateTimeOffset At)
    : ICaseDecisionEvent;

/// <summary>The latest run of the period no longer raises the exception.</summary>
public sealed record ExceptionClearedByRun(Guid ExceptionId, Guid RunId, string By, CaseState Before, CaseState After, DateTimeOffset At) : ICaseDecisionEvent;

/// <summary>A reviewer agreed with the engine's category and suggestion and closed the exception.</summary>
public sealed record SuggestedResolutionAccepted(
    Guid ExceptionId, string By, string? Comment, string? ApprovedBy, CaseState Before, CaseState After, DateTimeOffset At) : ICaseDecisionEvent;

/// <summary>A reviewer named another category for the exception.</summary>
public sealed record CategoryOverridden(
    Guid ExceptionId, string By, string From, string To, OverrideReason ReasonCode, string Comment, CaseState Before, CaseState After, DateTimeOffset At)
    : ICaseDecisionEvent;

/// <summary>A reviewer paired these records by hand (a manual match) and closed the exception.</summary>
public sealed record RecordsLinkedManually(
    Guid ExceptionId,
    Guid MatchId,
    string By,
    IReadOnlyList<string> ClientJobIds,
    IReadOnlyList<string> LedgerLineIds,
    string? Comment,
    string? ApprovedBy,
    CaseState Before,
    CaseState After,
    DateTimeOffset At) : ICaseDecisionEvent;

/// <summary>A reviewer broke the exception's match (the engine's or a manual one): the records are unpaired again.</summary>
public sealed record MatchUnlinked(Guid ExceptionId, Guid MatchId, string By, string? Comment, CaseState Before, CaseState After, DateTimeOffset At)
    : ICaseDecisionEvent;

/// <summary>A reviewer closed the exception for this reason.</summary>
public sealed record ExceptionResolved(
    Guid ExceptionId, string By, ResolutionReason ReasonCode, string? Comment, string? ApprovedBy, CaseState Before, CaseState After, DateTimeOffset At)
    : ICaseDecisionEvent;

/// <summary>A reviewer opened a closed exception again.</summary>
public sealed record ExceptionReopened(Guid ExceptionId, string By, string? Comment, CaseState Before, CaseState After, DateTimeOffset At) : ICaseDecisionEvent;

public sealed record ExceptionAssigned(Guid ExceptionId, string By, string Assignee, CaseState Before, CaseState After, DateTimeOffset At) : ICaseDecisionEvent;

public sealed record ExceptionUnassigned(Guid ExceptionId, string By, CaseState Before, CaseState After, DateTimeOffset At) : ICaseDecisionEvent;

public sealed record ExceptionCommented(Guid ExceptionId, string By, string Text, DateTimeOffset At) : ICaseEvent;

/// <summary>
/// A decision that needs a second person (above the approval threshold, or a write-off) waits for an approver.
/// It carries the whole decision, so approving it needs nothing else. <c>By</c> is the principal that submitted it
/// (a user, or <c>token:{name}</c>); a decision submitted with an API token also names the user who issued the token
/// (<c>OnBehalfOf</c>, the person maker-checker holds accountable) and the token (<c>TokenId</c>). Both are empty for a
/// decision a user submitted, and on events recorded before tokens carried their issuer.
/// </summary>
public sealed record DecisionSubmittedForApproval(
    Guid ExceptionId,
    Guid DecisionId,
    DecisionKind Kind,
    string By,
    ResolutionReason? ReasonCode,
    string? Comment,
    IReadOnlyList<string>? ClientJobIds,
    IReadOnlyList<string>? LedgerLineIds,
    decimal Impact,
    string Why,
    CaseState Before,
    CaseState After,
    DateTimeOffset At,
    string? OnBehalfOf = null,
    Guid? TokenId = null) : ICaseDecisionEvent;

/// <summary>An approver confirmed a pending decision; the decision's own event follows in the same append.</summary>
public sealed record DecisionApproved(Guid ExceptionId, Guid DecisionId, string By, string MadeBy, string? Comment, DateTimeOffset At) : ICaseEvent;

/// <summary>An approver refused a pending decision: the case is back where it was before.</summary>
public sealed record DecisionRejected(Guid ExceptionId, Guid DecisionId, string By, string MadeBy, string Reason, CaseState Before, CaseState After, DateTimeOffset At)
    : ICaseDecisionEvent;

/// <summary>Exception ids: stable across the runs of one period (so decisions carry over), distinct between periods.</summary>
public static class ExceptionIds
{
    private static readonly Guid Namespace = new("5d0b7a3e-8c41-4f6a-9e2d-7b1c3f5a9e60");

    public static Guid Of(Guid periodId, Guid groupId) => StableId.NameBased(Namespace, $"{periodId:N}/{groupId:N}");
}
