using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_resolving_a_case
{
    [Theory]
    [InlineData(ResolutionReason.BillingCorrected, "billingCorrected")]
    [InlineData(ResolutionReason.CreditIssued, "creditIssued")]
    [InlineData(ResolutionReason.ClientDispute, "clientDispute")]
    [InlineData(ResolutionReason.TimingDifference, "timingDifference")]
    [InlineData(ResolutionReason.Other, "other")]
    public void the_resolution_is_the_camel_case_reason_code(ResolutionReason reason, string resolution)
    {
        var c = Open(impact: -400m);

        var resolved = c.Decide(new ResolveCase(reason, "see the credit note")).ShouldApplySingle<ExceptionResolved>();

        resolved.ShouldBe(new ExceptionResolved(
            c.Id, Maker, reason, "see the credit note", null, State(CaseStatus.Open), State(CaseStatus.Resolved, resolution: resolution), Now));
        c.Fold([resolved]).State.ShouldBe(State(CaseStatus.Resolved, resolution: resolution));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void resolving_with_reason_other_needs_a_comment(string? comment)
    {
        Open().Decide(new ResolveCase(ResolutionReason.Other, comment)).ShouldBeRefused(RejectionKind.Refused, "comment-required");
    }

    [Fact]
    public void other_reasons_need_no_comment()
    {
        Open().Decide(new ResolveCase(ResolutionReason.CreditIssued, null)).ShouldApplySingle<ExceptionResolved>().Comment.ShouldBeNull();
    }

    [Fact]
    public void a_resolved_case_cannot_be_resolved_twice()
    {
        var resolved = Open().After(new ResolveCase(ResolutionReason.CreditIssued, null));

        resolved.Decide(new ResolveCase(ResolutionReason.CreditIssued, null)).ShouldBeRefused(RejectionKind.Refused, "not-open");
    }

    [Fact]
    public void an_auto_resolved_case_has_to_be_reopened_before_it_is_resolved()
    {
        AutoResolved().Decide(new ResolveCase(ResolutionReason.CreditIssued, null)).ShouldBeRefused(RejectionKind.Refused, "not-open");
    }

    [Fact]
    public void a_reopened_case_can_be_resolved_again()
    {
        var reopened = Open().After(new ResolveCase(ResolutionReason.CreditIssued, null)).After(new ReopenCase(null));

        var resolved = reopened.Decide(new ResolveCase(ResolutionReason.BillingCorrected, null)).ShouldApplySingle<ExceptionResolved>();

        resolved.After.ShouldBe(State(CaseStatus.Resolved, resolution: "billingCorrected"));
    }
}
