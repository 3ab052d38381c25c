using System.Text.Json;
using Npgsql;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Reliability;

/// <summary>The malformed-input corpus (<see cref="HostileFiles"/>), each file uploaded the way a user would.</summary>
public class when_hostile_files_arrive(AppFixture fixture) : IntegrationContext(fixture)
{
    public static TheoryData<string> Corpus() => [.. HostileFiles.All().Select(file => file.Name)];

    [Fact]
    public void the_corpus_holds_at_least_forty_distinct_files()
    {
        var files = HostileFiles.All().ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(40);
        files.Select(file => file.Name).Distinct().Count().ShouldBe(files.Count);
        files.Select(file => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file.Bytes))).Distinct().Count().ShouldBe(files.Count);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task each_is_answered_without_a_server_error_refusals_are_specific_and_store_nothing_and_the_canary_leaks_nowhere(string name)
    {
        var (_, route, bytes) = HostileFiles.All().Single(file => file.Name == name);
        var periodId = await Host.GivenOpenPeriod();
        var logsBefore = Logs.Lines.Count;

        var result = await Host.Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.File(bytes, $"{route}.csv")).ToUrl($"/api/periods/{periodId}/{route}");
            x.WithRequestHeader("Idempotency-Key", Guid.NewGuid().ToString());
            x.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        var body = await result.ReadAsTextAsync();

        status.ShouldBeLessThan(500, body);
        status.ShouldBeOneOf([200, 201, 400, 413]);
        body.ShouldNotContain(HostileFiles.Canary);
        if (status >= 400)
        {
            var problem = JsonDocument.Parse(body).RootElement;
            problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
            problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
            (await RecordsOf(periodId)).ShouldBe(0, "a refused file stores nothing");
        }
        else
        {
            var accepted = JsonDocument.Parse(body).RootElement;
            foreach (var error in accepted.GetProperty("errors").EnumerateArray())
            {
                error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
                error.GetProperty("line").GetInt64().ShouldBeGreaterThan(1);
            }
        }

        (await CanaryRowsInTheStore()).ShouldBeEmpty();
        Logs.Lines.Skip(logsBefore).ShouldNotContain(line => line.Contains(HostileFiles.Canary, StringComparison.OrdinalIgnoreCase));
        ReliabilityReport.Add($"hostile file: {name}", 5);
    }

    private async Task<long> RecordsOf(Guid periodId)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {Store.Options.DatabaseSchemaName}.{Recon.Api.Ingestion.RecordVersions.TableName} where period_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = periodId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every table of the store (events, documents, idempotency bodies, the record-version table) searched for the canary.</summary>
    private async Task<List<string>> CanaryRowsInTheStore()
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_schema || '.' || table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = Store.Options.DatabaseSchemaName });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var leaks = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from {table} as t where t::text ilike '%' || $1 || '%'", connection);
            search.Parameters.Add(new NpgsqlParameter { Value = HostileFiles.Canary });
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                leaks.Add(table);
            }
        }

        return leaks;
    }
}
