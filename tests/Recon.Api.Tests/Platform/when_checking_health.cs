using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Platform;

public class when_checking_health(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task liveness_answers_healthy_without_touching_the_database()
    {
        var result = await Scenario(x => x.Get.Url("/health/live"));

        (await result.ReadAsTextAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task readiness_answers_healthy_when_postgresql_is_reachable()
    {
        var result = await Scenario(x => x.Get.Url("/health/ready"));

        (await result.ReadAsTextAsync()).ShouldBe("Healthy");
    }
}
