using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_a_decision_awaits_approval
{
    private static ReviewCase Pending() => Open(impact: 5000m, matchId: EngineMatchId).After(new AcceptSuggestion(null), by: Maker);

    [Theory]
    [InlineData(Commands.Accept)]
    [InlineData(Commands.Resolve)]
    [InlineData(Commands.Link)]
    [InlineData(Commands.Unlink)]
    [InlineData(Commands.Override)]
    public void decisions_on_the_case_are_refused_until_it_is_approved_or_rejected(string command)
    {
        var pending = Pending();

        var rejection = pending.Decide(Commands.Named(command), by: "gus").ShouldBeRefused(RejectionKind.Refused, "awaiting-approval");

        rejection.Detail.ShouldContain(Maker);
    }

    [Fact]
    public void the_case_can_be_assigned_and_stays_pending()
    {
        var pending = Pending();

        var assigned = pending.Decide(new AssignCase("erin"), by: "gus").ShouldApplySingle<ExceptionAssigned>();

        assigned.After.ShouldBe(State(CaseStatus.PendingApproval, assignee: "erin"));
        var after = pending.Fold([assigned]);
        after.State.Status.ShouldBe(CaseStatus.PendingApproval);
        after.Pending.ShouldBe(pending.Pending);
    }

    [Fact]
    public void the_case_can_be_unassigned_and_stays_pending()
    {
        var pending = Pending().After(new AssignCase("erin"));

        pending.Decide(new UnassignCase()).ShouldApplySingle<ExceptionUnassigned>().After.ShouldBe(State(CaseStatus.PendingApproval));
    }

    [Fact]
    public void the_case_can_be_commented_on()
    {
        Pending().Decide(new CommentOnCase("waiting for finance"), by: "gus").ShouldApplySingle<ExceptionCommented>().Text.ShouldBe("waiting for finance");
    }
}
