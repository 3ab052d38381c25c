using Recon.DataGenerator;
using Recon.Domain.Ingestion;
using Recon.Domain.Reconciliation;
using Recon.Domain.Tests.Reconciliation.Accuracy;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_computing_run_kpis
{
    [Fact]
    public void the_figures_follow_the_documented_definitions()
    {
        var result = Reconcile(
            [Job("JOB-100001"), Job("JOB-100002", status: JobStatus.Cancelled, quantity: 1, rate: 150), Job("JOB-100003", quantity: 1, rate: 100.60m, date: "2026-10-20")],
            [Line("INV-1/1", "JOB-100001"), Line("INV-1/2", "JOB-999999", quantity: 1, price: 50.75m)]);

        result.Kpis.ShouldSatisfyAllConditions(
            k => k.Currency.ShouldBe("USD"),
            k => k.ClientJobs.ShouldBe(3),
            k => k.LedgerLines.ShouldBe(2),
            k => k.ClientTotal.ShouldBe(300.60m),
            k => k.LedgerTotal.ShouldBe(250.75m),
            k => k.Variance.ShouldBe(-49.85m),
            k => k.VarianceIgnoringCents.ShouldBe(-50m),
            k => k.VariancePercent.ShouldBe(16.67m),
            k => k.OverLimit.ShouldBeTrue(),
            k => k.AutoMatchRate.ShouldBe(0.5m),
            k => k.Matches.ShouldBe(1),
            k => k.ExactMatches.ShouldBe(1),
            k => k.FuzzyMatches.ShouldBe(0),
            k => k.Exceptions.ShouldBe(2),
            k => k.ExceptionsByCategory[Category.MissingInLedger].ShouldBe(1),
            k => k.ExceptionsByCategory[Category.MissingInClient].ShouldBe(1),
            k => k.ExceptionsByCategory.ShouldNotContainKey(Category.Exact),
            k => k.VarianceByCategory[Category.MissingInLedger].ShouldBe(-100.60m),
            k => k.VarianceByCategory[Category.MissingInClient].ShouldBe(50.75m),
            k => k.VarianceByCategory[Category.Exact].ShouldBe(0m));
    }

    [Fact]
    public void no_jobs_and_no_lines_give_zero_figures()
    {
        var kpis = Reconcile([], []).Kpis;

        kpis.ShouldSatisfyAllConditions(
            k => k.Variance.ShouldBe(0m),
            k => k.VariancePercent.ShouldBe(0m),
            k => k.OverLimit.ShouldBeFalse(),
            k => k.AutoMatchRate.ShouldBe(0m));
    }

    [Fact]
    public void lines_without_client_jobs_are_a_hundred_percent_variance()
    {
        Reconcile([], [Line("INV-1/1", null)]).Kpis.VariancePercent.ShouldBe(100m);
    }

    [Theory]
    [InlineData(NoiseLevel.Low, 3)]
    [InlineData(NoiseLevel.Medium, 4)]
    [InlineData(NoiseLevel.High, 5)]
    public void variance_by_category_adds_up_exactly_to_the_variance(NoiseLevel noise, int seed)
    {
        var month = MonthGenerator.Generate(new GeneratorOptions { JobCount = 1500, Seed = seed, Noise = noise });

        var result = Reconciler.Reconcile(GeneratedInput.From(month));

        result.Kpis.VarianceByCategory.Values.Sum().ShouldBe(result.Kpis.Variance);
        result.Groups.Sum(group => group.Difference).ShouldBe(result.Kpis.Variance);
        result.Kpis.Variance.ShouldBe(month.GroundTruth.Totals.Variance);
        result.Kpis.AutoMatchRate.ShouldBeInRange(0m, 1m);
    }
}
