using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_linking_records_manually
{
    private static readonly Guid MatchId = new("44444444-4444-4444-8444-444444444444");

    [Fact]
    public void the_records_are_matched_by_hand_and_the_case_is_resolved_as_a_manual_match()
    {
        var c = Open();

        var linked = c.Decide(new LinkRecords(["JOB-100001"], ["INV-7/1"], "same visit"), newId: MatchId).ShouldApplySingle<RecordsLinkedManually>();

        linked.ShouldSatisfyAllConditions(
            e => e.ExceptionId.ShouldBe(c.Id),
            e => e.MatchId.ShouldBe(MatchId),
            e => e.By.ShouldBe(Maker),
            e => e.ClientJobIds.ShouldBe(["JOB-100001"]),
            e => e.LedgerLineIds.ShouldBe(["INV-7/1"]),
            e => e.Comment.ShouldBe("same visit"),
            e => e.ApprovedBy.ShouldBeNull(),
            e => e.Before.ShouldBe(State(CaseStatus.Open)),
            e => e.After.ShouldBe(State(CaseStatus.Resolved, resolution: "manualMatch")),
            e => e.At.ShouldBe(Now));
    }

    [Fact]
    public void the_folded_case_is_resolved_and_carries_the_manual_match()
    {
        var c = Open(matchId: EngineMatchId);

        var after = c.Fold(c.Decide(new LinkRecords(["JOB-100001"], ["INV-7/1"], null), newId: MatchId).ShouldBeApplied());

        after.MatchId.ShouldBe(MatchId);
        after.State.ShouldBe(State(CaseStatus.Resolved, resolution: ReviewDecider.ManualMatch));
        after.Pending.ShouldBeNull();
    }

    [Fact]
    public void record_ids_are_trimmed_deduplicated_and_ordered()
    {
        var linked = Open().Decide(new LinkRecords([" JOB-2 ", "JOB-1", "JOB-2", ""], ["INV-9/2", "INV-9/1 ", "INV-9/2"], null))
            .ShouldApplySingle<RecordsLinkedManually>();

        linked.ClientJobIds.ShouldBe(["JOB-1", "JOB-2"]);
        linked.LedgerLineIds.ShouldBe(["INV-9/1", "INV-9/2"]);
    }

    [Theory]
    [InlineData(new string[0], new[] { "INV-7/1" })]
    [InlineData(new[] { "JOB-100001" }, new string[0])]
    [InlineData(new[] { " ", "" }, new[] { "INV-7/1" })]
    [InlineData(new[] { "JOB-100001" }, new[] { "  " })]
    public void a_link_needs_at_least_one_job_and_one_line(string[] jobs, string[] lines)
    {
        Open().Decide(new LinkRecords(jobs, lines, null)).ShouldBeRefused(RejectionKind.Refused, "empty-link");
    }

    [Fact]
    public void a_resolved_case_cannot_be_linked()
    {
        var resolved = Open().After(new AcceptSuggestion(null));

        resolved.Decide(Commands.Named(Commands.Link)).ShouldBeRefused(RejectionKind.Refused, "not-open");
    }
}
