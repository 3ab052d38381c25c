using Alba;
using Npgsql;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Http;

/// <summary>
/// A host of its own, whose connections are marked by their application name. The fault is real: the database stops
/// accepting connections (a connection limit of 0, as when PostgreSQL's slots are all taken) and the host's open
/// connections are terminated (as a restart or failover does). It runs alone, after every other collection, because
/// the limit holds for the whole test database while it lasts.
/// </summary>
public sealed class DatabaseFaultHostFixture : IAsyncLifetime
{
    public const string Schema = "api_tests_db_fault";
    public const string ApplicationName = "recon-db-fault-test";

    public IAlbaHost Host { get; private set; } = null!;

    public static string TestConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Recon") ?? "";

    public async Task InitializeAsync()
    {
        var connection = new NpgsqlConnectionStringBuilder(TestConnectionString) { ApplicationName = ApplicationName };
        Host = await TestHosts.StartAsync(Schema, new Dictionary<string, string> { ["ConnectionStrings:Recon"] = connection.ConnectionString });
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseFaultCollection : ICollectionFixture<DatabaseFaultHostFixture>
{
    public const string Name = "database-faults";
}

[Collection(DatabaseFaultCollection.Name)]
public class when_the_database_is_unavailable(DatabaseFaultHostFixture fixture) : IAsyncLifetime
{
    private IAlbaHost Host => fixture.Host;

    public Task InitializeAsync() => Host.ResetReconDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IScenarioResult> SignIn(int status) =>
        Host.Scenario(x =>
        {
            x.Post.Json(new { userName = Users.TesterUserName, password = Users.TesterPassword }).ToUrl("/api/auth/sign-in");
            x.Anonymously();
            x.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task requests_are_answered_503_with_retry_after_and_served_again_once_it_is_back()
    {
        await using var admin = new NpgsqlConnection(DatabaseFaultHostFixture.TestConnectionString);
        await admin.OpenAsync();
        var database = admin.Database;
        await using (var cut = new NpgsqlCommand(
            $"""
            alter database "{database}" connection limit 0;
            select pg_terminate_backend(pid) from pg_stat_activity where application_name = '{DatabaseFaultHostFixture.ApplicationName}';
            """,
            admin))
        {
            await cut.ExecuteNonQueryAsync();
        }

        IScenarioResult signIn, list;
        try
        {
            signIn = await SignIn(503);
            list = await Host.Scenario(x =>
            {
                x.Get.Url("/api/periods");
                x.StatusCodeShouldBe(503);
            });
        }
        finally
        {
            await using var restore = new NpgsqlCommand($"""alter database "{database}" connection limit -1""", admin);
            await restore.ExecuteNonQueryAsync();
        }

        foreach (var refused in new[] { signIn, list })
        {
            refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe("5");
            var problem = await refused.ReadProblemAsync();
            problem.GetProperty("title").GetString().ShouldBe("Database unavailable");
            problem.ToString().ShouldNotContain("Npgsql");
        }

        // Connections broken before the restore may still be in the pool; each is dropped at its first use.
        var status = 0;
        for (var attempt = 0; attempt < 20 && status != 200; attempt++)
        {
            status = (await Host.Scenario(x =>
            {
                x.Post.Json(new { userName = Users.TesterUserName, password = Users.TesterPassword }).ToUrl("/api/auth/sign-in");
                x.Anonymously();
                x.IgnoreStatusCode();
            })).Context.Response.StatusCode;
        }

        status.ShouldBe(200);
    }
}
