using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Recon.Api.Tests.Fixtures;
using Recon.DataGenerator;

namespace Recon.Api.Tests.Reliability;

/// <summary>The process-kill tests run alone, after the others: the timings they check are the API's, not the machine's load.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ApiProcessCollection
{
    public const string Name = "api-process";
}

/// <summary>kill -9 of a real API process mid-work, then a restart on the same database.</summary>
[Collection(ApiProcessCollection.Name)]
public class when_the_api_process_is_killed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<Guid> OpenPeriodAsync(HttpClient http, string clientId)
    {
        var opened = await http.PostAsJsonAsync("/api/periods", new { clientId, month = "2026-10" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return (await opened.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("periodId").GetGuid();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, Guid periodId, string route, string csv, CancellationToken cancellationToken = default) =>
        await http.PostAsync($"/api/periods/{periodId}/{route}", Uploads.File(Encoding.UTF8.GetBytes(csv), $"{route}.csv"), cancellationToken);

    private static async Task<JsonElement> RunAsync(HttpClient http, Guid runId) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}", Json);

    private static string Progress(JsonElement run) =>
        $"{run.GetProperty("phase").GetString()} {run.GetProperty("progress").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The run's progress as the killed process last stored it.</summary>
    private static async Task<string> StoredProgressAsync(string schema, Guid runId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Recon"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"select data->>'phase', (data->>'progress')::numeric from {schema}.mt_doc_runprogress where id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = runId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetString(0)} {reader.GetDecimal(1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    [Fact]
    public async Task a_run_killed_mid_way_resumes_within_10_seconds_of_the_restart_and_is_recorded_once()
    {
        await using var api = await ApiProcess.StartAsync("process_kill_run");
        var month = MonthGenerator.Generate(new GeneratorOptions { ClientId = $"kill-{Guid.NewGuid():N}"[..16], Month = "2026-10", JobCount = 6_000, Seed = 5, Noise = NoiseLevel.Medium });
        var periodId = await OpenPeriodAsync(api.Http, month.Options.ClientId);
        (await UploadAsync(api.Http, periodId, "client-jobs", month.ClientJobsCsv())).EnsureSuccessStatusCode();
        (await UploadAsync(api.Http, periodId, "ledger-lines", month.LedgerCsv())).EnsureSuccessStatusCode();

        var requested = await api.Http.PostAsync($"/api/periods/{periodId}/runs", null);
        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("runId").GetGuid();
        JsonElement run;
        do
        {
            await Task.Delay(20);
            run = await RunAsync(api.Http, runId);
        }
        while (run.GetProperty("status").GetString() == "queued");

        run.GetProperty("status").GetString().ShouldBe("running", "the run must still be in progress when the process is killed");
        await api.KillAsync();
        var stopped = await StoredProgressAsync("process_kill_run", runId);

        // Resumed: the run reports progress again (its phase or figure moves on from where it stopped), or is done.
        var ready = await api.StartAgainAsync();
        TimeSpan? resumedIn = null;
        while ((run = await RunAsync(api.Http, runId)).GetProperty("status").GetString() is "queued" or "running")
        {
            resumedIn ??= Progress(run) != stopped ? DateTimeOffset.UtcNow - ready : null;
            (DateTimeOffset.UtcNow - ready).ShouldBeLessThan(TimeSpan.FromSeconds(90), "the run did not finish after the restart");
            await Task.Delay(50);
        }

        run.GetProperty("status").GetString().ShouldBe("completed");
        resumedIn ??= run.GetProperty("completedAt").GetDateTimeOffset() - ready;
        resumedIn.Value.ShouldBeLessThan(TimeSpan.FromSeconds(10), $"resumed {resumedIn.Value.TotalSeconds:F1} s after the restart");

        await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Recon"));
        await connection.OpenAsync();
        await using var completions = new Npgsql.NpgsqlCommand("select count(*) from process_kill_run.mt_events where stream_id = $1 and type in ('run_completed', 'run_started')", connection);
        completions.Parameters.Add(new Npgsql.NpgsqlParameter { Value = runId });
        ((long)(await completions.ExecuteScalarAsync())!).ShouldBe(2, "one RunStarted and one RunCompleted");
        var again = await api.Http.PostAsync($"/api/periods/{periodId}/runs", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted, "the period can be run again");
        ReliabilityReport.Add("kill -9 during a run", 4);
    }

    [Fact]
    public async Task an_upload_killed_mid_way_leaves_nothing_half_written_its_buffer_is_swept_and_the_file_can_be_sent_again()
    {
        await using var api = await ApiProcess.StartAsync("process_kill_upload");
        var month = MonthGenerator.Generate(new GeneratorOptions { ClientId = $"kill-{Guid.NewGuid():N}"[..16], Month = "2026-10", JobCount = 40_000, Seed = 6, Noise = NoiseLevel.Medium });
        var periodId = await OpenPeriodAsync(api.Http, month.Options.ClientId);
        var ledger = month.LedgerCsv();

        var upload = UploadAsync(api.Http, periodId, "ledger-lines", ledger);
        var watch = Stopwatch.StartNew();
        while (Directory.GetFiles(api.TempFolder, "ASPNETCORE_*.tmp").Length == 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        await Task.Delay(500);
        await api.KillAsync();
        await Should.ThrowAsync<HttpRequestException>(() => upload);
        Directory.GetFiles(api.TempFolder, "ASPNETCORE_*.tmp").ShouldNotBeEmpty("the killed process left its upload buffer");

        await api.StartAgainAsync();
        Directory.GetFiles(api.TempFolder, "ASPNETCORE_*.tmp").ShouldBeEmpty();
        var batches = await api.Http.GetFromJsonAsync<JsonElement>($"/api/periods/{periodId}/batches", Json);
        batches.GetProperty("items").EnumerateArray().ShouldAllBe(batch => batch.GetProperty("status").GetString() != "completed");

        var again = await UploadAsync(api.Http, periodId, "ledger-lines", ledger);
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        var result = await again.Content.ReadFromJsonAsync<JsonElement>(Json);
        result.GetProperty("recordsNew").GetInt32().ShouldBe(result.GetProperty("rowsAccepted").GetInt32());
        ReliabilityReport.Add("kill -9 during an upload", 5);
    }
}
