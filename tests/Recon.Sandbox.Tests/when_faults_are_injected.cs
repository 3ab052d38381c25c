using Alba;
using Microsoft.Extensions.Configuration;

namespace Recon.Sandbox.Tests;

public class when_faults_are_injected
{
    [Fact]
    public async Task the_plan_answers_429_with_retry_after_then_succeeds()
    {
        await using var host = await Sandbox.StartAsync(("Sandbox:Faults:Plan", "2:429,3:503,3:503"));
        var first = await (await host.GetAsync(Sandbox.Jobs(limit: 50))).JsonAsync();
        var page2 = first.GetProperty("nextCursor").GetString()!;

        var limited = await host.GetAsync(Sandbox.Jobs(page2, 50), 429);

        limited.Context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        limited.Context.Response.ContentType.ShouldBe("application/problem+json");
        var second = await (await host.GetAsync(Sandbox.Jobs(page2, 50))).JsonAsync();
        second.GetProperty("data")[0].GetProperty("jobId").GetString().ShouldBe("JOB-100051");
    }

    [Fact]
    public async Task the_plan_answers_503_twice_then_succeeds()
    {
        await using var host = await Sandbox.StartAsync(("Sandbox:Faults:Plan", "2:429,3:503,3:503"));
        var page2 = (await (await host.GetAsync(Sandbox.Jobs(limit: 50))).JsonAsync()).GetProperty("nextCursor").GetString()!;
        await host.GetAsync(Sandbox.Jobs(page2, 50), 429);
        var page3 = (await (await host.GetAsync(Sandbox.Jobs(page2, 50))).JsonAsync()).GetProperty("nextCursor").GetString()!;

        (await host.GetAsync(Sandbox.Jobs(page3, 50), 503)).Context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        await host.GetAsync(Sandbox.Jobs(page3, 50), 503);
        var third = await (await host.GetAsync(Sandbox.Jobs(page3, 50))).JsonAsync();

        third.GetProperty("data")[0].GetProperty("jobId").GetString().ShouldBe("JOB-100101");
        await host.GetAsync(Sandbox.Jobs(page3, 50)); // the plan is used up
    }

    [Fact]
    public async Task a_plan_for_the_first_page_hits_the_request_without_a_cursor()
    {
        await using var host = await Sandbox.StartAsync(("Sandbox:Faults:Plan", "1:500"));

        await host.GetAsync(Sandbox.Jobs(), 500);
        await host.GetAsync(Sandbox.Jobs());
    }

    [Fact]
    public async Task faults_never_hit_the_health_check_nor_precede_the_key_check()
    {
        await using var host = await Sandbox.StartAsync(("Sandbox:Faults:Rate503", "1"));

        await host.GetAsync("/health", key: null);
        await host.GetAsync(Sandbox.Jobs(), 401, key: null);
        await host.GetAsync(Sandbox.Jobs(), 503);
    }

    [Fact]
    public async Task random_faults_follow_their_rates_and_the_seed()
    {
        static async Task<List<int>> Statuses(IAlbaHost host)
        {
            var statuses = new List<int>();
            for (var i = 0; i < 60; i++)
            {
                var result = await host.Scenario(scenario =>
                {
                    scenario.Get.Url(Sandbox.Jobs(limit: 1));
                    scenario.WithRequestHeader("X-Api-Key", Sandbox.Key);
                    scenario.IgnoreStatusCode();
                });
                statuses.Add(result.Context.Response.StatusCode);
            }

            return statuses;
        }

        (string, string)[] settings = [("Sandbox:Faults:Rate429", "0.25"), ("Sandbox:Faults:Rate500", "0.25")];
        await using var host = await Sandbox.StartAsync(settings);
        await using var twin = await Sandbox.StartAsync(settings);

        var statuses = await Statuses(host);

        statuses.ShouldContain(200);
        statuses.ShouldContain(429);
        statuses.ShouldContain(500);
        statuses.ShouldNotContain(503);
        (await Statuses(twin)).ShouldBe(statuses);
    }

    [Fact]
    public async Task slow_responses_are_delayed()
    {
        await using var host = await Sandbox.StartAsync(("Sandbox:Faults:SlowMs", "200"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await host.GetAsync(Sandbox.Jobs(limit: 1));

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
    }

    [Theory]
    [InlineData("Sandbox:Faults:Plan", "2:418")]
    [InlineData("Sandbox:Faults:Plan", "page2:429")]
    [InlineData("Sandbox:Faults:Plan", "0:503")]
    [InlineData("Sandbox:Faults:Rate429", "1.5")]
    [InlineData("Sandbox:Faults:SlowMs", "-1")]
    [InlineData("Sandbox:Noise", "extreme")]
    [InlineData("Sandbox:ApiKey", "")]
    [InlineData("Sandbox:JobCount", "-3")]
    public void nonsense_settings_are_refused_naming_the_setting(string key, string value)
    {
        var settings = new SandboxSettings { ApiKey = "k" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        configuration.GetSection(SandboxSettings.Section).Bind(settings);

        var result = new SandboxSettingsValidator().Validate(null, settings);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(key.Split(':')[^1]);
    }

    [Fact]
    public async Task the_sandbox_does_not_start_on_nonsense_settings()
    {
        await Should.ThrowAsync<Exception>(async () => await Sandbox.StartAsync(("Sandbox:Faults:Plan", "2:418")));
    }
}
