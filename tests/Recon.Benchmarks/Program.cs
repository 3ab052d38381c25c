using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

if (args.Length > 0 && args[0] == "resolution")
{
    ResolutionBenchmark.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "matching")
{
    MatchingBenchmark.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "accuracy")
{
    await AccuracyBenchmark.RunAsync(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "review-queue")
{
    await ReviewQueueBenchmark.RunAsync(args[1..], async environment =>
    {
        // The SPA's path: a signed-in cookie session (session and user checked on every request), shared by the load clients.
        var (client, process, port) = await Processes.StartSignedInApiAsync(environment, TimeSpan.FromSeconds(30));
        if (!args.Contains("--token"))
        {
            return (client, process);
        }

        // An API consumer's path instead: a read-only bearer token created by the admin.
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/tokens") { Content = JsonContent.Create(new { name = "load", access = "readOnly" }) };
        var issued = await client.SendAsync(create);
        issued.EnsureSuccessStatusCode();
        var secret = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString();
        client.Dispose();
        var bearer = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return (bearer, process);
    });
    return;
}

// Ingestion benchmark (the default mode): a ledger CSV of N rows uploaded over HTTP to the real API process (events committed when the
// response arrives), next to a raw binary COPY of the same rows into PostgreSQL, in the same run. Prints rows/s and
// the API process's peak working set. Run through ./ops/recon bench, which starts PostgreSQL and builds everything.
var arguments = Args.Parse(args);
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Recon")
    ?? throw new InvalidOperationException("ConnectionStrings__Recon is not set: run ./ops/recon bench.");
var root = Args.RepositoryRoot();
var work = Directory.CreateTempSubdirectory("recon-bench-");
Process? api = null;
try
{
    Console.WriteLine($"Generating a ledger of about {arguments.Rows:N0} rows (seed 7, medium noise)…");
    var generator = Path.Combine(root, "backend/Recon.DataGenerator/bin/Release/net10.0/Recon.DataGenerator.dll");
    var clientId = $"bench-{Guid.NewGuid():N}"[..20];
    await Processes.RunAsync("dotnet", [generator, "--client", clientId, "--month", "2026-10", "--jobs", arguments.Rows.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--noise", "medium", "--out", work.FullName]);
    var ledger = Path.Combine(work.FullName, "ledger-lines.csv");
    var rows = File.ReadLines(ledger).Count() - 1;
    var sizeMb = new FileInfo(ledger).Length / 1024.0 / 1024.0;

    var (http, started, _) = await Processes.StartSignedInApiAsync(
        new Dictionary<string, string>
        {
            ["Recon__Database__Schema"] = "bench",
            ["Logging__LogLevel__Recon.Api.Runs.ExecuteRun"] = "Information",
        },
        TimeSpan.FromMinutes(10),
        RunLog.Capture);
    api = started;
    using var disposeHttp = http;

    var open = await http.PostAsJsonAsync("/api/periods", new { clientId, month = "2026-10" });
    open.EnsureSuccessStatusCode();
    var periodId = JsonDocument.Parse(await open.Content.ReadAsStringAsync()).RootElement.GetProperty("periodId").GetGuid();

    // A first, small upload warms the server up (JIT, Wolverine's generated handler): a running server's figure.
    var warmUp = Path.Combine(work.FullName, "warm-up.csv");
    await File.WriteAllLinesAsync(warmUp, File.ReadLines(ledger).Take(101));
    var coldSeconds = await Upload(http, periodId, warmUp);
    var baselineKb = Processes.PeakWorkingSetKb(api.Id);

    var uploadSeconds = await Upload(http, periodId, ledger);
    var peakKb = Processes.PeakWorkingSetKb(api.Id);

    // Then the month's client jobs, and a reconciliation run of the whole period through the API, as a user runs it.
    ReconciliationFigures? run = null;
    if (arguments.Run)
    {
        var jobsSeconds = await Upload(http, periodId, Path.Combine(work.FullName, "client-jobs.csv"), "client-jobs");
        run = await ReconciliationFigures.MeasureAsync(http, periodId, jobsSeconds, api.Id);
    }

    await Processes.StopAsync(api);

    var copySeconds = await RawCopy.MeasureAsync(connectionString, ledger);

    Console.WriteLine();
    Console.WriteLine($"ledger rows                         {rows,12:N0}   ({sizeMb:N1} MB)");
    Console.WriteLine($"HTTP upload → events committed      {uploadSeconds,12:N2} s   {rows / uploadSeconds,10:N0} rows/s");
    Console.WriteLine($"raw binary COPY of the same rows    {copySeconds,12:N2} s   {rows / copySeconds,10:N0} rows/s");
    Console.WriteLine($"upload / COPY time ratio            {uploadSeconds / copySeconds,12:N1} x");
    Console.WriteLine($"API peak working set                {peakKb / 1024.0,12:N0} MB   (after start-up and warm-up: {baselineKb / 1024.0:N0} MB)");
    Console.WriteLine($"first (cold) upload of 100 rows     {coldSeconds,12:N2} s");
    run?.Print();
}
finally
{
    if (api is not null)
    {
        await Processes.StopAsync(api);
        api.Dispose();
    }

    work.Delete(recursive: true);
}

static async Task<double> Upload(HttpClient http, Guid periodId, string path, string kind = "ledger-lines")
{
    var stopwatch = Stopwatch.StartNew();
    await using var file = File.OpenRead(path);
    using var form = new MultipartFormDataContent();
    var content = new StreamContent(file, 1 << 16);
    content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    form.Add(content, "file", Path.GetFileName(path));
    var upload = await http.PostAsync($"/api/periods/{periodId}/{kind}", form);
    var body = await upload.Content.ReadAsStringAsync();
    return upload.IsSuccessStatusCode
        ? stopwatch.Elapsed.TotalSeconds
        : throw new InvalidOperationException($"Upload of {path} failed with {(int)upload.StatusCode}: {body}");
}

/// <param name="Rows">About how many ledger rows (as many jobs are generated).</param>
/// <param name="Run">Whether to also reconcile the month (default up to 200,000 rows; <c>--run</c> / <c>--no-run</c>).</param>
internal sealed record Args(int Rows, bool Run)
{
    public static Args Parse(string[] args)
    {
        var rows = 100_000;
        bool? run = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length:
                    rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--run":
                    run = true;
                    break;
                case "--no-run":
                    run = false;
                    break;
            }
        }

        return new Args(rows, run ?? rows <= 200_000);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recon.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Recon.sln not found above " + AppContext.BaseDirectory);
    }
}

internal static class RawCopy
{
    /// <summary>Binary COPY of the ledger's rows (eleven text columns, as read) into an unlogged table.</summary>
    public static async Task<double> MeasureAsync(string connectionString, string ledgerPath)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "DROP TABLE IF EXISTS bench_raw_copy; CREATE UNLOGGED TABLE bench_raw_copy (line bigint, fields text[])", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY bench_raw_copy (line, fields) FROM STDIN (FORMAT BINARY)"))
        {
            long line = 1;
            foreach (var text in File.ReadLines(ledgerPath).Skip(1))
            {
                line++;
                await writer.StartRowAsync();
                await writer.WriteAsync(line, NpgsqlDbType.Bigint);
                await writer.WriteAsync(text.Split(','), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await writer.CompleteAsync();
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_raw_copy", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return seconds;
    }
}

internal static class Processes
{
    public static async Task RunAsync(string file, IEnumerable<string> arguments)
    {
        using var process = Start(file, arguments, new Dictionary<string, string>());
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
        }
    }

    public static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
    }

    /// <summary>Starts a server whose own output is discarded, so the benchmark's figures stay readable.</summary>
    public static Process StartQuiet(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                onLine?.Invoke(text);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public static async Task WaitForAsync(HttpClient http, string path, Process process)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await http.GetAsync(path)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{path} did not answer within 60 s.");
    }

    /// <summary>
    /// Starts the built API on a free port (no SPA, warnings only, a random first-admin password) and signs in as that
    /// admin through a cookie session; the client sends the antiforgery header on every request.
    /// </summary>
    public static async Task<(HttpClient Http, Process Api, int Port)> StartSignedInApiAsync(
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Action<string>? onLine = null)
    {
        var port = FreePort();
        var adminPassword = $"bench-{Guid.NewGuid():N}";
        var apiDll = Path.Combine(Args.RepositoryRoot(), "backend/Recon.Api/bin/Release/net10.0/Recon.Api.dll");
        var settings = new Dictionary<string, string>
        {
            ["Recon__Spa__RootPath"] = string.Empty,
            ["Recon__Auth__AdminPassword"] = adminPassword,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var api = StartQuiet("dotnet", [apiDll, "--contentRoot", Path.GetDirectoryName(apiDll)!, "--urls", $"http://127.0.0.1:{port}"], settings, onLine);
        var cookies = new System.Net.CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = timeout };
        await WaitForAsync(http, "/health/ready", api);
        (await http.PostAsJsonAsync("/api/auth/sign-in", new { userName = "admin", password = adminPassword })).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", cookies.GetAllCookies().Single(cookie => cookie.Name == "XSRF-TOKEN").Value);
        return (http, api, port);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>VmHWM: the process's peak resident set, from /proc.</summary>
    public static long PeakWorkingSetKb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .Single();
}

/// <summary>A reconciliation run of the benchmark's period, requested and polled over HTTP like the SPA does.</summary>
internal sealed record ReconciliationFigures(double JobsUploadSeconds, double RunSeconds, JsonElement Run, long PeakKb)
{
    public static async Task<ReconciliationFigures> MeasureAsync(HttpClient http, Guid periodId, double jobsUploadSeconds, int apiProcessId)
    {
        var stopwatch = Stopwatch.StartNew();
        var requested = await http.PostAsync($"/api/periods/{periodId}/runs", null);
        var body = await requested.Content.ReadAsStringAsync();
        if (!requested.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Requesting the run failed with {(int)requested.StatusCode}: {body}");
        }

        var runId = JsonDocument.Parse(body).RootElement.GetProperty("runId").GetGuid();
        while (true)
        {
            var run = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{runId}")).RootElement.Clone();
            switch (run.GetProperty("status").GetString())
            {
                case "completed":
                    return new ReconciliationFigures(jobsUploadSeconds, stopwatch.Elapsed.TotalSeconds, run, Processes.PeakWorkingSetKb(apiProcessId));
                case "failed":
                    throw new InvalidOperationException($"The run failed: {run.GetProperty("failureReason").GetString()}");
                default:
                    await Task.Delay(200);
                    break;
            }
        }
    }

    public void Print()
    {
        var kpis = Run.GetProperty("kpis");
        var jobs = Run.GetProperty("clientJobs").GetInt32();
        var lines = Run.GetProperty("ledgerLines").GetInt32();
        Console.WriteLine();
        Console.WriteLine($"client jobs uploaded                {jobs,12:N0}   in {JobsUploadSeconds:N2} s");
        Console.WriteLine($"reconciliation run (request → done) {RunSeconds,12:N2} s   {(jobs + lines) / RunSeconds,10:N0} records/s");
        Console.WriteLine($"  matches / exceptions              {kpis.GetProperty("matches").GetInt32(),12:N0} / {kpis.GetProperty("exceptions").GetInt32():N0}");
        Console.WriteLine($"  variance (ignoring cents)         {kpis.GetProperty("varianceIgnoringCents").GetDecimal(),12:N0}   ({kpis.GetProperty("variancePercent").GetDecimal():N2} %)");
        Console.WriteLine($"API peak working set after the run  {PeakKb / 1024.0,12:N0} MB");
        foreach (var line in RunLog.Lines)
        {
            Console.WriteLine($"  API log: {line}");
        }
    }
}

/// <summary>The API's own account of the run (its completion log line: groups, events, engine and append seconds).</summary>
internal static class RunLog
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Captured = new();

    public static IEnumerable<string> Lines => Captured;

    public static void Capture(string jsonLine)
    {
        if (!jsonLine.Contains("Recon.Api.Runs.ExecuteRun", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            Captured.Enqueue(JsonDocument.Parse(jsonLine).RootElement.GetProperty("Message").GetString() ?? jsonLine);
        }
        catch (JsonException)
        {
            Captured.Enqueue(jsonLine);
        }
    }
}
