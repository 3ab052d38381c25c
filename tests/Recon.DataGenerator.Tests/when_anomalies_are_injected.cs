namespace Recon.DataGenerator.Tests;

public class when_anomalies_are_injected
{
    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    public void every_category_is_present_at_medium_noise(int jobs)
    {
        var truth = Months.Get(NoiseLevel.Medium, jobs).GroundTruth;

        truth.Categories.Keys.ShouldBe(AnomalyCategory.All);
        foreach (var category in AnomalyCategory.All)
        {
            truth.Groups.ShouldContain(group => group.Category == category, category);
        }
    }

    [Theory]
    [InlineData(NoiseLevel.Low, 80, 90)]
    [InlineData(NoiseLevel.Medium, 70, 80)]
    [InlineData(NoiseLevel.High, 55, 65)]
    public void most_jobs_are_exact_and_fewer_as_noise_grows(NoiseLevel noise, int fromPercent, int toPercent)
    {
        var month = Months.Get(noise);

        var exactShare = month.GroundTruth.Categories[AnomalyCategory.Exact].Jobs / (double)month.Jobs.Count;

        (exactShare * 100).ShouldBeInRange(fromPercent, toPercent);
    }

    [Fact]
    public void each_category_means_what_its_definition_says()
    {
        var month = Months.Get(NoiseLevel.High);
        var jobs = month.Jobs.ToDictionary(job => job.JobId);
        var lines = month.LedgerLines.ToDictionary(line => line.LineId);
        var jobIds = jobs.Keys.ToHashSet();

        foreach (var group in month.GroundTruth.Groups)
        {
            var of = group.ClientJobIds.Select(id => jobs[id]).ToList();
            var billed = group.LedgerLineIds.Select(id => lines[id]).ToList();
            var job = of.FirstOrDefault();
            var because = $"{group.Category} {string.Join(" ", group.ClientJobIds)} ↔ {string.Join(" ", group.LedgerLineIds)}";
            billed.ShouldAllBe(line => line.Category == group.Category && line.ClientJobIds.SequenceEqual(group.ClientJobIds));

            switch (group.Category)
            {
                case AnomalyCategory.Exact when job!.IsCompleted:
                    billed.Count.ShouldBe(1, because);
                    SameValues(billed[0], job).ShouldBeTrue(because);
                    break;
                case AnomalyCategory.Exact:
                    billed.ShouldBeEmpty(because);
                    break;
                case AnomalyCategory.Rounding:
                    billed.Count.ShouldBe(1, because);
                    Math.Abs(group.Variance).ShouldBeInRange(0.01m, 0.99m, because);
                    billed[0].Quantity.ShouldBe(job!.Quantity);
                    billed[0].UnitPrice.ShouldBe(job.UnitRate);
                    break;
                case AnomalyCategory.RateChange:
                    billed.Count.ShouldBe(1, because);
                    billed[0].UnitPrice.ShouldNotBe(job!.UnitRate, because);
                    billed[0].Quantity.ShouldBe(job.Quantity, because);
                    Math.Abs(group.Variance).ShouldBeGreaterThanOrEqualTo(1m, because);
                    break;
                case AnomalyCategory.QuantityChange:
                    billed.Count.ShouldBe(1, because);
                    billed[0].Quantity.ShouldNotBe(job!.Quantity, because);
                    billed[0].UnitPrice.ShouldBe(job.UnitRate, because);
                    Math.Abs(group.Variance).ShouldBeGreaterThanOrEqualTo(1m, because);
                    break;
                case AnomalyCategory.DuplicateBilling:
                    billed.Count.ShouldBe(2, because);
                    billed.ShouldAllBe(line => SameValues(line, job!), because);
                    group.Variance.ShouldBe(job!.Amount, because);
                    break;
                case AnomalyCategory.MissingInLedger:
                    billed.ShouldBeEmpty(because);
                    group.Variance.ShouldBe(-job!.Amount, because);
                    break;
                case AnomalyCategory.MissingInClient:
                    of.ShouldBeEmpty(because);
                    billed.Count.ShouldBe(1, because);
                    (billed[0].JobRef is null || !jobIds.Contains(billed[0].JobRef!)).ShouldBeTrue(because);
                    group.Variance.ShouldBe(billed[0].LineTotal, because);
                    break;
                case AnomalyCategory.PeriodMismatch:
                    billed.Count.ShouldBe(1, because);
                    (billed[0].ServiceDate.Month == job!.ServiceDate.Month).ShouldBeFalse(because);
                    Math.Abs(billed[0].ServiceDate.DayNumber - job.ServiceDate.DayNumber).ShouldBeLessThanOrEqualTo(20, because);
                    group.Variance.ShouldBe(0m, because);
                    break;
                case AnomalyCategory.SplitBilling:
                    billed.Count.ShouldBeInRange(2, 3, because);
                    billed.Sum(line => line.Quantity).ShouldBe(job!.Quantity, because);
                    billed.Sum(line => line.LineTotal).ShouldBe(job.Amount, because);
                    break;
                case AnomalyCategory.ConsolidatedBilling:
                    of.Count.ShouldBeInRange(2, 3, because);
                    of.Select(j => (j.SiteCode, j.ServiceType)).Distinct().Count().ShouldBe(1, because);
                    billed.Count.ShouldBe(1, because);
                    billed[0].LineTotal.ShouldBe(of.Sum(j => j.Amount), because);
                    billed[0].Quantity.ShouldBe(of.Sum(j => j.Quantity), because);
                    break;
                case AnomalyCategory.SiteMismatch:
                    billed.Count.ShouldBe(1, because);
                    billed[0].SiteCode.ShouldNotBe(job!.SiteCode, because);
                    month.Jobs.ShouldContain(j => j.SiteCode == billed[0].SiteCode, because);
                    group.Variance.ShouldBe(0m, because);
                    break;
                case AnomalyCategory.ServiceMismatch:
                    billed.Count.ShouldBe(1, because);
                    billed[0].ServiceType.ShouldNotBe(job!.ServiceType, because);
                    group.Variance.ShouldBe(0m, because);
                    break;
                case AnomalyCategory.CreditReversal:
                    billed.Count.ShouldBe(3, because);
                    billed.Count(line => line.LineTotal < 0).ShouldBe(1, because);
                    billed.Single(line => line.LineTotal < 0).LineTotal.ShouldBe(-billed.First(line => line.LineTotal > 0).LineTotal, because);
                    billed.Sum(line => line.LineTotal).ShouldBe(job!.Amount, because);
                    break;
                case AnomalyCategory.CancelledButBilled:
                    job!.IsCompleted.ShouldBeFalse(because);
                    billed.Count.ShouldBe(1, because);
                    group.Variance.ShouldBe(job.Amount, because);
                    break;
                default:
                    throw new ShouldAssertException($"unknown category {group.Category}");
            }
        }
    }

    private static bool SameValues(LedgerLine line, ClientJob job) =>
        line.JobRef == job.JobId && line.SiteCode == job.SiteCode && line.ServiceType == job.ServiceType && line.ServiceDate == job.ServiceDate
        && line.Quantity == job.Quantity && line.UnitPrice == job.UnitRate && line.LineTotal == job.Amount;
}
