using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_a_run_raises_a_new_exception
{
    private static readonly Guid ExceptionId = ExceptionIds.Of(PeriodId, GroupId);

    [Fact]
    public void a_case_opens_for_review_with_the_runs_figures()
    {
        var figures = Figures(impact: 250m, category: Category.QuantityChange, matchId: EngineMatchId);

        var events = RunReview.Sync(FirstRunId, [(ExceptionId, figures)], new Dictionary<Guid, ExistingCase>(), Now);

        events.ShouldHaveSingleItem().ShouldBe(new ExceptionOpenedForReview(ExceptionId, figures, Now));
    }

    [Fact]
    public void the_folded_case_is_open_unassigned_and_carries_the_engines_match()
    {
        var figures = Figures(impact: 250m, category: Category.QuantityChange, matchId: EngineMatchId);

        var c = ((ReviewCase?)null).FoldStream(RunReview.Sync(FirstRunId, [(ExceptionId, figures)], new Dictionary<Guid, ExistingCase>(), Now));

        c.ShouldNotBeNull().ShouldSatisfyAllConditions(
            x => x.Id.ShouldBe(ExceptionId),
            x => x.Exception.ShouldBe(figures),
            x => x.State.ShouldBe(State(CaseStatus.Open, Category.QuantityChange)),
            x => x.MatchId.ShouldBe(EngineMatchId),
            x => x.CategoryOverridden.ShouldBeFalse(),
            x => x.Pending.ShouldBeNull(),
            x => x.RaisedAt.ShouldBe(Now));
    }

    [Fact]
    public void an_exception_the_run_auto_resolved_starts_auto_resolved_with_the_policys_resolution()
    {
        var figures = Figures(impact: 0.40m, category: Category.Rounding, autoResolution: AutoResolution);

        var c = ((ReviewCase?)null).FoldStream(RunReview.Sync(FirstRunId, [(ExceptionId, figures)], new Dictionary<Guid, ExistingCase>(), Now));

        c.ShouldNotBeNull().State.ShouldBe(State(CaseStatus.AutoResolved, Category.Rounding, resolution: AutoResolution));
    }
}
