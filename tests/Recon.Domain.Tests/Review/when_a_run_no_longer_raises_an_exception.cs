using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_a_run_no_longer_raises_an_exception
{
    [Theory]
    [InlineData(CaseStatus.Open, null)]
    [InlineData(CaseStatus.PendingApproval, null)]
    [InlineData(CaseStatus.Resolved, "accepted")]
    [InlineData(CaseStatus.AutoResolved, AutoResolution)]
    public void the_case_is_cleared_by_the_run(CaseStatus status, string? resolution)
    {
        var id = ExceptionIds.Of(PeriodId, GroupId);
        var before = State(status, assignee: "erin", resolution: resolution);

        var events = RunReview.Sync(SecondRunId, [], new Dictionary<Guid, ExistingCase> { [id] = new(before, false) }, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ExceptionClearedByRun(id, SecondRunId, RunReview.Actor, before, before with { Status = CaseStatus.Cleared }, Now));
    }

    [Fact]
    public void the_folded_case_is_cleared_and_keeps_the_rest_of_its_state()
    {
        var c = Open().After(new AssignCase("erin")).After(new AcceptSuggestion(null));

        c.Fold(c.NextRun(raised: null)).State.ShouldBe(State(CaseStatus.Cleared, assignee: "erin", resolution: "accepted"));
    }

    [Fact]
    public void an_already_cleared_case_is_not_cleared_again()
    {
        var c = Open();
        var cleared = c.Fold(c.NextRun(raised: null));
        cleared.State.Status.ShouldBe(CaseStatus.Cleared);

        cleared.NextRun(raised: null).ShouldBeEmpty();
    }
}
