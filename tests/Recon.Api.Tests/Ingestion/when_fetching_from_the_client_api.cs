using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Recon.Api.Ingestion;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Ingestion;

namespace Recon.Api.Tests.Ingestion;

/// <summary>An API host pointed at a sandbox port, with fast retries; each test starts the sandbox it needs there.</summary>
public sealed class ClientApiHostFixture : IAsyncLifetime
{
    public int SandboxPort { get; } = SandboxProcess.FreePort();

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHosts.StartAsync("api_fetch_tests", new Dictionary<string, string>
        {
            ["Recon:ClientApi:BaseUrl"] = $"http://127.0.0.1:{SandboxPort}",
            ["Recon:ClientApi:ApiKey"] = SandboxProcess.ApiKey,
            ["Recon:ClientApi:PageSize"] = "50",
            ["Recon:ClientApi:MaxRetries"] = "3",
            ["Recon:ClientApi:RetryBaseDelaySeconds"] = "0.05",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[Collection(IntegrationCollection.Name)]
public class when_fetching_from_the_client_api(ClientApiHostFixture fixture) : IClassFixture<ClientApiHostFixture>, IAsyncLifetime
{
    private const string Client = "northwind-facilities";
    private const int Jobs = 180;

    private IAlbaHost Host => fixture.Host;

    public async Task InitializeAsync() => await Host.ResetReconDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task throttling_and_transient_errors_are_retried_and_every_job_arrives_once()
    {
        await using var sandbox = await SandboxProcess.StartAsync(fixture.SandboxPort, Client, Jobs, "2:429,3:503,3:503");
        var periodId = await Host.GivenOpenPeriod(Client, "2026-10");

        var result = await Host.Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/client-jobs/fetch");
            x.StatusCodeShouldBe(201);
        });

        var body = await result.ReadAsJsonAsync<IngestionResult>();
        body.RowsRead.ShouldBe(Jobs);
        (await IngestedJobIds(body.BatchId)).ShouldBe(await sandbox.AllJobIdsAsync("2026-10"), ignoreOrder: true);
        (await result.ReadAsTextAsync()).ShouldNotContain("@");
    }

    [Fact]
    public async Task fetching_the_same_month_again_adds_nothing()
    {
        await using var sandbox = await SandboxProcess.StartAsync(fixture.SandboxPort, Client, Jobs);
        var periodId = await Host.GivenOpenPeriod(Client, "2026-10");
        var first = await (await Host.Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/client-jobs/fetch");
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<IngestionResult>();

        var second = await (await Host.Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/client-jobs/fetch");
            x.StatusCodeShouldBe(200);
        })).ReadAsJsonAsync<IngestionResult>();

        second.Duplicate.ShouldBeTrue();
        second.BatchId.ShouldBe(first.BatchId);
    }

    [Fact]
    public async Task a_fetch_failing_halfway_is_recorded_and_a_retry_ends_with_exactly_the_apis_jobs()
    {
        var periodId = await Host.GivenOpenPeriod(Client, "2026-10");
        await using (await SandboxProcess.StartAsync(fixture.SandboxPort, Client, Jobs, "3:503,3:503,3:503,3:503,3:503"))
        {
            var failed = await Host.Scenario(x =>
            {
                x.Post.Url($"/api/periods/{periodId}/client-jobs/fetch");
                x.StatusCodeShouldBe(502);
            });
            (await failed.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldStartWith("Page 3 of the client API answered 503");
        }

        var batches = await (await Host.Scenario(x => x.Get.Url($"/api/periods/{periodId}/batches"))).ReadAsJsonAsync<BatchList>();
        batches.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            b => b.Status.ShouldBe(BatchStatus.Failed),
            b => b.Source.ShouldBe(BatchSource.ClientApi),
            b => b.FailureReason!.ShouldContain("503"));
        await using var store = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await store.Events.QueryRawEventDataOnly<ClientJobsNormalized>().CountAsync()).ShouldBe(0);

        await using var sandbox = await SandboxProcess.StartAsync(fixture.SandboxPort, Client, Jobs);
        var retried = await (await Host.Scenario(x =>
        {
            x.Post.Url($"/api/periods/{periodId}/client-jobs/fetch");
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<IngestionResult>();

        retried.RecordsNew.ShouldBe(Jobs);
        (await IngestedJobIds(retried.BatchId)).ShouldBe(await sandbox.AllJobIdsAsync("2026-10"), ignoreOrder: true);
    }

    private async Task<IReadOnlyList<string>> IngestedJobIds(Guid batchId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(batchId)).Select(e => e.Data).OfType<ClientJobsNormalized>()
            .SelectMany(chunk => chunk.Jobs).Select(job => job.Record.JobId).ToList();
    }
}
