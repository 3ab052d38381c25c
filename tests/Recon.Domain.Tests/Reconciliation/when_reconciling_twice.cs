using Recon.DataGenerator;
using Recon.Domain.Reconciliation;
using Recon.Domain.Tests.Reconciliation.Accuracy;

namespace Recon.Domain.Tests.Reconciliation;

public class when_reconciling_twice
{
    [Fact]
    public void the_same_input_gives_the_same_groups_ids_and_figures()
    {
        var input = GeneratedInput.From(MonthGenerator.Generate(new GeneratorOptions { JobCount = 800, Seed = 17, Noise = NoiseLevel.High }));

        var first = Reconciler.Reconcile(input);
        var second = Reconciler.Reconcile(input);

        second.Groups.Select(Summary).ShouldBe(first.Groups.Select(Summary));
        second.Kpis.VarianceByCategory.ShouldBe(first.Kpis.VarianceByCategory);
        second.RateAnomalies.Select(a => (a.Kind, a.SiteCode, a.Service, a.UnitRate)).ShouldBe(first.RateAnomalies.Select(a => (a.Kind, a.SiteCode, a.Service, a.UnitRate)));
    }

    [Fact]
    public void ids_are_derived_from_the_sorted_source_ids()
    {
        ReconciliationIds.Group(["JOB-2", "JOB-1"], ["INV-1/2", "INV-1/1"]).ShouldBe(ReconciliationIds.Group(["JOB-1", "JOB-2"], ["INV-1/1", "INV-1/2"]));
        ReconciliationIds.Group(["JOB-1"], []).ShouldNotBe(ReconciliationIds.Group([], ["JOB-1"]));
        ReconciliationIds.Match(["JOB-1"], ["INV-1/1"]).ShouldNotBe(ReconciliationIds.Group(["JOB-1"], ["INV-1/1"]));
    }

    [Fact]
    public void progress_is_reported_in_rising_fractions_up_to_one()
    {
        var reported = new RecordingProgress();

        Reconciler.Reconcile(GeneratedInput.From(MonthGenerator.Generate(new GeneratorOptions { JobCount = 100 })), reported);

        reported.Values.ShouldBeInOrder(SortDirection.Ascending);
        reported.Values.ShouldAllBe(value => value > 0 && value <= 1);
        reported.Values[^1].ShouldBe(1.0);
    }

    private static string Summary(ReconciliationGroup group) =>
        $"{group.GroupId} {group.Category} {group.Difference} {group.Match?.MatchId} {group.Match?.Explanation.Score} {group.Resolution?.Priority}";

    private sealed class RecordingProgress : IProgress<double>
    {
        public List<double> Values { get; } = [];

        public void Report(double value) => Values.Add(value);
    }
}
