using Recon.Domain.Reconciliation;
using Recon.Domain.Review;

namespace Recon.Domain.Tests.Review.Fixtures;

/// <summary>A valid command of each kind, by name (so theories can list them), and the outcomes tests expect.</summary>
public static class Commands
{
    public const string Accept = "accept";
    public const string Resolve = "resolve";
    public const string Link = "link";
    public const string Unlink = "unlink";
    public const string Override = "override";
    public const string Reopen = "reopen";
    public const string Assign = "assign";
    public const string Unassign = "unassign";
    public const string Comment = "comment";
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>A command that is valid in itself; whether the case allows it is what the tests check.</summary>
    /// <remarks>The override names a category other than the default case's <see cref="Category.RateChange"/>.</remarks>
    public static CaseCommand Named(string name, Guid? decisionId = null) => name switch
    {
        Accept => new AcceptSuggestion("the engine is right"),
        Resolve => new ResolveCase(ResolutionReason.TimingDifference, "billed in November"),
        Link => new LinkRecords(["JOB-100001"], ["INV-7/1"], "same visit, other invoice"),
        Unlink => new UnlinkMatch("not the same visit"),
        Override => new OverrideCategory(Category.QuantityChange, OverrideReason.Misclassified, "two visits billed as one"),
        Reopen => new ReopenCase("needs another look"),
        Assign => new AssignCase("erin"),
        Unassign => new UnassignCase(),
        Comment => new CommentOnCase("asked the client"),
        Approve => new ApproveDecision(decisionId ?? Guid.NewGuid(), "ok"),
        Reject => new RejectDecision(decisionId ?? Guid.NewGuid(), "not enough evidence"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such command."),
    };

    public static IReadOnlyList<ICaseEvent> ShouldBeApplied(this CaseDecision decision) =>
        decision.ShouldBeOfType<CaseDecision.Applied>().Events;

    public static T ShouldApplySingle<T>(this CaseDecision decision)
        where T : ICaseEvent =>
        decision.ShouldBeApplied().ShouldHaveSingleItem().ShouldBeOfType<T>();

    public static DecisionSubmittedForApproval ShouldAwaitApproval(this CaseDecision decision, Guid decisionId)
    {
        var pending = decision.ShouldBeOfType<CaseDecision.PendingApproval>();
        pending.DecisionId.ShouldBe(decisionId);
        return pending.Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionSubmittedForApproval>();
    }

    public static Rejection ShouldBeRefused(this CaseDecision decision, RejectionKind kind, string code)
    {
        var rejection = decision.ShouldBeOfType<CaseDecision.Refused>().Rejection;
        rejection.ShouldSatisfyAllConditions(
            r => r.Kind.ShouldBe(kind),
            r => r.Code.ShouldBe(code),
            r => r.Title.ShouldNotBeNullOrWhiteSpace(),
            r => r.Detail.ShouldNotBeNullOrWhiteSpace());
        return rejection;
    }
}
