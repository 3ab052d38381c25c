using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Ingestion;

public class when_fetching_without_a_client_api(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_fetch_is_refused_with_503_saying_what_to_configure()
    {
        var periodId = await Host.GivenOpenPeriod();

        var result = await Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/client-jobs/fetch");
            x.StatusCodeShouldBe(503);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("Recon:ClientApi:BaseUrl");
    }
}
