using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_assigning_a_case
{
    [Fact]
    public void the_case_gets_the_assignee()
    {
        var c = Open();

        var assigned = c.Decide(new AssignCase(" erin ")).ShouldApplySingle<ExceptionAssigned>();

        assigned.ShouldBe(new ExceptionAssigned(c.Id, Maker, "erin", State(CaseStatus.Open), State(CaseStatus.Open, assignee: "erin"), Now));
        c.Fold([assigned]).State.Assignee.ShouldBe("erin");
    }

    [Fact]
    public void an_assigned_case_can_be_given_to_someone_else()
    {
        var assigned = Open().After(new AssignCase("erin"));

        var reassigned = assigned.Decide(new AssignCase("gus")).ShouldApplySingle<ExceptionAssigned>();

        reassigned.Before.Assignee.ShouldBe("erin");
        reassigned.After.ShouldBe(State(CaseStatus.Open, assignee: "gus"));
    }

    [Fact]
    public void a_resolved_case_can_be_assigned_and_stays_resolved()
    {
        var resolved = Open().After(new AcceptSuggestion(null));

        resolved.Decide(new AssignCase("erin")).ShouldApplySingle<ExceptionAssigned>()
            .After.ShouldBe(State(CaseStatus.Resolved, assignee: "erin", resolution: "accepted"));
    }

    [Fact]
    public void assigning_the_same_user_again_is_refused()
    {
        var assigned = Open().After(new AssignCase("erin"));

        assigned.Decide(new AssignCase("erin")).ShouldBeRefused(RejectionKind.Refused, "already-assigned");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void an_assignment_names_a_user(string assignee)
    {
        Open().Decide(new AssignCase(assignee)).ShouldBeRefused(RejectionKind.Refused, "assignee-required");
    }

    [Fact]
    public void unassigning_removes_the_assignee()
    {
        var assigned = Open().After(new AssignCase("erin"));

        var unassigned = assigned.Decide(new UnassignCase()).ShouldApplySingle<ExceptionUnassigned>();

        unassigned.ShouldBe(new ExceptionUnassigned(assigned.Id, Maker, State(CaseStatus.Open, assignee: "erin"), State(CaseStatus.Open), Now));
        assigned.Fold([unassigned]).State.Assignee.ShouldBeNull();
    }

    [Fact]
    public void an_unassigned_case_cannot_be_unassigned()
    {
        Open().Decide(new UnassignCase()).ShouldBeRefused(RejectionKind.Refused, "not-assigned");
    }
}
