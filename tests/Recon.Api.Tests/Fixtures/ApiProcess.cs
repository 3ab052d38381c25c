using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Recon.Api.Tests.Fixtures;

/// <summary>
/// The built API as a real server process on loopback, in a schema of its own, signed in as its first admin: what the
/// fault tests kill with SIGKILL and start again on the same database.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly string _schema;
    private readonly string _adminPassword;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    private ApiProcess(string schema, IReadOnlyDictionary<string, string> settings)
    {
        _schema = schema;
        _settings = settings;
        _adminPassword = $"process-{Guid.NewGuid():N}";
        Port = FreePort();
        TempFolder = Directory.CreateTempSubdirectory("recon-api-process-").FullName;
    }

    public int Port { get; }

    /// <summary>The process's upload buffer folder (Recon:Ingestion:TempPath).</summary>
    public string TempFolder { get; }

    public HttpClient Http { get; private set; } = null!;

    public static async Task<ApiProcess> StartAsync(string schema, IReadOnlyDictionary<string, string>? settings = null)
    {
        // A clean schema each time: the first admin is seeded with this run's password only into an empty store.
        await using (var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Recon")))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var api = new ApiProcess(schema, settings ?? new Dictionary<string, string>());
        await api.StartAgainAsync();
        return api;
    }

    /// <summary>Starts the process (again, after a kill), waits until it is ready and signs in; returns when it was ready.</summary>
    public async Task<DateTimeOffset> StartAgainAsync()
    {
        var build = AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Recon.Api.Tests", "bin"), Path.Combine("backend", "Recon.Api", "bin"), StringComparison.Ordinal);
        var dll = Path.Combine(build, "Recon.Api.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--contentRoot", build, "--urls", $"http://127.0.0.1:{Port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Recon__Database__Schema"] = _schema;
        start.Environment["Recon__Auth__AdminPassword"] = _adminPassword;
        start.Environment["Recon__Spa__RootPath"] = string.Empty;
        start.Environment["Recon__Ingestion__TempPath"] = TempFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var cookies = new CookieContainer();
        Http?.Dispose();
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromMinutes(2) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode} at start.");
            }

            try
            {
                if ((await Http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException("The API was not ready within 90 s.");
            }

            await Task.Delay(100);
        }

        var ready = DateTimeOffset.UtcNow;
        (await Http.PostAsJsonAsync("/api/auth/sign-in", new { userName = "admin", password = _adminPassword })).EnsureSuccessStatusCode();
        Http.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", cookies.GetAllCookies().Single(cookie => cookie.Name == "XSRF-TOKEN").Value);
        return ready;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no rollback by the process itself.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http?.Dispose();
        _process?.Dispose();
        Directory.Delete(TempFolder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
