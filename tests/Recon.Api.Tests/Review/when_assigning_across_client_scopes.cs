using Recon.Api.Auth;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Review;

public class when_assigning_across_client_scopes(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_exception_cannot_be_assigned_to_someone_who_may_not_see_its_client()
    {
        var (periodId, _) = await Host.GivenReconciledMonth(clientId: "northwind", jobs: 60);
        var item = await Host.FirstInQueue(periodId);
        await Host.GivenUser("globex-reviewer", Roles.Reviewer);
        await Scenario(x => x.Put.Json(new { allClients = false, clientIds = new[] { "globex" } }).ToUrl("/api/admin/users/globex-reviewer/clients"));

        var refused = await Scenario(x =>
        {
            x.Post.Json(new { expectedVersion = item.Version, assignee = "globex-reviewer" }).ToUrl($"/api/exceptions/{item.ExceptionId}/assign");
            x.StatusCodeShouldBe(422);
        });

        (await refused.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("assignee: globex-reviewer may not see client 'northwind' and cannot be assigned its exceptions.");
        await Scenario(x => x.Put.Json(new { allClients = false, clientIds = new[] { "globex", "northwind" } }).ToUrl("/api/admin/users/globex-reviewer/clients"));
        (await Host.Decide(item.ExceptionId, "assign", new { expectedVersion = item.Version, assignee = "globex-reviewer" })).Exception.Assignee.ShouldBe("globex-reviewer");
    }
}
