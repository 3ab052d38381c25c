using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_a_decision_needs_approval
{
    private static readonly Guid DecisionId = new("55555555-5555-4555-8555-555555555555");

    [Fact]
    public void accepting_above_the_threshold_is_submitted_for_approval()
    {
        var c = Open(impact: 1000.01m);

        var submitted = c.Decide(new AcceptSuggestion("agreed"), newId: DecisionId).ShouldAwaitApproval(DecisionId);

        submitted.ShouldSatisfyAllConditions(
            e => e.ExceptionId.ShouldBe(c.Id),
            e => e.DecisionId.ShouldBe(DecisionId),
            e => e.Kind.ShouldBe(DecisionKind.Accept),
            e => e.By.ShouldBe(Maker),
            e => e.ReasonCode.ShouldBeNull(),
            e => e.Comment.ShouldBe("agreed"),
            e => e.ClientJobIds.ShouldBeNull(),
            e => e.LedgerLineIds.ShouldBeNull(),
            e => e.Impact.ShouldBe(1000.01m),
            e => e.Why.ShouldContain("threshold"),
            e => e.Before.ShouldBe(State(CaseStatus.Open)),
            e => e.After.ShouldBe(State(CaseStatus.PendingApproval)),
            e => e.At.ShouldBe(Now));
    }

    [Fact]
    public void resolving_above_the_threshold_is_submitted_with_its_reason()
    {
        var submitted = Open(impact: 2500m).Decide(new ResolveCase(ResolutionReason.CreditIssued, "CN-17"), newId: DecisionId)
            .ShouldAwaitApproval(DecisionId);

        submitted.Kind.ShouldBe(DecisionKind.Resolve);
        submitted.ReasonCode.ShouldBe(ResolutionReason.CreditIssued);
        submitted.Comment.ShouldBe("CN-17");
    }

    [Fact]
    public void linking_above_the_threshold_is_submitted_with_its_records()
    {
        var submitted = Open(impact: 2500m).Decide(new LinkRecords(["JOB-2", " JOB-1"], ["INV-7/1"], "same visit"), newId: DecisionId)
            .ShouldAwaitApproval(DecisionId);

        submitted.Kind.ShouldBe(DecisionKind.Link);
        submitted.ClientJobIds.ShouldBe(["JOB-1", "JOB-2"]);
        submitted.LedgerLineIds.ShouldBe(["INV-7/1"]);
        submitted.Comment.ShouldBe("same visit");
    }

    [Theory]
    [InlineData(Commands.Accept, 1000.01)]
    [InlineData(Commands.Accept, -1000.01)]
    [InlineData(Commands.Resolve, 1000.01)]
    [InlineData(Commands.Resolve, -1000.01)]
    [InlineData(Commands.Link, 1000.01)]
    [InlineData(Commands.Link, -1000.01)]
    public void a_closing_decision_on_an_impact_above_the_threshold_either_way_waits(string command, double impact)
    {
        Open(impact: (decimal)impact).Decide(Commands.Named(command), newId: DecisionId).ShouldAwaitApproval(DecisionId)
            .Impact.ShouldBe((decimal)impact);
    }

    [Theory]
    [InlineData(Commands.Accept, 1000)]
    [InlineData(Commands.Accept, -1000)]
    [InlineData(Commands.Resolve, 1000)]
    [InlineData(Commands.Resolve, -1000)]
    [InlineData(Commands.Link, 1000)]
    [InlineData(Commands.Link, -1000)]
    public void an_impact_equal_to_the_threshold_is_not_above_it(string command, int impact)
    {
        Open(impact: impact).Decide(Commands.Named(command)).ShouldBeApplied().ShouldHaveSingleItem()
            .ShouldBeAssignableTo<ICaseDecisionEvent>()!.After.Status.ShouldBe(CaseStatus.Resolved);
    }

    [Fact]
    public void the_threshold_is_the_policys()
    {
        var c = Open(impact: 150m);

        c.Decide(new AcceptSuggestion(null), policy: new ReviewPolicy(100m), newId: DecisionId).ShouldAwaitApproval(DecisionId);
        c.Decide(new AcceptSuggestion(null), policy: new ReviewPolicy(150m)).ShouldApplySingle<SuggestedResolutionAccepted>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-5)]
    public void every_write_off_waits_even_below_the_threshold(int impact)
    {
        var submitted = Open(impact: impact).Decide(new ResolveCase(ResolutionReason.WriteOff, "not worth chasing"), newId: DecisionId)
            .ShouldAwaitApproval(DecisionId);

        submitted.Kind.ShouldBe(DecisionKind.Resolve);
        submitted.ReasonCode.ShouldBe(ResolutionReason.WriteOff);
        submitted.Why.ShouldContain("write-off");
        submitted.After.ShouldBe(State(CaseStatus.PendingApproval));
    }

    [Fact]
    public void the_folded_case_awaits_approval_of_the_whole_decision()
    {
        var c = Open(impact: 5000m).After(new AssignCase("erin"));

        var after = c.Fold(c.Decide(new ResolveCase(ResolutionReason.ClientDispute, "disputed"), newId: DecisionId)
            .ShouldBeOfType<CaseDecision.PendingApproval>().Events);

        after.State.ShouldBe(State(CaseStatus.PendingApproval, assignee: "erin"));
        after.Pending.ShouldNotBeNull().ShouldSatisfyAllConditions(
            p => p.DecisionId.ShouldBe(DecisionId),
            p => p.Kind.ShouldBe(DecisionKind.Resolve),
            p => p.By.ShouldBe(Maker),
            p => p.ReasonCode.ShouldBe(ResolutionReason.ClientDispute),
            p => p.Comment.ShouldBe("disputed"),
            p => p.Before.ShouldBe(State(CaseStatus.Open, assignee: "erin")),
            p => p.At.ShouldBe(Now));
    }

    [Theory]
    [InlineData(Commands.Override)]
    [InlineData(Commands.Assign)]
    [InlineData(Commands.Comment)]
    [InlineData(Commands.Unlink)]
    public void other_decisions_on_a_large_exception_never_wait(string command)
    {
        var c = Open(impact: 1_000_000m, matchId: EngineMatchId);

        c.Decide(Commands.Named(command)).ShouldBeApplied().ShouldHaveSingleItem().ShouldNotBeOfType<DecisionSubmittedForApproval>();
    }

    [Fact]
    public void reopening_a_large_auto_resolved_exception_never_waits()
    {
        AutoResolved(impact: 1_000_000m).Decide(new ReopenCase(null)).ShouldApplySingle<ExceptionReopened>();
    }

    [Fact]
    public void unassigning_a_large_exception_never_waits()
    {
        Open(impact: 1_000_000m).After(new AssignCase("erin")).Decide(new UnassignCase()).ShouldApplySingle<ExceptionUnassigned>();
    }
}
