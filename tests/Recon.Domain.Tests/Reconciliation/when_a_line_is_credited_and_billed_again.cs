using Recon.Domain.Reconciliation;
using static Recon.Domain.Tests.Reconciliation.Fixtures.Records;

namespace Recon.Domain.Tests.Reconciliation;

public class when_a_line_is_credited_and_billed_again
{
    [Fact]
    public void the_line_its_credit_and_the_rebill_are_one_credit_reversal_without_difference()
    {
        var result = Reconcile(
            [Job("JOB-100001")],
            [Line("INV-1/1", "JOB-100001", price: 110), Line("INV-9/1", "JOB-100001", quantity: -2, price: 110), Line("INV-9/2", "JOB-100001")]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.ShouldBe(["INV-1/1", "INV-9/1", "INV-9/2"]),
            g => g.Category.ShouldBe(Category.CreditReversal),
            g => g.LedgerAmount.ShouldBe(200m),
            g => g.Difference.ShouldBe(0m),
            g => g.Impact.ShouldBe(0m));
    }

    [Fact]
    public void a_credit_without_reference_joins_the_line_it_reverses()
    {
        var result = Reconcile(
            [Job("JOB-100001")],
            [Line("INV-1/1", "JOB-100001"), Line("INV-9/1", null, quantity: -2), Line("INV-9/2", "JOB-100001")]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.Count.ShouldBe(3),
            g => g.Category.ShouldBe(Category.CreditReversal));
    }

    [Fact]
    public void a_rebill_without_reference_completes_the_reversed_job()
    {
        var result = Reconcile(
            [Job("JOB-100001")],
            [Line("INV-1/1", "JOB-100001", price: 120), Line("INV-9/1", "JOB-100001", quantity: -2, price: 120), Line("INV-9/2", null)]);

        result.GroupOf("JOB-100001").ShouldSatisfyAllConditions(
            g => g.LedgerLineIds.Count.ShouldBe(3),
            g => g.Category.ShouldBe(Category.CreditReversal),
            g => g.Difference.ShouldBe(0m));
    }
}
