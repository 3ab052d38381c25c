using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Recon.Api.Tests.Fixtures;

/// <summary>
/// Starts the real API host for a test collection: its own database schema (so hosts run side by side on the test
/// cluster), its settings, Wolverine in solo mode without external transports, and optionally captured logs.
/// </summary>
public static class TestHosts
{
    public static Task<IAlbaHost> StartAsync(
        string schema, IReadOnlyDictionary<string, string> settings, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__Recon")))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__Recon is not set: run the HTTP tests through './ops/recon test', which starts a throwaway PostgreSQL.");
        }

        return AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("Recon:Database:Schema", schema);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(collection =>
            {
                if (logs is not null)
                {
                    collection.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
                }

                services?.Invoke(collection);
                collection.RunWolverineInSoloMode();
                collection.DisableAllExternalWolverineTransports();
            });
        });
    }
}
