using System.Globalization;
using Recon.Domain.Access;
using Recon.Domain.Reconciliation;

namespace Recon.Domain.Review;

/// <summary>What a reviewer or approver asks to do to one case.</summary>
public abstract record CaseCommand;

public sealed record AcceptSuggestion(string? Comment) : CaseCommand;

public sealed record OverrideCategory(string Category, OverrideReason ReasonCode, string Comment) : CaseCommand;

public sealed record LinkRecords(IReadOnlyList<string> ClientJobIds, IReadOnlyList<string> LedgerLineIds, string? Comment) : CaseCommand;

public sealed record UnlinkMatch(string? Comment) : CaseCommand;

public sealed record ResolveCase(ResolutionReason ReasonCode, string? Comment) : CaseCommand;

public sealed record ReopenCase(string? Comment) : CaseCommand;

public sealed record AssignCase(string Assignee) : CaseCommand;

public sealed record UnassignCase : CaseCommand;

public sealed record CommentOnCase(string Text) : CaseCommand;

public sealed record ApproveDecision(Guid DecisionId, string? Comment) : CaseCommand;

public sealed record RejectDecision(Guid DecisionId, string Reason) : CaseCommand;

/// <summary>The settings decisions are judged by.</summary>
/// <param name="ApprovalThreshold">Closing decisions on an exception whose impact is above this amount (in the period's currency) need an approver.</param>
public sealed record ReviewPolicy(decimal ApprovalThreshold)
{
    public const decimal DefaultApprovalThreshold = 1000m;

    public static ReviewPolicy Default { get; } = new(DefaultApprovalThreshold);
}

/// <summary>What the decider made of a command.</summary>
public abstract record CaseDecision
{
    private CaseDecision()
    {
    }

    /// <summary>The decision takes effect now.</summary>
    public sealed record Applied(IReadOnlyList<ICaseEvent> Events) : CaseDecision;

    /// <summary>The decision waits for an approver.</summary>
    public sealed record PendingApproval(Guid DecisionId, IReadOnlyList<ICaseEvent> Events) : CaseDecision;

    public sealed record Refused(Rejection Rejection) : CaseDecision;
}

/// <summary>
/// Pure decisions on review cases: who may do what in which state, maker-checker, and the events that record it.
/// <c>newId</c> arguments are the ids a decision needs (a pending decision's, a manual match's), given by the caller.
/// </summary>
public static class ReviewDecider
{
    public const string Accepted = "accepted";
    public const string ManualMatch = "manualMatch";

    public static CaseDecision Decide(ReviewCase? reviewCase, CaseCommand command, DecisionMaker actor, ReviewPolicy policy, DateTimeOffset now, Guid newId)
    {
        if (reviewCase is null)
        {
            return Refuse(RejectionKind.NotFound, "Exception not found", "No exception has this id.", "not-found");
        }

        var c = reviewCase;
        var state = c.State;
        if (command is CommentOnCase { Text: var blank } && string.IsNullOrWhiteSpace(blank))
        {
            return Refuse(RejectionKind.Refused, "Comment required", "A comment needs some text.", "comment-required");
        }

        if (command is CommentOnCase comment)
        {
            return new CaseDecision.Applied([new ExceptionCommented(c.Id, actor.Name, comment.Text.Trim(), now)]);
        }

        if (state.Status == CaseStatus.Cleared)
        {
            return Refuse(RejectionKind.Refused, "Exception no longer raised", "The latest run of the period no longer raises this exception; there is nothing to decide.", "cleared");
        }

        return command switch
        {
            AcceptSuggestion accept => Closing(c, DecisionKind.Accept, null, accept.Comment, null, null, actor, policy, now, newId),
            ResolveCase resolve when resolve.ReasonCode == ResolutionReason.Other && string.IsNullOrWhiteSpace(resolve.Comment) =>
                Refuse(RejectionKind.Refused, "Comment required", "Resolving with reason 'other' needs a comment saying why.", "comment-required"),
            ResolveCase resolve => Closing(c, DecisionKind.Resolve, resolve.ReasonCode, resolve.Comment, null, null, actor, policy, now, newId),
            LinkRecords link => Link(c, link, actor, policy, now, newId),
            OverrideCategory change => Override(c, change, actor, now),
            UnlinkMatch unlink => Unlink(c, unlink, actor, now),
            ReopenCase reopen => Reopen(c, reopen, actor, now),
            AssignCase assign => Assign(c, assign, actor, now),
            UnassignCase => state.Assignee is null
                ? Refuse(RejectionKind.Refused, "Not assigned", "The exception has no assignee.", "not-assigned")
                : Applied(new ExceptionUnassigned(c.Id, actor.Name, state, state with { Assignee = null }, now)),
            ApproveDecision approve => Approve(c, approve, actor, now),
            RejectDecision reject => Reject(c, reject, actor, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command."),
        };
    }

    /// <summary>Whether a closing decision on this case needs an approver, and why (null when it does not).</summary>
    public static string? ApprovalNeeded(ReviewCase c, DecisionKind kind, ResolutionReason? reason, ReviewPolicy policy)
    {
        if (kind is not (DecisionKind.Accept or DecisionKind.Resolve or DecisionKind.Link))
        {
            return null;
        }

        if (reason == ResolutionReason.WriteOff)
        {
            return "Every write-off needs an approver.";
        }

        var impact = Math.Abs(c.Exception.Impact);
        return impact > policy.ApprovalThreshold
            ? string.Create(CultureInfo.InvariantCulture, $"The impact {impact:0.00} {c.Exception.Currency} is above the approval threshold {policy.ApprovalThreshold:0.00}.")
            : null;
    }

    /// <summary>The resolution text a closing decision records.</summary>
    public static string ResolutionOf(DecisionKind kind, ResolutionReason? reason) => kind switch
    {
        DecisionKind.Accept => Accepted,
        DecisionKind.Link => ManualMatch,
        _ => JsonName(reason ?? ResolutionReason.Other),
    };

    /// <summary>The camelCase name the API uses for an enum value.</summary>
    public static string JsonName<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }

    private static CaseDecision Closing(
        ReviewCase c, DecisionKind kind, ResolutionReason? reason, string? comment, IReadOnlyList<string>? jobs, IReadOnlyList<string>? lines,
        DecisionMaker actor, ReviewPolicy policy, DateTimeOffset now, Guid newId)
    {
        if (NotOpen(c, "closed") is { } refused)
        {
            return refused;
        }

        if (ApprovalNeeded(c, kind, reason, policy) is { } why)
        {
            var pending = new DecisionSubmittedForApproval(
                c.Id, newId, kind, actor.Name, reason, comment, jobs, lines, c.Exception.Impact, why, c.State, c.State with { Status = CaseStatus.PendingApproval }, now,
                actor.ActsWithToken ? actor.Person : null, actor.TokenId);
            return new CaseDecision.PendingApproval(newId, [pending]);
        }

        return Applied(Effect(c, kind, reason, comment, jobs, lines, actor.Name, null, newId, now));
    }

    /// <summary>The event that makes a closing decision take effect (directly, or when approved).</summary>
    private static ICaseEvent Effect(
        ReviewCase c, DecisionKind kind, ResolutionReason? reason, string? comment, IReadOnlyList<string>? jobs, IReadOnlyList<string>? lines,
        string maker, string? approver, Guid id, DateTimeOffset now)
    {
        var after = c.State with { Status = CaseStatus.Resolved, Resolution = ResolutionOf(kind, reason) };
        return kind switch
        {
            DecisionKind.Accept => new SuggestedResolutionAccepted(c.Id, maker, comment, approver, c.State, after, now),
            DecisionKind.Resolve => new ExceptionResolved(c.Id, maker, reason ?? ResolutionReason.Other, comment, approver, c.State, after, now),
            DecisionKind.Link => new RecordsLinkedManually(c.Id, id, maker, jobs ?? [], lines ?? [], comment, approver, c.State, after, now),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a closing decision."),
        };
    }

    private static CaseDecision Link(ReviewCase c, LinkRecords link, DecisionMaker actor, ReviewPolicy policy, DateTimeOffset now, Guid newId)
    {
        var jobs = link.ClientJobIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = link.LedgerLineIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (jobs.Count == 0 || lines.Count == 0)
        {
            return Refuse(RejectionKind.Refused, "Nothing to link", "A manual match needs at least one client job and one ledger line.", "empty-link");
        }

        return Closing(c, DecisionKind.Link, null, link.Comment, jobs, lines, actor, policy, now, newId);
    }

    private static CaseDecision Override(ReviewCase c, OverrideCategory change, DecisionMaker actor, DateTimeOffset now)
    {
        if (c.State.Status == CaseStatus.PendingApproval)
        {
            return AwaitsApproval(c);
        }

        if (!Category.All.Contains(change.Category, StringComparer.Ordinal) || change.Category == Category.Exact)
        {
            return Refuse(RejectionKind.Refused, "Unknown category", $"'{change.Category}' is not an exception category.", "unknown-category");
        }

        if (change.Category == c.State.Category)
        {
            return Refuse(RejectionKind.Refused, "Same category", $"The exception already is '{change.Category}'.", "same-category");
        }

        if (string.IsNullOrWhiteSpace(change.Comment))
        {
            return Refuse(RejectionKind.Refused, "Comment required", "Overriding the category needs a comment saying why.", "comment-required");
        }

        return Applied(new CategoryOverridden(
            c.Id, actor.Name, c.State.Category, change.Category, change.ReasonCode, change.Comment.Trim(), c.State, c.State with { Category = change.Category }, now));
    }

    private static CaseDecision Unlink(ReviewCase c, UnlinkMatch unlink, DecisionMaker actor, DateTimeOffset now)
    {
        if (c.State.Status == CaseStatus.PendingApproval)
        {
            return AwaitsApproval(c);
        }

        if (c.MatchId is not { } matchId)
        {
            return Refuse(RejectionKind.Refused, "No match", "The exception's records are not matched; there is nothing to unlink.", "no-match");
        }

        return Applied(new MatchUnlinked(c.Id, matchId, actor.Name, unlink.Comment, c.State, c.State with { Status = CaseStatus.Open, Resolution = null }, now));
    }

    private static CaseDecision Reopen(ReviewCase c, ReopenCase reopen, DecisionMaker actor, DateTimeOffset now) =>
        c.State.Status is CaseStatus.Resolved or CaseStatus.AutoResolved
            ? Applied(new ExceptionReopened(c.Id, actor.Name, reopen.Comment, c.State, c.State with { Status = CaseStatus.Open, Resolution = null }, now))
            : Refuse(RejectionKind.Refused, "Not closed", $"Only a resolved exception can be reopened; this one is {JsonName(c.State.Status)}.", "not-closed");

    private static CaseDecision Assign(ReviewCase c, AssignCase assign, DecisionMaker actor, DateTimeOffset now)
    {
        var assignee = assign.Assignee.Trim();
        if (assignee.Length == 0)
        {
            return Refuse(RejectionKind.Refused, "Assignee required", "Name the user to assign the exception to.", "assignee-required");
        }

        return string.Equals(assignee, c.State.Assignee, StringComparison.Ordinal)
            ? Refuse(RejectionKind.Refused, "Already assigned", $"The exception is already assigned to {assignee}.", "already-assigned")
            : Applied(new ExceptionAssigned(c.Id, actor.Name, assignee, c.State, c.State with { Assignee = assignee }, now));
    }

    private static CaseDecision Approve(ReviewCase c, ApproveDecision approve, DecisionMaker actor, DateTimeOffset now)
    {
        if (Pending(c, approve.DecisionId, actor) is { } refused)
        {
            return refused;
        }

        var pending = c.Pending!;
        if (pending.Maker is null)
        {
            return Refuse(
                RejectionKind.Refused,
                "Maker unknown",
                $"This decision was submitted with the API token '{pending.By}' before Recon recorded who issued each token, so nobody can show that you did not cause it. Reject it and let it be decided again.",
                "unknown-maker");
        }

        var effect = Effect(c, pending.Kind, pending.ReasonCode, pending.Comment, pending.ClientJobIds, pending.LedgerLineIds, pending.By, actor.Name, pending.DecisionId, now);
        return Applied([new DecisionApproved(c.Id, pending.DecisionId, actor.Name, pending.By, approve.Comment, now), effect]);
    }

    private static CaseDecision Reject(ReviewCase c, RejectDecision reject, DecisionMaker actor, DateTimeOffset now)
    {
        if (Pending(c, reject.DecisionId, actor) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reject.Reason))
        {
            return Refuse(RejectionKind.Refused, "Reason required", "Rejecting a decision needs a reason for its maker.", "reason-required");
        }

        var pending = c.Pending!;
        return Applied(new DecisionRejected(
            c.Id, pending.DecisionId, actor.Name, pending.By, reject.Reason.Trim(), c.State, c.State with { Status = pending.Before.Status, Resolution = pending.Before.Resolution }, now));
    }

    /// <summary>
    /// The pending decision an approver acts on, unless it is theirs: made by them, or with an API token they issued.
    /// People are compared, not principals, so neither a token nor a role granted later lets a maker check themself.
    /// </summary>
    private static CaseDecision.Refused? Pending(ReviewCase c, Guid decisionId, DecisionMaker actor)
    {
        if (c.Pending is not { } pending || pending.DecisionId != decisionId)
        {
            return Refuse(RejectionKind.NotFound, "No such pending decision", "This exception has no pending decision with this id; it may have been approved or rejected already.", "no-pending-decision");
        }

        var own = string.Equals(pending.By, actor.Name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(pending.Maker, actor.Person, StringComparison.OrdinalIgnoreCase);
        if (!own)
        {
            return null;
        }

        var how = ApiTokenDecider.IsTokenPrincipal(pending.By) ? $" (it was submitted with the API token '{pending.By}', which acts for {pending.Maker})" : "";
        return Refuse(RejectionKind.Forbidden, "Own decision", $"Nobody approves or rejects their own decision{how}: another approver has to.", "self-approval");
    }

    private static CaseDecision.Refused? NotOpen(ReviewCase c, string verb) => c.State.Status switch
    {
        CaseStatus.Open => null,
        CaseStatus.PendingApproval => AwaitsApproval(c),
        _ => Refuse(RejectionKind.Refused, "Already closed", $"The exception is {JsonName(c.State.Status)}; reopen it before it can be {verb} again.", "not-open"),
    };

    private static CaseDecision.Refused AwaitsApproval(ReviewCase c) =>
        Refuse(RejectionKind.Refused, "Awaiting approval", $"A decision by {c.Pending?.By} awaits an approver; approve or reject it first.", "awaiting-approval");

    private static CaseDecision.Applied Applied(params ICaseEvent[] events) => new CaseDecision.Applied(events);

    private static CaseDecision.Refused Refuse(RejectionKind kind, string title, string detail, string code) => new(new Rejection(kind, title, detail, code));
}
