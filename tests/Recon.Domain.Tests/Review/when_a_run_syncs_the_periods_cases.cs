using Recon.Domain.Review;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_a_run_syncs_the_periods_cases
{
    private static readonly Guid New1 = new("00000005-0000-4000-8000-000000000000");
    private static readonly Guid New2 = new("00000001-0000-4000-8000-000000000000");
    private static readonly Guid Known = new("00000003-0000-4000-8000-000000000000");
    private static readonly Guid Gone1 = new("00000002-0000-4000-8000-000000000000");
    private static readonly Guid Gone2 = new("00000004-0000-4000-8000-000000000000");
    private static readonly Guid GoneEarlier = new("00000000-0000-4000-8000-000000000000");

    private static readonly (Guid, CaseFigures)[] Raised =
    [
        (New1, Figures(groupId: New1, runId: SecondRunId)),
        (Known, Figures(groupId: Known, runId: SecondRunId)),
        (New2, Figures(groupId: New2, runId: SecondRunId)),
    ];

    private static List<(string Type, Guid ExceptionId)> Sync(params Guid[] existingInThisOrder)
    {
        var existing = new Dictionary<Guid, ExistingCase>();
        foreach (var id in existingInThisOrder)
        {
            existing[id] = new ExistingCase(State(id == GoneEarlier ? CaseStatus.Cleared : CaseStatus.Open), false);
        }

        return RunReview.Sync(SecondRunId, Raised, existing, Now).Select(e => (e.GetType().Name, e.ExceptionId)).ToList();
    }

    [Fact]
    public void raised_exceptions_come_in_the_runs_order_then_the_cleared_ones_by_id()
    {
        Sync(Gone2, Known, GoneEarlier, Gone1).ShouldBe(
        [
            (nameof(ExceptionOpenedForReview), New1),
            (nameof(ExceptionRefreshedByRun), Known),
            (nameof(ExceptionOpenedForReview), New2),
            (nameof(ExceptionClearedByRun), Gone1),
            (nameof(ExceptionClearedByRun), Gone2),
        ]);
    }

    [Fact]
    public void the_order_of_the_known_cases_does_not_change_the_events()
    {
        Sync(Gone2, Known, GoneEarlier, Gone1).ShouldBe(Sync(Gone1, GoneEarlier, Known, Gone2));
    }

    [Fact]
    public void every_event_is_stamped_with_the_runs_time()
    {
        var existing = new Dictionary<Guid, ExistingCase> { [Known] = new(State(CaseStatus.Open), false), [Gone1] = new(State(CaseStatus.Open), false) };

        RunReview.Sync(SecondRunId, Raised, existing, Now).ShouldAllBe(e => e.At == Now);
    }
}
