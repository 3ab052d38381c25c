using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_configuring_exact_keys
{
    [Fact]
    public void without_keys_an_unreferenced_line_is_matched_fuzzily()
    {
        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", null)]);

        result.GroupOf("INV-1/1").Match!.Method.ShouldBe(MatchMethod.Fuzzy);
    }

    [Fact]
    public void the_site_service_date_amount_key_pairs_a_unique_value_exactly()
    {
        var rules = RuleConfiguration.Default with { ExactKeys = ["site_service_date_amount"] };

        var result = Reconcile([Job("JOB-100001")], [Line("INV-1/1", null)], rules);

        result.GroupOf("INV-1/1").ShouldSatisfyAllConditions(
            g => g.ClientJobIds.ShouldBe(["JOB-100001"]),
            g => g.Match!.Method.ShouldBe(MatchMethod.Exact),
            g => g.Match!.Explanation.Summary.ShouldContain("site_service_date_amount"));
    }

    [Fact]
    public void a_key_value_two_jobs_share_pairs_nothing()
    {
        var rules = RuleConfiguration.Default with { ExactKeys = ["site_service_date_amount"], MatchThreshold = 1.01 };

        var result = Reconcile([Job("JOB-100001"), Job("JOB-100002")], [Line("INV-1/1", null)], rules);

        result.GroupOf("INV-1/1").ClientJobIds.ShouldBeEmpty();
    }

    [Fact]
    public void an_unknown_key_is_refused()
    {
        var rules = RuleConfiguration.Default with { ExactKeys = ["colour"] };

        Should.Throw<ArgumentException>(() => Reconcile([Job("JOB-100001")], [Line("INV-1/1", null)], rules))
            .Message.ShouldContain("po_number");
    }
}
