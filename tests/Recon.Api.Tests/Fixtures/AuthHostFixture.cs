using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Recon.Api.Tests.Fixtures;

/// <summary>The system clock moved on by <see cref="Offset"/>; timers stay real, so the host's background work is unaffected.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Offset += by;
}

/// <summary>
/// A second host for the authentication settings the shared one leaves at their defaults: a clock tests can move,
/// short session timeouts, a configured admin password, demo users and OIDC settings. Its own schema, so it runs
/// beside the shared host.
/// </summary>
public sealed class AuthHostFixture : IAsyncLifetime
{
    public const string Schema = "api_tests_auth";
    public const string AdminPassword = "configured-admin-password";
    public const string DemoPassword = "recon-demo-password";
    public const string OidcDisplayName = "Contoso SSO";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromMinutes(25);

    public IAlbaHost Host { get; private set; } = null!;

    public ShiftedClock Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Host = await TestHosts.StartAsync(
            Schema,
            new Dictionary<string, string>
            {
                ["Recon:Auth:IdleTimeout"] = IdleTimeout.ToString(),
                ["Recon:Auth:AbsoluteTimeout"] = AbsoluteTimeout.ToString(),
                ["Recon:Auth:AdminPassword"] = AdminPassword,
                ["Recon:Auth:DemoUsers"] = "true",
                ["Recon:Auth:DemoPassword"] = DemoPassword,
                ["Recon:Auth:Oidc:Authority"] = "https://login.contoso.test/realms/recon",
                ["Recon:Auth:Oidc:ClientId"] = "recon",
                ["Recon:Auth:Oidc:ClientSecret"] = "not-a-real-secret",
                ["Recon:Auth:Oidc:DisplayName"] = OidcDisplayName,
            },
            Logs,
            services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AuthHostCollection : ICollectionFixture<AuthHostFixture>
{
    public const string Name = "auth-host";
}

/// <summary>Base of the tests on <see cref="AuthHostFixture"/>: data wiped and the clock back to now before each test.</summary>
[Collection(AuthHostCollection.Name)]
public abstract class AuthHostContext(AuthHostFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;

    protected ShiftedClock Clock => fixture.Clock;

    protected CapturedLogs Logs => fixture.Logs;

    protected IDocumentStore Store => fixture.Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        Clock.Offset = TimeSpan.Zero;
        await Host.ResetReconDataAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<IScenarioResult> Scenario(Action<Scenario> configure) => Host.Scenario(configure);
}
