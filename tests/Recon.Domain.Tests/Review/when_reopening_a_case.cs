using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_reopening_a_case
{
    [Fact]
    public void a_resolved_case_opens_again_without_its_resolution()
    {
        var resolved = Open().After(new AssignCase("erin")).After(new ResolveCase(ResolutionReason.TimingDifference, null));

        var reopened = resolved.Decide(new ReopenCase("the credit never came"), by: "erin").ShouldApplySingle<ExceptionReopened>();

        reopened.ShouldBe(new ExceptionReopened(
            resolved.Id,
            "erin",
            "the credit never came",
            State(CaseStatus.Resolved, assignee: "erin", resolution: "timingDifference"),
            State(CaseStatus.Open, assignee: "erin"),
            Now));
        resolved.Fold([reopened]).State.ShouldBe(State(CaseStatus.Open, assignee: "erin"));
    }

    [Fact]
    public void an_auto_resolved_case_can_be_reopened()
    {
        var c = AutoResolved();
        c.State.ShouldBe(State(CaseStatus.AutoResolved, Category.Rounding, resolution: AutoResolution));

        var reopened = c.Decide(new ReopenCase(null)).ShouldApplySingle<ExceptionReopened>();

        reopened.Before.ShouldBe(State(CaseStatus.AutoResolved, Category.Rounding, resolution: AutoResolution));
        reopened.After.ShouldBe(State(CaseStatus.Open, Category.Rounding));
        c.Fold([reopened]).State.Status.ShouldBe(CaseStatus.Open);
    }

    [Fact]
    public void an_open_case_cannot_be_reopened()
    {
        Open().Decide(new ReopenCase(null)).ShouldBeRefused(RejectionKind.Refused, "not-closed");
    }

    [Fact]
    public void a_case_awaiting_approval_cannot_be_reopened()
    {
        var pending = Open(impact: 5000m).After(new AcceptSuggestion(null));

        pending.Decide(new ReopenCase(null)).ShouldBeRefused(RejectionKind.Refused, "not-closed");
    }
}
