using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Recon.Api.Tests.Fixtures;

/// <summary>
/// A host for months of thousands of jobs: the shared host caps an upload at <see cref="AppFixture.MaxFileBytes"/>
/// (512 KB, so the limit is testable), smaller than a 5,000-job month's files; this one allows
/// <see cref="MaxFileBytes"/>. Its own schema, so it runs beside the shared host. The built-in service catalog is off
/// (<c>Recon:Vocabulary:SeedCatalog=false</c>): the accuracy measured here holds with a client's own vocabulary alone.
/// </summary>
public sealed class LargeMonthHostFixture : IAsyncLifetime
{
    public const string Schema = "api_tests_large";

    /// <summary>Room for a 20,000-job month's ledger CSV (about 2.5 MB) many times over.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public IAlbaHost Host { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync() =>
        Host = await TestHosts.StartAsync(
            Schema,
            new Dictionary<string, string>
            {
                ["Recon:Ingestion:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Recon:Vocabulary:SeedCatalog"] = "false",
            },
            Logs);

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LargeMonthCollection : ICollectionFixture<LargeMonthHostFixture>
{
    public const string Name = "large-months";
}

/// <summary>Base of the tests on <see cref="LargeMonthHostFixture"/>: all data wiped before each test.</summary>
[Collection(LargeMonthCollection.Name)]
public abstract class LargeMonthContext(LargeMonthHostFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;

    protected CapturedLogs Logs => fixture.Logs;

    protected IDocumentStore Store => fixture.Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>A reader of whole runs through this host's public API, as <see cref="Users.Tester"/>.</summary>
    protected ApiRunReader Reader => new(async url => await (await Host.Scenario(x =>
    {
        x.Get.Url(url);
        x.StatusCodeShouldBeOk();
    })).ReadAsTextAsync());

    public async Task InitializeAsync() => await Host.ResetReconDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
