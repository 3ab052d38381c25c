using Recon.DataGenerator;
using Recon.DataGenerator.Scoring;
using Recon.Domain.Reconciliation;
using Recon.Domain.Tests.Reconciliation.Accuracy;
using Xunit.Abstractions;

namespace Recon.Domain.Tests.Reconciliation;

/// <summary>Accuracy against the seeded generator's ground truth, through the real normalizer.</summary>
public class when_reconciling_generated_months(ITestOutputHelper output)
{
    public static TheoryData<int> Seeds => new() { 11, 2024, 90210 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void medium_noise_pairs_categories_and_totals_meet_the_targets(int seed)
    {
        var month = MonthGenerator.Generate(new GeneratorOptions { JobCount = 3000, Seed = seed, Noise = NoiseLevel.Medium });

        var result = Reconciler.Reconcile(GeneratedInput.From(month));

        var score = AccuracyScore.Of(month, EngineGroup.Of(result), EngineTotals.Of(result.Kpis));
        output.WriteLine(score.Report(worst: 60));

        score.ShouldSatisfyAllConditions(
            score.Report(),
            s => s.LinkPrecision.ShouldBeGreaterThanOrEqualTo(0.995),
            s => s.LinkRecall.ShouldBeGreaterThanOrEqualTo(0.99),
            s => s.GroupAccuracy.ShouldBeGreaterThanOrEqualTo(0.97),
            s => s.TotalsMatch.ShouldBeTrue(),
            s => s.Engine.Variance.ShouldBe(s.Truth.Variance));
    }
}
