using Microsoft.Extensions.DependencyInjection;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Wolverine.Configuration;
using Wolverine.Runtime;

namespace Recon.Api.Tests.Runs;

public class when_a_run_is_queued(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public void the_run_message_goes_to_a_durable_local_queue_that_outlives_a_restart()
    {
        var runtime = Host.Services.GetRequiredService<IWolverineRuntime>();
        var routing = runtime.ExplainRoutingFor(typeof(ExecuteRun)).ToText();
        routing.ShouldContain("ROUTE: local://recon.api.runs.executerun/");

        var queue = runtime.Endpoints.EndpointFor(new Uri("local://recon.api.runs.executerun/")).ShouldNotBeNull();
        queue.Mode.ShouldBe(EndpointMode.Durable);
    }
}
