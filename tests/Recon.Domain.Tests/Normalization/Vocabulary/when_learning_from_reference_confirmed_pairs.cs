using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;
using Recon.Domain.Normalization.Vocabulary;
using Recon.Domain.Tests.Reconciliation.Fixtures;

namespace Recon.Domain.Tests.Normalization.Vocabulary;

public class when_learning_from_reference_confirmed_pairs
{
    private static readonly SiteRegistry Sites = new([new Site("S-001", "Riverside Office Park", []), new Site("S-002", "North Distribution Center", [])]);
    private static readonly HashSet<(string, string)> NothingRevoked = [];

    private static ServiceVocabulary Vocabulary(IEnumerable<ClientJobRecord> jobs) => new(jobs.Select(job => job.ServiceType).Distinct(), []);

    /// <summary>Jobs JOB-1…JOB-n of <paramref name="service"/>, each billed once by reference with <paramref name="description"/>.</summary>
    private static (List<ClientJobRecord> Jobs, List<LedgerLineRecord> Lines) Billed(int n, string service, string description, int first = 1, string customerSite = "Riverside Office Park")
    {
        var jobs = Enumerable.Range(first, n).Select(i => Records.Job($"JOB-{i}", service: service, amount: 100m + i)).ToList();
        var lines = jobs.Select((job, i) => Records.Line($"INV-1/{first + i}", job.JobId, service: description, total: job.Amount.Amount, customerSite: customerSite) with { CanonicalService = null }).ToList();
        return (jobs, lines);
    }

    [Fact]
    public void a_description_billed_on_confirmed_pairs_is_learned_with_its_support()
    {
        var (jobs, lines) = Billed(5, "Glint Facade Rinse", "Pellow Sweep");

        var (services, _) = VocabularyLearner.Learn(jobs, lines, Vocabulary(jobs), Sites, NothingRevoked);

        services.ShouldBe([new LearnedMapping("Pellow Sweep", "pellow sweep", "Glint Facade Rinse", 5, 0)]);
    }

    [Fact]
    public void a_few_mis_billed_lines_do_not_teach_a_wrong_mapping()
    {
        var (jobsA, linesA) = Billed(20, "Glint Facade Rinse", "Pellow Sweep");
        var (jobsB, linesB) = Billed(1, "Morrow Duct Purge", "Pellow Sweep", first: 100);
        var jobs = jobsA.Concat(jobsB).ToList();

        var (services, _) = VocabularyLearner.Learn(jobs, [.. linesA, .. linesB], Vocabulary(jobs), Sites, NothingRevoked);

        services.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Target.ShouldBe("Glint Facade Rinse"),
            m => m.Support.ShouldBe(20),
            m => m.Against.ShouldBe(1));
    }

    [Fact]
    public void mis_billings_scattered_over_related_services_do_not_hide_the_meaning()
    {
        var (jobsA, linesA) = Billed(20, "Glint Facade Rinse", "Frontage Swill");
        var (jobsB, linesB) = Billed(4, "Morrow Duct Purge", "Frontage Swill", first: 100);
        var (jobsC, linesC) = Billed(3, "Velk Turf Shaping", "Frontage Swill", first: 200);
        var jobs = jobsA.Concat(jobsB).Concat(jobsC).ToList();

        var learned = VocabularyLearner.Learn(jobs, [.. linesA, .. linesB, .. linesC], Vocabulary(jobs), Sites, NothingRevoked).Services.ShouldHaveSingleItem();

        (learned.Target, learned.Support, learned.Against).ShouldBe(("Glint Facade Rinse", 20, 7));
    }

    [Fact]
    public void a_text_whose_pairs_disagree_is_not_learned()
    {
        var (jobsA, linesA) = Billed(5, "Glint Facade Rinse", "Pellow Sweep");
        var (jobsB, linesB) = Billed(5, "Morrow Duct Purge", "Pellow Sweep", first: 100);
        var jobs = jobsA.Concat(jobsB).ToList();

        VocabularyLearner.Learn(jobs, [.. linesA, .. linesB], Vocabulary(jobs), Sites, NothingRevoked).Services.ShouldBeEmpty();
    }

    [Fact]
    public void a_single_pair_is_not_enough_for_a_description()
    {
        var (jobs, lines) = Billed(1, "Glint Facade Rinse", "Pellow Sweep");

        VocabularyLearner.Learn(jobs, lines, Vocabulary(jobs), Sites, NothingRevoked).Services.ShouldBeEmpty();
    }

    [Fact]
    public void lines_whose_amount_or_date_differ_from_their_job_teach_nothing()
    {
        var (jobs, lines) = Billed(4, "Glint Facade Rinse", "Pellow Sweep");
        lines = [lines[0] with { LineTotal = new Money(1m, "USD") }, lines[1] with { ServiceDate = lines[1].ServiceDate.AddDays(1) }, lines[2] with { JobRef = null }, lines[3]];

        VocabularyLearner.Learn(jobs, lines, Vocabulary(jobs), Sites, NothingRevoked).Services.ShouldBeEmpty();
    }

    [Fact]
    public void a_mapping_a_user_revoked_is_not_learned_again()
    {
        var (jobs, lines) = Billed(5, "Glint Facade Rinse", "Pellow Sweep");

        VocabularyLearner.Learn(jobs, lines, Vocabulary(jobs), Sites, new HashSet<(string, string)> { ("pellow sweep", "Glint Facade Rinse") }).Services.ShouldBeEmpty();
    }

    [Fact]
    public void an_unknown_site_name_confirmed_by_a_pair_is_learned_for_the_jobs_site()
    {
        var (jobs, lines) = Billed(1, "Glint Facade Rinse", "Glint Facade Rinse", customerSite: "Rvrsd Ofc Prk");

        var (_, sites) = VocabularyLearner.Learn(jobs, lines, Vocabulary(jobs), Sites, NothingRevoked);

        sites.ShouldBe([new LearnedMapping("Rvrsd Ofc Prk", "rvrsd office prk", "S-001", 1, 0)]);
    }

    [Fact]
    public void a_name_of_another_site_is_not_learned_from_a_line_billed_to_the_wrong_site()
    {
        var (jobs, lines) = Billed(2, "Glint Facade Rinse", "Glint Facade Rinse", customerSite: "North Distribution Centre");

        VocabularyLearner.Learn(jobs, lines, Vocabulary(jobs), Sites, NothingRevoked).Sites.ShouldBeEmpty();
    }
}
