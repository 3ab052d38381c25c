using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_unlinking_a_match
{
    [Fact]
    public void the_engines_match_is_broken_and_the_case_stays_open()
    {
        var c = Open(matchId: EngineMatchId);

        var unlinked = c.Decide(new UnlinkMatch("different visits")).ShouldApplySingle<MatchUnlinked>();

        unlinked.ShouldBe(new MatchUnlinked(c.Id, EngineMatchId, Maker, "different visits", State(CaseStatus.Open), State(CaseStatus.Open), Now));
        var after = c.Fold([unlinked]);
        after.MatchId.ShouldBeNull();
        after.State.ShouldBe(State(CaseStatus.Open));
    }

    [Fact]
    public void unlinking_a_resolved_case_opens_it_again()
    {
        var accepted = Open(matchId: EngineMatchId).After(new AcceptSuggestion(null)).After(new AssignCase("erin"));

        var unlinked = accepted.Decide(new UnlinkMatch(null)).ShouldApplySingle<MatchUnlinked>();

        unlinked.Before.ShouldBe(State(CaseStatus.Resolved, assignee: "erin", resolution: "accepted"));
        unlinked.After.ShouldBe(State(CaseStatus.Open, assignee: "erin"));
    }

    [Fact]
    public void a_case_without_a_match_has_nothing_to_unlink()
    {
        Open(matchId: null).Decide(new UnlinkMatch(null)).ShouldBeRefused(RejectionKind.Refused, "no-match");
    }

    [Fact]
    public void a_match_cannot_be_unlinked_twice()
    {
        var unlinked = Open(matchId: EngineMatchId).After(new UnlinkMatch(null));

        unlinked.Decide(new UnlinkMatch(null)).ShouldBeRefused(RejectionKind.Refused, "no-match");
    }

    [Fact]
    public void a_manual_link_can_be_unlinked_and_the_case_opens_again()
    {
        var manualMatchId = Guid.NewGuid();
        var linked = Open(matchId: null).After(Commands.Named(Commands.Link), newId: manualMatchId);

        var unlinked = linked.Decide(new UnlinkMatch("linked the wrong invoice")).ShouldApplySingle<MatchUnlinked>();

        unlinked.MatchId.ShouldBe(manualMatchId);
        unlinked.Before.ShouldBe(State(CaseStatus.Resolved, resolution: "manualMatch"));
        unlinked.After.ShouldBe(State(CaseStatus.Open));
        linked.Fold([unlinked]).MatchId.ShouldBeNull();
    }
}
