using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_detecting_rate_anomalies
{
    [Fact]
    public void a_rate_far_from_the_usual_one_is_an_outlier()
    {
        var jobs = Enumerable.Range(1, 10).Select(i => Job($"JOB-1000{i:00}", date: $"2026-10-{i:00}", quantity: 1)).ToList();
        var lines = jobs.Select((job, i) => Line($"INV-1/{i + 1}", job.JobId, date: job.ServiceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quantity: 1, price: i == 3 ? 130m : 100m)).ToList();
        MonthlyRate[] history = [new("2026-08", "S-001", "Window Cleaning", 100m, 12), new("2026-09", "S-001", "Window Cleaning", 100m, 9)];

        var result = Reconcile(jobs, lines, history: history);

        var outlier = result.RateAnomalies.ShouldHaveSingleItem();
        outlier.ShouldSatisfyAllConditions(
            a => a.Kind.ShouldBe("rate_outlier"),
            a => a.LedgerLineIds.ShouldBe(["INV-1/4"]),
            a => a.ClientJobIds.ShouldBe(["JOB-100004"]),
            a => a.UnitRate.ShouldBe(130m),
            a => a.Median.ShouldBe(100m),
            a => a.Score.ShouldBeGreaterThan(RuleConfiguration.Default.RateOutlierZ));
    }

    [Fact]
    public void medians_rising_every_month_for_three_months_or_more_are_a_trend()
    {
        MonthlyRate[] history = [new("2026-07", "S-001", "Window Cleaning", 100m, 5), new("2026-08", "S-001", "Window Cleaning", 104m, 5), new("2026-09", "S-001", "Window Cleaning", 108m, 5)];

        var result = Reconcile(
            [Job("JOB-100001", quantity: 1, rate: 112), Job("JOB-100002", quantity: 1, rate: 112, date: "2026-10-06")],
            [Line("INV-1/1", "JOB-100001", quantity: 1, price: 112), Line("INV-1/2", "JOB-100002", quantity: 1, price: 112, date: "2026-10-06")],
            history: history);

        var trend = result.RateAnomalies.ShouldHaveSingleItem();
        trend.ShouldSatisfyAllConditions(
            a => a.Kind.ShouldBe("rate_trend"),
            a => a.UnitRate.ShouldBe(112m),
            a => a.Median.ShouldBe(100m),
            a => a.Score.ShouldBe(12.0),
            a => a.Reason.ShouldContain("rose every month for 4 months"));
    }

    [Fact]
    public void a_flat_history_is_no_trend_and_this_months_medians_are_returned()
    {
        MonthlyRate[] history = [new("2026-08", "S-001", "Window Cleaning", 112m, 5), new("2026-09", "S-001", "Window Cleaning", 112m, 5)];

        var result = Reconcile(
            [Job("JOB-100001", quantity: 1, rate: 112), Job("JOB-100002", site: "S-002", quantity: 1, rate: 90)],
            [Line("INV-1/1", "JOB-100001", quantity: 1, price: 112), Line("INV-1/2", "JOB-100002", site: "S-002", quantity: 1, price: 90)],
            history: history);

        result.RateAnomalies.ShouldBeEmpty();
        result.RatesThisMonth.ShouldBe([new MonthlyRate("2026-10", "S-001", "Window Cleaning", 112m, 1), new MonthlyRate("2026-10", "S-002", "Window Cleaning", 90m, 1)]);
    }
}
