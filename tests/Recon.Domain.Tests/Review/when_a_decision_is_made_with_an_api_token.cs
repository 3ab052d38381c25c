using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

/// <summary>An API token acts for the user who issued it: maker-checker holds that user accountable for its decisions.</summary>
public class when_a_decision_is_made_with_an_api_token
{
    private const string Issuer = "ivy";
    private static readonly Guid DecisionId = new("77777777-7777-4777-8777-777777777777");
    private static readonly Guid TokenId = new("88888888-8888-4888-8888-888888888888");
    private static readonly DecisionMaker IvysToken = DecisionMaker.Token("token:nightly-import", Issuer, TokenId);

    private static ReviewCase WriteOffByToken() =>
        Open(impact: 3m).After(new ResolveCase(ResolutionReason.WriteOff, "not worth chasing"), newId: DecisionId, maker: IvysToken);

    [Fact]
    public void the_submission_names_the_token_and_the_user_it_acts_for()
    {
        var submitted = Open(impact: 3m).Decide(new ResolveCase(ResolutionReason.WriteOff, null), newId: DecisionId, maker: IvysToken)
            .ShouldAwaitApproval(DecisionId);

        submitted.ShouldSatisfyAllConditions(
            e => e.By.ShouldBe("token:nightly-import"),
            e => e.OnBehalfOf.ShouldBe(Issuer),
            e => e.TokenId.ShouldBe(TokenId));
    }

    [Fact]
    public void a_users_own_submission_names_no_one_else()
    {
        var submitted = Open(impact: 3m).Decide(new ResolveCase(ResolutionReason.WriteOff, null), newId: DecisionId).ShouldAwaitApproval(DecisionId);

        submitted.OnBehalfOf.ShouldBeNull();
        submitted.TokenId.ShouldBeNull();
    }

    [Theory]
    [InlineData("ivy")]
    [InlineData("IVY")]
    public void the_user_who_issued_the_token_cannot_approve_its_decision(string approver)
    {
        var refusal = WriteOffByToken().Decide(new ApproveDecision(DecisionId, null), by: approver).ShouldBeRefused(RejectionKind.Forbidden, "self-approval");

        refusal.Detail.ShouldContain("token:nightly-import");
    }

    [Fact]
    public void the_user_who_issued_the_token_cannot_reject_its_decision()
    {
        WriteOffByToken().Decide(new RejectDecision(DecisionId, "changed my mind"), by: Issuer).ShouldBeRefused(RejectionKind.Forbidden, "self-approval");
    }

    [Fact]
    public void another_token_of_the_same_user_cannot_approve_it_either()
    {
        var ivysOtherToken = DecisionMaker.Token("token:approvals-bot", Issuer, Guid.NewGuid());

        WriteOffByToken().Decide(new ApproveDecision(DecisionId, null), maker: ivysOtherToken).ShouldBeRefused(RejectionKind.Forbidden, "self-approval");
    }

    [Fact]
    public void another_approver_approves_it_and_the_token_stays_the_maker_on_record()
    {
        var events = WriteOffByToken().Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeApplied();

        events[0].ShouldBeOfType<DecisionApproved>().MadeBy.ShouldBe("token:nightly-import");
        var resolved = events[1].ShouldBeOfType<ExceptionResolved>();
        resolved.By.ShouldBe("token:nightly-import");
        resolved.ApprovedBy.ShouldBe(Approver);
    }

    [Fact]
    public void a_token_submission_recorded_before_tokens_named_their_issuer_cannot_be_approved()
    {
        var legacy = Open(impact: 3m).Fold([new DecisionSubmittedForApproval(
            Open().Id, DecisionId, DecisionKind.Resolve, "token:nightly-import", ResolutionReason.WriteOff, null, null, null, 3m,
            "Every write-off needs an approver.", State(CaseStatus.Open), State(CaseStatus.PendingApproval), Now)]);

        legacy.Pending!.Maker.ShouldBeNull();
        legacy.Decide(new ApproveDecision(DecisionId, null), by: Approver).ShouldBeRefused(RejectionKind.Refused, "unknown-maker");
        legacy.Decide(new RejectDecision(DecisionId, "decide it again"), by: Approver).ShouldApplySingle<DecisionRejected>().MadeBy.ShouldBe("token:nightly-import");
    }

    [Fact]
    public void a_users_submission_recorded_before_tokens_named_their_issuer_is_still_theirs()
    {
        var pending = Open(impact: 5000m).After(new AcceptSuggestion(null), newId: DecisionId);

        pending.Pending!.Maker.ShouldBe(Maker);
    }
}
