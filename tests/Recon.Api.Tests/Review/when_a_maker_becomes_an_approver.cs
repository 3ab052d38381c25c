using Recon.Api.Auth;
using Recon.Api.Review;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Review;

/// <summary>
/// ADR 0008 (segregation of duties): a role change is never refused for pending decisions; the decisions a user made
/// (or caused with a token) stay for another approver, whatever roles the user is given later.
/// </summary>
public class when_a_maker_becomes_an_approver(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_role_change_is_accepted_and_the_makers_pending_decision_waits_for_someone_else()
    {
        var (periodId, _) = await Host.GivenReconciledMonth();
        var item = (await Host.AllQueuePages($"periodId={periodId}&limit=200")).First(i => i.Impact <= 1000m);
        var rita = await Host.GivenUser("rita", "reviewer");
        var fatima = await Host.GivenUser("fatima", "approver");
        var submitted = await (await Scenario(x =>
        {
            x.Post.Json(new ResolveRequest(item.Version, "writeOff", null)).ToUrl($"/api/exceptions/{item.ExceptionId}/resolve");
            x.As(rita);
        })).ReadAsJsonAsync<DecisionResult>();

        await Scenario(x => x.Put.Json(new ChangeUserRoles(["reviewer", "approver"])).ToUrl("/api/admin/users/rita/roles"));
        var approve = $"/api/exceptions/{item.ExceptionId}/approvals/{submitted.DecisionId}/approve";
        var refused = await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest(null)).ToUrl(approve);
            x.As(rita);
            x.StatusCodeShouldBe(403);
        });
        (await refused.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("self-approval");
        var ritasInbox = await (await Scenario(x =>
        {
            x.Get.Url("/api/approvals");
            x.As(rita);
        })).ReadAsJsonAsync<ApprovalsPage>();
        ritasInbox.Items.ShouldContain(p => p.DecisionId == submitted.DecisionId);

        var approved = await (await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest(null)).ToUrl(approve);
            x.As(fatima);
        })).ReadAsJsonAsync<DecisionResult>();
        approved.Exception.Status.ShouldBe("resolved");
    }
}
