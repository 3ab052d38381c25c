using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_rejecting_a_decision
{
    private static readonly Guid DecisionId = new("77777777-7777-4777-8777-777777777777");

    private static ReviewCase Pending() =>
        Open(impact: 5000m).After(new AssignCase("erin")).After(new ResolveCase(ResolutionReason.CreditIssued, "CN-17"), by: Maker, newId: DecisionId);

    [Fact]
    public void the_rejection_is_recorded_and_the_case_returns_to_where_it_was()
    {
        var pending = Pending();

        var rejected = pending.Decide(new RejectDecision(DecisionId, "  no credit note on file  "), by: Approver).ShouldApplySingle<DecisionRejected>();

        rejected.ShouldBe(new DecisionRejected(
            pending.Id,
            DecisionId,
            Approver,
            Maker,
            "no credit note on file",
            State(CaseStatus.PendingApproval, assignee: "erin"),
            State(CaseStatus.Open, assignee: "erin"),
            Now));
        var after = pending.Fold([rejected]);
        after.State.ShouldBe(State(CaseStatus.Open, assignee: "erin"));
        after.Pending.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_rejection_needs_a_reason(string reason)
    {
        Pending().Decide(new RejectDecision(DecisionId, reason), by: Approver).ShouldBeRefused(RejectionKind.Refused, "reason-required");
    }

    [Theory]
    [InlineData("dana")]
    [InlineData("DANA")]
    public void the_maker_cannot_reject_their_own_decision(string rejecter)
    {
        Pending().Decide(new RejectDecision(DecisionId, "changed my mind"), by: rejecter).ShouldBeRefused(RejectionKind.Forbidden, "self-approval");
    }

    [Fact]
    public void another_decision_id_is_not_found()
    {
        Pending().Decide(new RejectDecision(Guid.NewGuid(), "no"), by: Approver).ShouldBeRefused(RejectionKind.NotFound, "no-pending-decision");
    }

    [Fact]
    public void after_a_rejection_the_rejected_decision_is_gone_and_the_maker_may_decide_again()
    {
        var rejected = Pending().After(new RejectDecision(DecisionId, "no credit note on file"), by: Approver);
        var secondId = Guid.NewGuid();

        rejected.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeRefused(RejectionKind.NotFound, "no-pending-decision");
        rejected.Decide(new AcceptSuggestion(null), newId: secondId).ShouldAwaitApproval(secondId);
    }
}
