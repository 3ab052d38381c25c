using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_records_compete_for_a_match
{
    [Fact]
    public void identical_jobs_and_lines_pair_one_to_one()
    {
        var result = Reconcile([Job("JOB-100001"), Job("JOB-100002")], [Line("INV-1/1", null), Line("INV-1/2", null)]);

        result.Groups.Count.ShouldBe(2);
        result.Groups.ShouldAllBe(group => group.ClientJobIds.Count == 1 && group.LedgerLineIds.Count == 1 && group.Category == Category.Exact);
    }

    [Fact]
    public void the_assignment_prefers_the_better_pair_over_the_first_one_seen()
    {
        // The line on the 6th fits JOB-100002 exactly; JOB-100001 (the 5th) must not take it just because it comes first.
        var result = Reconcile(
            [Job("JOB-100001", date: "2026-10-05"), Job("JOB-100002", date: "2026-10-06")],
            [Line("INV-1/1", null, date: "2026-10-06")]);

        result.GroupOf("INV-1/1").ClientJobIds.ShouldBe(["JOB-100002"]);
    }

    [Fact]
    public void an_extra_identical_line_for_a_billed_job_is_duplicate_billing()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001"), Line("INV-2/1", null)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.ShouldBe(["INV-1/1", "INV-2/1"]),
            g => g.Category.ShouldBe(Category.DuplicateBilling),
            g => g.Difference.ShouldBe(200m),
            g => g.Impact.ShouldBe(200m));
    }

    [Fact]
    public void two_referencing_identical_lines_are_duplicate_billing()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", "JOB-100001"), Line("INV-2/1", "JOB-100001")]);

        result.GroupOf("JOB-100001").Category.ShouldBe(Category.DuplicateBilling);
    }

    [Fact]
    public void every_record_is_in_exactly_one_group()
    {
        var jobs = Enumerable.Range(1, 30).Select(i => Job($"JOB-{100000 + i}", date: $"2026-10-{1 + (i % 28):00}", quantity: 1 + (i % 3))).ToList();
        var lines = jobs.Select((job, i) => Line($"INV-1/{i + 1}", i % 4 == 0 ? null : job.JobId, date: job.ServiceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quantity: job.Quantity))
            .Append(Line("INV-2/1", null, quantity: 1))
            .ToList();

        var result = Reconcile(jobs, lines);

        result.Groups.SelectMany(group => group.ClientJobIds).ShouldBe(jobs.Select(job => job.JobId), ignoreOrder: true);
        result.Groups.SelectMany(group => group.LedgerLineIds).ShouldBe(lines.Select(line => line.LineId), ignoreOrder: true);
    }
}
