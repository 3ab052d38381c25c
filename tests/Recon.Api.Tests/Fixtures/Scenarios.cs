using Alba;
using Recon.Api.Periods;

namespace Recon.Api.Tests.Fixtures;

/// <summary>Given-state builders: the shortest way to put the system in a state, through its public API.</summary>
public static class Scenarios
{
    public static async Task<Guid> GivenOpenPeriod(this IAlbaHost host, string clientId = "acme", string month = "2026-10")
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new OpenPeriod(clientId, month)).ToUrl("/api/periods");
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<PeriodOpenedResponse>()).PeriodId;
    }
}
