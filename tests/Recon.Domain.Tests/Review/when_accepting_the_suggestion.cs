using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_accepting_the_suggestion
{
    [Fact]
    public void an_open_case_is_resolved_as_accepted_by_the_reviewer()
    {
        var c = Open(impact: 250m);

        var accepted = c.Decide(new AcceptSuggestion("the engine is right")).ShouldApplySingle<SuggestedResolutionAccepted>();

        accepted.ShouldBe(new SuggestedResolutionAccepted(
            c.Id, Maker, "the engine is right", null, State(CaseStatus.Open), State(CaseStatus.Resolved, resolution: "accepted"), Now));
    }

    [Fact]
    public void the_folded_case_is_resolved_with_its_category_and_assignee()
    {
        var c = Open(category: Category.QuantityChange).After(new AssignCase("erin"));

        var events = c.Decide(new AcceptSuggestion(null)).ShouldBeApplied();

        var after = c.Fold(events);
        after.State.ShouldBe(State(CaseStatus.Resolved, Category.QuantityChange, "erin", ReviewDecider.Accepted));
        after.Pending.ShouldBeNull();
        after.Id.ShouldBe(c.Id);
    }

    [Fact]
    public void an_accepted_case_cannot_be_accepted_again()
    {
        var accepted = Open().After(new AcceptSuggestion(null));

        accepted.Decide(new AcceptSuggestion(null)).ShouldBeRefused(RejectionKind.Refused, "not-open");
    }

    [Fact]
    public void an_auto_resolved_case_has_to_be_reopened_before_it_is_accepted()
    {
        AutoResolved().Decide(new AcceptSuggestion(null)).ShouldBeRefused(RejectionKind.Refused, "not-open");
    }
}
