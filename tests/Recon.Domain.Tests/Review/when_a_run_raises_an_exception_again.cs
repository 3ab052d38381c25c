using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_a_run_raises_an_exception_again
{
    private static readonly Guid WriteOffId = new("99999999-9999-4999-8999-999999999999");

    /// <summary>The second run raises the exception with other figures and another engine category.</summary>
    private static CaseFigures Rerun(decimal impact = 320m, string category = Category.SiteMismatch, Guid? matchId = null, string? autoResolution = null) =>
        Figures(impact, category, matchId, autoResolution, runId: SecondRunId);

    private static ReviewCase Given(string status) => status switch
    {
        "open" => Open(impact: 5000m).After(new AssignCase("erin")),
        "pendingApproval" => Open(impact: 5000m).After(new AssignCase("erin")).After(new AcceptSuggestion("agreed")),
        "resolved" => Open(impact: 5000m).After(new AssignCase("erin"))
            .After(new ResolveCase(ResolutionReason.WriteOff, null), newId: WriteOffId)
            .After(new ApproveDecision(WriteOffId, null), by: Approver),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    [Theory]
    [InlineData("open", CaseStatus.Open, null)]
    [InlineData("pendingApproval", CaseStatus.PendingApproval, null)]
    [InlineData("resolved", CaseStatus.Resolved, "writeOff")]
    public void peoples_decisions_carry_over_and_the_case_takes_the_engines_new_category(string given, CaseStatus status, string? resolution)
    {
        var c = Given(given);
        c.State.ShouldBe(State(status, Category.RateChange, "erin", resolution));
        var figures = Rerun(category: Category.SiteMismatch);

        var refreshed = c.NextRun(figures).ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.ShouldBe(new ExceptionRefreshedByRun(
            c.Id, figures, RunReview.Actor, State(status, Category.RateChange, "erin", resolution), State(status, Category.SiteMismatch, "erin", resolution), Now));
        refreshed.By.ShouldBe("recon-run");
    }

    [Fact]
    public void the_folded_case_has_the_new_figures_and_keeps_a_pending_decision()
    {
        var c = Given("pendingApproval");
        var figures = Rerun(impact: 6000m);

        var after = c.Fold(c.NextRun(figures));

        after.Exception.ShouldBe(figures);
        after.State.ShouldBe(State(CaseStatus.PendingApproval, Category.SiteMismatch, "erin"));
        after.Pending.ShouldBe(c.Pending);
        after.RaisedAt.ShouldBe(c.RaisedAt);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("resolved")]
    public void an_overridden_category_is_kept(string given)
    {
        var c = Given(given).After(new OverrideCategory(Category.QuantityChange, OverrideReason.Misclassified, "two visits"));

        var refreshed = c.NextRun(Rerun(category: Category.SiteMismatch)).ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.After.Category.ShouldBe(Category.QuantityChange);
        var after = c.Fold([refreshed]);
        after.State.Category.ShouldBe(Category.QuantityChange);
        after.Exception.Category.ShouldBe(Category.SiteMismatch);
    }

    [Fact]
    public void an_auto_resolved_case_the_run_sends_to_review_opens_and_keeps_its_assignee()
    {
        var c = AutoResolved().After(new AssignCase("erin"));

        var refreshed = c.NextRun(Rerun(impact: 40m, category: Category.RateChange)).ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.Before.ShouldBe(State(CaseStatus.AutoResolved, Category.Rounding, "erin", AutoResolution));
        refreshed.After.ShouldBe(State(CaseStatus.Open, Category.RateChange, "erin"));
        c.Fold([refreshed]).State.ShouldBe(State(CaseStatus.Open, Category.RateChange, "erin"));
    }

    [Fact]
    public void an_auto_resolved_case_the_run_auto_resolves_again_takes_the_new_resolution()
    {
        var c = AutoResolved();

        var refreshed = c.NextRun(Rerun(impact: 0.30m, category: Category.Rounding, autoResolution: "auto-resolved again"))
            .ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.After.ShouldBe(State(CaseStatus.AutoResolved, Category.Rounding, null, "auto-resolved again"));
    }

    [Fact]
    public void a_reopened_auto_resolved_case_stays_open_when_the_run_auto_resolves_it_again()
    {
        var reopened = AutoResolved().After(new ReopenCase("look again"));

        reopened.NextRun(Rerun(impact: 0.30m, category: Category.Rounding, autoResolution: AutoResolution))
            .ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>()
            .After.ShouldBe(State(CaseStatus.Open, Category.Rounding));
    }

    [Theory]
    [InlineData(null, CaseStatus.Open, null)]
    [InlineData(AutoResolution, CaseStatus.AutoResolved, AutoResolution)]
    public void a_cleared_case_raised_again_takes_the_runs_initial_state_and_keeps_its_assignee(string? autoResolution, CaseStatus status, string? resolution)
    {
        var cleared = Open().After(new AssignCase("erin")).After(new AcceptSuggestion(null));
        cleared = cleared.Fold(cleared.NextRun(raised: null));
        cleared.State.ShouldBe(State(CaseStatus.Cleared, Category.RateChange, "erin", "accepted"));

        var refreshed = cleared.NextRun(Rerun(category: Category.Rounding, autoResolution: autoResolution))
            .ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.After.ShouldBe(State(status, Category.Rounding, "erin", resolution));
        cleared.Fold([refreshed]).State.ShouldBe(refreshed.After);
    }

    [Fact]
    public void the_case_follows_the_engines_new_match()
    {
        var c = Open(matchId: EngineMatchId);
        var newMatch = Guid.NewGuid();

        c.Fold(c.NextRun(Rerun(matchId: newMatch))).MatchId.ShouldBe(newMatch);
    }

    [Fact]
    public void a_manual_match_is_kept()
    {
        var manualMatch = Guid.NewGuid();
        var linked = Open(matchId: null).After(Commands.Named(Commands.Link), newId: manualMatch);

        var after = linked.Fold(linked.NextRun(Rerun(matchId: Guid.NewGuid())));

        after.MatchId.ShouldBe(manualMatch);
        after.State.ShouldBe(State(CaseStatus.Resolved, Category.SiteMismatch, resolution: "manualMatch"));
    }

    [Fact]
    public void an_unlinked_match_stays_unlinked()
    {
        var unlinked = Open(matchId: EngineMatchId).After(new UnlinkMatch(null));

        unlinked.Fold(unlinked.NextRun(Rerun(matchId: EngineMatchId))).MatchId.ShouldBeNull();
    }

    [Fact]
    public void an_overridden_category_of_an_auto_resolved_case_is_kept()
    {
        var overridden = AutoResolved().After(new OverrideCategory(Category.DuplicateBilling, OverrideReason.Misclassified, "billed twice"));
        overridden.State.ShouldBe(State(CaseStatus.AutoResolved, Category.DuplicateBilling, resolution: AutoResolution));

        var refreshed = overridden.NextRun(Rerun(impact: 0.30m, category: Category.Rounding, autoResolution: AutoResolution))
            .ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.After.Category.ShouldBe(Category.DuplicateBilling);
    }

    [Fact]
    public void an_overridden_category_of_a_cleared_case_is_kept_when_it_is_raised_again()
    {
        var overridden = Open().After(new OverrideCategory(Category.DuplicateBilling, OverrideReason.Misclassified, "billed twice"));
        var cleared = overridden.Fold(overridden.NextRun(raised: null));

        var refreshed = cleared.NextRun(Rerun(category: Category.RateChange)).ShouldHaveSingleItem().ShouldBeOfType<ExceptionRefreshedByRun>();

        refreshed.After.ShouldBe(State(CaseStatus.Open, Category.DuplicateBilling));
    }
}
