using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Recon.Api.Tests.Fixtures;

/// <summary>
/// One real host per test run, on the real PostgreSQL started by <c>./ops/recon test</c>
/// (its connection string arrives in <c>ConnectionStrings__Recon</c>). This assembly keeps its data in a schema
/// of its own so other suites can share the cluster.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string Schema = "api_tests";

    /// <summary>A small upload limit, so the oversized-file behaviour is testable with a 1 MB file.</summary>
    public const long MaxFileBytes = 512 * 1024;

    /// <summary>A reverse proxy whose forwarded headers the host believes (test requests otherwise come from no address).</summary>
    public const string KnownProxy = "10.20.30.40";

    /// <summary>A network of proxies the host believes.</summary>
    public const string KnownProxyNetwork = "192.0.2.0/24";

    /// <summary>Room for the race tests' five uploads at once; the limit itself is tested at this value.</summary>
    public const int MaxConcurrentUploads = 6;

    /// <summary>Runs waiting at once before a request is refused with 503: small, so the limit is testable.</summary>
    public const int MaxQueuedRuns = 3;

    public IAlbaHost Host { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await TestHosts.StartAsync(
            Schema,
            new Dictionary<string, string>
            {
                ["Recon:Ingestion:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Recon:Ingestion:MaxConcurrentUploads"] = MaxConcurrentUploads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Recon:Runs:MaxQueued"] = MaxQueuedRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Recon:Http:KnownProxies"] = KnownProxy,
                ["Recon:Http:KnownNetworks"] = KnownProxyNetwork,
            },
            Logs);
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}

/// <summary>Base of every HTTP test: the shared host, with all event-store data wiped before each test.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;

    protected CapturedLogs Logs => fixture.Logs;

    protected IDocumentStore Store => fixture.Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync() => await Host.ResetReconDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<IScenarioResult> Scenario(Action<Scenario> configure) => Host.Scenario(configure);
}

public static class DataReset
{
    /// <summary>
    /// Wipes events, documents and the record-version table: every test starts from an empty store, with only the
    /// fixture's user <see cref="Users.Tester"/>, signed in (scenarios run as it unless they choose otherwise).
    /// </summary>
    public static async Task ResetReconDataAsync(this IAlbaHost host)
    {
        await host.ResetAllMartenDataAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"truncate table {store.Options.DatabaseSchemaName}.{Recon.Api.Ingestion.RecordVersions.TableName}");
        await session.SaveChangesAsync();
        await host.GivenTesterSignedInAsync();
    }
}
