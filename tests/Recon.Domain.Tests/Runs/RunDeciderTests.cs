using Recon.Domain.Periods;
using Recon.Domain.Reconciliation;
using Recon.Domain.Runs;

namespace Recon.Domain.Tests.Runs;

public class RunDeciderTests
{
    private static readonly Period October = new(Guid.NewGuid(), "acme", "2026-10", PeriodStatus.Open);
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_run_of_an_open_period_is_requested_by_its_user()
    {
        var runId = Guid.NewGuid();

        var decision = RunDecider.Request(October, [], runId, "dana", Now);

        decision.ShouldBe(new Decision<RunRequested>.Accepted(new RunRequested(runId, October.Id, "acme", "2026-10", "dana", Now)));
    }

    [Fact]
    public void a_run_of_an_unknown_period_is_refused_as_not_found()
    {
        var decision = RunDecider.Request(null, [], Guid.NewGuid(), "dana", Now);

        decision.ShouldBeOfType<Decision<RunRequested>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
    }

    [Theory]
    [InlineData(RunStatus.Queued)]
    [InlineData(RunStatus.Running)]
    public void a_second_run_while_one_is_in_progress_is_a_conflict(RunStatus status)
    {
        var active = new Run(Guid.NewGuid(), October.Id, status, null);

        var decision = RunDecider.Request(October, [active], Guid.NewGuid(), "dana", Now);

        var rejection = decision.ShouldBeOfType<Decision<RunRequested>.Rejected>().Rejection;
        rejection.Kind.ShouldBe(RejectionKind.Conflict);
        rejection.Detail.ShouldContain(active.Id.ToString());
    }

    [Fact]
    public void a_queued_run_starts_a_started_one_resumes_and_a_finished_one_is_never_done_again()
    {
        var requested = new RunRequested(Guid.NewGuid(), October.Id, "acme", "2026-10", "dana", Now);
        var queued = Run.Create(requested);
        var running = Run.Apply(new RunStarted(requested.RunId, October.Id, [], 0, 0, "digest", 1, RuleConfiguration.Default, Now), queued);
        var completed = Run.Apply(new RunCompleted(requested.RunId, October.Id, "acme", "2026-10", null!, [], Now), running);
        var failed = Run.Apply(new RunFailed(requested.RunId, October.Id, "broken", Now), running);

        RunDecider.NextStep(queued).ShouldBe(RunStep.Start);
        RunDecider.NextStep(running).ShouldBe(RunStep.Resume);
        running.Started!.RecordVersionsDigest.ShouldBe("digest");
        RunDecider.NextStep(completed).ShouldBe(RunStep.Skip);
        RunDecider.NextStep(failed).ShouldBe(RunStep.Skip);
        RunDecider.NextStep(null).ShouldBe(RunStep.Skip);
    }
}
