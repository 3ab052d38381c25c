using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_approving_a_decision
{
    private static readonly Guid DecisionId = new("66666666-6666-4666-8666-666666666666");

    private static ReviewCase Pending(CaseCommand decision) => Open(impact: 5000m).After(decision, by: Maker, newId: DecisionId);

    [Fact]
    public void the_approval_is_recorded_and_the_makers_decision_takes_effect()
    {
        var pending = Pending(new AcceptSuggestion("the engine is right"));

        var events = pending.Decide(new ApproveDecision(DecisionId, "fine"), by: Approver).ShouldBeApplied();

        events.Count.ShouldBe(2);
        events[0].ShouldBe(new DecisionApproved(pending.Id, DecisionId, Approver, Maker, "fine", Now));
        events[1].ShouldBe(new SuggestedResolutionAccepted(
            pending.Id, Maker, "the engine is right", Approver, State(CaseStatus.PendingApproval), State(CaseStatus.Resolved, resolution: "accepted"), Now));
    }

    [Fact]
    public void the_folded_case_is_resolved_and_nothing_is_pending()
    {
        var pending = Pending(new AcceptSuggestion(null));

        var after = pending.Fold(pending.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeApplied());

        after.State.ShouldBe(State(CaseStatus.Resolved, resolution: "accepted"));
        after.Pending.ShouldBeNull();
    }

    [Fact]
    public void an_approved_resolution_keeps_the_makers_reason_and_comment()
    {
        var pending = Pending(new ResolveCase(ResolutionReason.TimingDifference, "billed in November"));

        var events = pending.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeApplied();

        events[1].ShouldBe(new ExceptionResolved(
            pending.Id,
            Maker,
            ResolutionReason.TimingDifference,
            "billed in November",
            Approver,
            State(CaseStatus.PendingApproval),
            State(CaseStatus.Resolved, resolution: "timingDifference"),
            Now));
    }

    [Fact]
    public void an_approved_write_off_resolves_the_case_as_written_off()
    {
        var pending = Open(impact: 3m).After(new ResolveCase(ResolutionReason.WriteOff, null), newId: DecisionId);

        var events = pending.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeApplied();

        var resolved = events[1].ShouldBeOfType<ExceptionResolved>();
        resolved.ReasonCode.ShouldBe(ResolutionReason.WriteOff);
        resolved.ApprovedBy.ShouldBe(Approver);
        pending.Fold(events).State.ShouldBe(State(CaseStatus.Resolved, resolution: "writeOff"));
    }

    [Fact]
    public void an_approved_link_pairs_the_records_the_maker_named()
    {
        var pending = Pending(new LinkRecords(["JOB-2", "JOB-1"], ["INV-7/1"], "same visit"));

        var events = pending.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeApplied();

        events[0].ShouldBeOfType<DecisionApproved>().MadeBy.ShouldBe(Maker);
        var linked = events[1].ShouldBeOfType<RecordsLinkedManually>();
        linked.ShouldSatisfyAllConditions(
            e => e.By.ShouldBe(Maker),
            e => e.ApprovedBy.ShouldBe(Approver),
            e => e.ClientJobIds.ShouldBe(["JOB-1", "JOB-2"]),
            e => e.LedgerLineIds.ShouldBe(["INV-7/1"]),
            e => e.Comment.ShouldBe("same visit"),
            e => e.MatchId.ShouldNotBe(Guid.Empty),
            e => e.After.ShouldBe(State(CaseStatus.Resolved, resolution: "manualMatch")));
        var after = pending.Fold(events);
        after.MatchId.ShouldBe(linked.MatchId);
        after.State.Status.ShouldBe(CaseStatus.Resolved);
    }

    [Fact]
    public void an_assignment_made_while_pending_survives_the_approval()
    {
        var pending = Pending(new AcceptSuggestion(null)).After(new AssignCase("erin"), by: Approver);

        pending.Fold(pending.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeApplied())
            .State.ShouldBe(State(CaseStatus.Resolved, assignee: "erin", resolution: "accepted"));
    }

    [Theory]
    [InlineData("dana")]
    [InlineData("DANA")]
    [InlineData("Dana")]
    public void the_maker_cannot_approve_their_own_decision(string approver)
    {
        Pending(new AcceptSuggestion(null)).Decide(new ApproveDecision(DecisionId, null), by: approver)
            .ShouldBeRefused(RejectionKind.Forbidden, "self-approval");
    }

    [Fact]
    public void another_decision_id_is_not_found()
    {
        Pending(new AcceptSuggestion(null)).Decide(new ApproveDecision(Guid.NewGuid(), null), by: Approver)
            .ShouldBeRefused(RejectionKind.NotFound, "no-pending-decision");
    }

    [Fact]
    public void a_case_without_a_pending_decision_has_nothing_to_approve()
    {
        Open().Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeRefused(RejectionKind.NotFound, "no-pending-decision");
    }

    [Fact]
    public void a_decision_cannot_be_approved_twice()
    {
        var approved = Pending(new AcceptSuggestion(null)).After(new ApproveDecision(DecisionId, null), by: Approver);

        approved.Decide(new ApproveDecision(DecisionId, null), by: "gus").ShouldBeRefused(RejectionKind.NotFound, "no-pending-decision");
    }
}
