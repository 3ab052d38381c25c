using Recon.Domain.Normalization;
using Recon.Domain.Normalization.Vocabulary;
using Recon.Domain.Reconciliation;
using Recon.Domain.Tests.Reconciliation.Fixtures;

namespace Recon.Domain.Tests.Normalization.Vocabulary;

public class when_a_run_reads_records_through_the_vocabulary
{
    private static readonly SiteRegistry Sites = new([new Site("S-001", "Riverside Office Park", [])]);

    [Fact]
    public void what_the_periods_confirmed_pairs_teach_is_applied_in_the_same_run_and_explained()
    {
        var jobs = Enumerable.Range(1, 3).Select(i => Records.Job($"JOB-{i}", service: "Glint Facade Rinse", amount: 100m + i)).ToList();
        var lines = jobs.Select((job, i) => Records.Line($"INV-1/{i + 1}", job.JobId, service: "Pellow Sweep", total: job.Amount.Amount) with { CanonicalService = null }).ToList();
        var blank = Records.Line("INV-2/1", null, service: "Pellow Sweep", total: 200m) with { CanonicalService = null };
        jobs.Add(Records.Job("JOB-9", service: "Glint Facade Rinse", amount: 200m, date: "2026-10-05"));

        var prepared = RunVocabulary.Prepare(jobs, [.. lines, blank], Sites, StoredVocabulary.Empty());

        prepared.LearnedServices.ShouldHaveSingleItem().Support.ShouldBe(3);
        prepared.Lines.ShouldAllBe(line => line.CanonicalService == "Glint Facade Rinse");
        prepared.Uses["INV-2/1"].ShouldBe([new VocabularyUse("service", "Pellow Sweep", "Glint Facade Rinse", "learned", 3, 100)]);
        var result = Reconciler.Reconcile(Records.Input(prepared.Jobs, prepared.Lines) with { Vocabulary = prepared.Uses });
        var group = result.GroupOf("INV-2/1");
        group.Category.ShouldBe(Category.Exact);
        group.Match!.Explanation.Summary.ShouldContain("service 'Pellow Sweep' means Glint Facade Rinse (learned by recon-run from 3 reference-confirmed pair(s))");
        group.Match.Explanation.Vocabulary.ShouldNotBeNull().ShouldHaveSingleItem().Origin.ShouldBe("learned");
    }

    [Fact]
    public void a_description_that_means_nothing_known_is_a_data_quality_finding_not_a_mismatch()
    {
        var jobs = new[] { Records.Job("JOB-1", service: "Glint Facade Rinse"), Records.Job("JOB-2", service: "Glint Facade Rinse", rate: 150m) };
        var lines = new[]
        {
            Records.Line("INV-1/1", "JOB-1", service: "Zorbel Quench") with { CanonicalService = null },
            Records.Line("INV-1/2", "JOB-2", service: "Zorbel Quench", price: 160m) with { CanonicalService = null },
        };

        var prepared = RunVocabulary.Prepare(jobs, lines, Sites, StoredVocabulary.Empty());
        var result = Reconciler.Reconcile(Records.Input(prepared.Jobs, prepared.Lines));

        var finding = prepared.DataQuality.Descriptions.ShouldHaveSingleItem();
        (finding.Text, finding.Lines, finding.Amount).ShouldBe(("Zorbel Quench", 2, 520m));
        finding.ExampleLineIds.ShouldBe(["INV-1/1", "INV-1/2"]);
        result.GroupOf("JOB-1").Category.ShouldBe(Category.Exact);
        result.GroupOf("JOB-2").Category.ShouldBe(Category.RateChange);
        result.Groups.ShouldNotContain(group => group.Category == Category.ServiceMismatch);
    }

    [Fact]
    public void a_description_that_means_another_of_the_clients_services_is_a_service_mismatch()
    {
        var jobs = new[] { Records.Job("JOB-1", service: "Glint Facade Rinse"), Records.Job("JOB-2", service: "Morrow Duct Purge", amount: 50m) };
        var lines = new[] { Records.Line("INV-1/1", "JOB-1", service: "MORROW DUCT PURGE") with { CanonicalService = null } };

        var prepared = RunVocabulary.Prepare(jobs, lines, Sites, StoredVocabulary.Empty());

        Reconciler.Reconcile(Records.Input(prepared.Jobs, prepared.Lines)).GroupOf("JOB-1").Category.ShouldBe(Category.ServiceMismatch);
    }

    [Fact]
    public void job_references_are_read_again_with_todays_rules()
    {
        var jobs = new[] { Records.Job("WO-2610-00421", service: "Glint Facade Rinse") };
        var lines = new[] { Records.Line("INV-1/1", "#wo 2610 00421", service: "Glint Facade Rinse") with { CanonicalJobRef = null } };

        var prepared = RunVocabulary.Prepare(jobs, lines, Sites, StoredVocabulary.Empty());

        prepared.Lines[0].CanonicalJobRef.ShouldBe("WO261000421");
        Reconciler.Reconcile(Records.Input(prepared.Jobs, prepared.Lines)).GroupOf("WO-2610-00421").Match!.Method.ShouldBe(MatchMethod.Exact);
    }
}
