using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_the_case_is_cleared
{
    private static readonly Guid DecisionId = new("88888888-8888-4888-8888-888888888888");

    /// <summary>The second run of the period no longer raises the exception.</summary>
    private static ReviewCase Cleared(ReviewCase c) => c.Fold(c.NextRun(raised: null));

    [Theory]
    [InlineData(Commands.Accept)]
    [InlineData(Commands.Resolve)]
    [InlineData(Commands.Link)]
    [InlineData(Commands.Unlink)]
    [InlineData(Commands.Override)]
    [InlineData(Commands.Reopen)]
    [InlineData(Commands.Assign)]
    [InlineData(Commands.Unassign)]
    [InlineData(Commands.Approve)]
    [InlineData(Commands.Reject)]
    public void every_decision_is_refused(string command)
    {
        var cleared = Cleared(Open(matchId: EngineMatchId).After(new AssignCase("gus")));
        cleared.State.Status.ShouldBe(CaseStatus.Cleared);

        cleared.Decide(Commands.Named(command), by: Approver).ShouldBeRefused(RejectionKind.Refused, "cleared");
    }

    [Fact]
    public void a_comment_is_still_recorded()
    {
        var cleared = Cleared(Open());

        cleared.Decide(new CommentOnCase("the client corrected the job")).ShouldApplySingle<ExceptionCommented>()
            .ShouldBe(new ExceptionCommented(cleared.Id, Maker, "the client corrected the job", Now));
    }

    [Fact]
    public void a_pending_decision_is_dropped_and_can_no_longer_be_approved()
    {
        var pending = Open(impact: 5000m).After(new AcceptSuggestion(null), newId: DecisionId);
        pending.Pending.ShouldNotBeNull();

        var cleared = Cleared(pending);

        cleared.Pending.ShouldBeNull();
        cleared.State.ShouldBe(State(CaseStatus.Cleared));
        cleared.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeRefused(RejectionKind.Refused, "cleared");
    }
}
