using Alba;
using Recon.Api.Auth;
using Recon.Api.Review;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Review;

namespace Recon.Api.Tests.Review;

/// <summary>Maker-checker by person: a decision made with an API token is the decision of the user who issued the token.</summary>
public class when_a_token_decides_for_the_user_who_issued_it(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(ReviewItemView Item, TestUser Ada, IssuedToken Token)> GivenAnAdminsTokenSubmittedAWriteOff()
    {
        var (periodId, _) = await Host.GivenReconciledMonth();
        var item = (await Host.AllQueuePages($"periodId={periodId}&limit=200")).First(i => i.Impact <= 1000m);
        var ada = await Host.GivenUser("ada", "admin");
        var token = await (await Scenario(x =>
        {
            x.Post.Json(new { name = "ada-script", access = "readWrite" }).ToUrl("/api/admin/tokens");
            x.As(ada);
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<IssuedToken>();
        var submitted = await (await Scenario(x =>
        {
            x.Post.Json(new ResolveRequest(item.Version, "writeOff", "Not worth chasing")).ToUrl($"/api/exceptions/{item.ExceptionId}/resolve");
            x.WithToken(token.Secret);
        })).ReadAsJsonAsync<DecisionResult>();
        submitted.Outcome.ShouldBe("pendingApproval");
        return (submitted.Exception, ada, token);
    }

    private Task<IScenarioResult> GrantsItselfApprover(TestUser admin) => Scenario(x =>
    {
        x.Put.Json(new ChangeUserRoles(["admin", "approver"])).ToUrl($"/api/admin/users/{admin.UserName}/roles");
        x.As(admin);
    });

    [Fact]
    public async Task an_admin_who_grants_itself_approver_cannot_approve_what_its_token_submitted()
    {
        var (item, ada, _) = await GivenAnAdminsTokenSubmittedAWriteOff();
        var decisionId = item.PendingDecision!.DecisionId;
        await GrantsItselfApprover(ada);

        var refused = await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest(null)).ToUrl($"/api/exceptions/{item.ExceptionId}/approvals/{decisionId}/approve");
            x.As(ada);
            x.StatusCodeShouldBe(403);
        });

        var problem = await refused.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe("self-approval");
        problem.GetProperty("detail").GetString()!.ShouldContain("token:ada-script");
        (await Host.GetAsJson<ExceptionDetail>($"/api/exceptions/{item.ExceptionId}"))!.Exception.Status.ShouldBe("pendingApproval");
    }

    [Fact]
    public async Task the_issuer_cannot_reject_it_either()
    {
        var (item, ada, _) = await GivenAnAdminsTokenSubmittedAWriteOff();
        await GrantsItselfApprover(ada);

        await Scenario(x =>
        {
            x.Post.Json(new RejectRequest("never mind")).ToUrl($"/api/exceptions/{item.ExceptionId}/approvals/{item.PendingDecision!.DecisionId}/reject");
            x.As(ada);
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task another_approver_approves_it_and_the_events_name_the_token_and_its_issuer()
    {
        var (item, _, token) = await GivenAnAdminsTokenSubmittedAWriteOff();
        var approver = await Host.GivenUser("fatima", "approver");

        var approved = await (await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest("Confirmed")).ToUrl($"/api/exceptions/{item.ExceptionId}/approvals/{item.PendingDecision!.DecisionId}/approve");
            x.As(approver);
        })).ReadAsJsonAsync<DecisionResult>();

        approved.Exception.Status.ShouldBe("resolved");
        await using var session = Store.QuerySession();
        var submittedEvent = (await session.Events.FetchStreamAsync(item.ExceptionId)).Single(e => e.Data is DecisionSubmittedForApproval);
        var submitted = (DecisionSubmittedForApproval)submittedEvent.Data;
        submitted.ShouldSatisfyAllConditions(
            e => e.By.ShouldBe("token:ada-script"),
            e => e.OnBehalfOf.ShouldBe("ada"),
            e => e.TokenId.ShouldBe(token.Token.TokenId));
        submittedEvent.UserName.ShouldBe("token:ada-script");
        submittedEvent.Headers!["onBehalfOf"].ToString().ShouldBe("ada");
        submittedEvent.Headers["tokenId"].ToString().ShouldBe(token.Token.TokenId.ToString());
    }
}
