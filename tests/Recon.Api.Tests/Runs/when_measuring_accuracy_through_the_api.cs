using System.Globalization;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.DataGenerator;
using Recon.DataGenerator.Scoring;
using Recon.Domain.Runs;
using Xunit.Abstractions;

namespace Recon.Api.Tests.Runs;

/// <summary>
/// The accuracy targets at medium noise, measured as an API consumer sees a run: a generated month uploaded over HTTP,
/// reconciled, every match and exception read back page by page, scored by the generator's shared scorer against the
/// month's ground truth (docs/reconciliation.md, "Measuring accuracy").
/// </summary>
public class when_measuring_accuracy_through_the_api(LargeMonthHostFixture fixture, ITestOutputHelper output) : LargeMonthContext(fixture)
{
    /// <summary>The generator's worlds: Recon's own vocabulary, and a foreign one sharing no word with any table of Recon's.</summary>
    public static TheoryData<string> Worlds => new() { "classic", "foreign" };

    [Theory]
    [MemberData(nameof(Worlds))]
    public async Task a_medium_noise_month_of_3000_jobs_meets_the_targets(string world)
    {
        GeneratorOptions.TryParseWorld(world, out var generated).ShouldBeTrue();
        var options = new GeneratorOptions { ClientId = $"acc-{world}", Month = "2026-10", JobCount = 3_000, Seed = 11, Noise = NoiseLevel.Medium, World = generated };
        var (periodId, month) = await Host.GivenIngestedMonth(options);
        var runId = await Host.RequestRun(periodId);
        var run = await Host.WaitForRun(runId, TimeSpan.FromMinutes(3));
        run.Status.ShouldBe(RunStatus.Completed, run.FailureReason);

        var contents = await Reader.ReadAsync(runId, RunItemsQuery.MaxLimit);
        var groups = contents.Groups(month);
        var score = AccuracyScore.Of(month, groups, contents.Totals);
        var report = score.Report(worst: 40);
        output.WriteLine($"{world}, {options.JobCount:N0} jobs, medium noise, seed {options.Seed}:\n{report}");

        var records = groups.SelectMany(g => g.JobIds.Concat(g.LineIds)).ToList();
        records.Distinct().Count().ShouldBe(records.Count, "every record in one group of the run as read through the API");
        records.Count.ShouldBe(month.Jobs.Count + month.LedgerLines.Count);
        if (world == "foreign")
        {
            // The targets, on a world sharing no word with any vocabulary table of Recon's, the catalog seed off.
            score.ShouldSatisfyAllConditions(
                report,
                s => s.LinkPrecision.ShouldBeGreaterThanOrEqualTo(0.998),
                s => s.LinkRecall.ShouldBeGreaterThanOrEqualTo(0.995),
                s => s.BlankRefRecall.ShouldBeGreaterThanOrEqualTo(0.97),
                s => s.ExactPairsInExceptionsShare.ShouldBeLessThanOrEqualTo(0.005),
                s => s.MacroF1.ShouldBeGreaterThanOrEqualTo(0.95),
                s => s.Categories.Where(c => c.Recall is not null && c.Recall < 0.90)
                    .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Category} {c.Recall:P1}"))
                    .ShouldBeEmpty("every non-exact category's recall ≥ 90 %"),
                s => s.TotalsMatch.ShouldBeTrue(),
                s => s.Engine.Variance.ShouldBe(s.Truth.Variance));
        }
        else
        {
            // Recon's own world: no regression from the engine's figures before the vocabulary was learned.
            score.ShouldSatisfyAllConditions(
                report,
                s => s.LinkPrecision.ShouldBeGreaterThanOrEqualTo(0.995),
                s => s.LinkRecall.ShouldBeGreaterThanOrEqualTo(0.995),
                s => s.BlankRefRecall.ShouldBeGreaterThanOrEqualTo(0.95),
                s => s.ExactPairsInExceptionsShare.ShouldBeLessThanOrEqualTo(0.005),
                s => s.MacroF1.ShouldBeGreaterThanOrEqualTo(0.95),
                s => s.TotalsMatch.ShouldBeTrue(),
                s => s.Engine.Variance.ShouldBe(s.Truth.Variance));
        }
    }
}
