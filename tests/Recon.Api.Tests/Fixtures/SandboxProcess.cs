using System.Diagnostics;
using System.Text.Json;

namespace Recon.Api.Tests.Fixtures;

/// <summary>
/// The client-API sandbox (backend/Recon.Sandbox) running as a real server process on loopback, so the fetcher is
/// tested over real HTTP with real retries and delays.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    public const string ApiKey = "fetch-test-key";

    private readonly Process _process;

    private SandboxProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<SandboxProcess> StartAsync(int port, string clientId, int jobCount, string faultPlan = "")
    {
        var build = AppContext.BaseDirectory.Replace(
            Path.Combine("tests", "Recon.Api.Tests", "bin"), Path.Combine("backend", "Recon.Sandbox", "bin"), StringComparison.Ordinal);
        var dll = Path.Combine(build, "Recon.Sandbox.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The sandbox is not built at {dll}.");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            dll, "--contentRoot", build, "--urls", $"http://127.0.0.1:{port}", $"--Sandbox:ApiKey={ApiKey}", $"--Sandbox:ClientId={clientId}",
            $"--Sandbox:JobCount={jobCount}", "--Sandbox:Seed=11", "--Sandbox:Noise=medium", $"--Sandbox:Faults:Plan={faultPlan}",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sandbox = new SandboxProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The sandbox exited with {process.ExitCode} at start.");
            }

            try
            {
                if ((await http.GetAsync($"{sandbox.BaseUrl}/health")).IsSuccessStatusCode)
                {
                    return sandbox;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await sandbox.DisposeAsync();
        throw new TimeoutException("The sandbox did not answer /health within 10 s.");
    }

    /// <summary>Every job id of the month, read straight from the sandbox: what a complete fetch must end with.</summary>
    public async Task<IReadOnlyList<string>> AllJobIdsAsync(string month)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"/v1/jobs?month={month}&limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            ids.AddRange(page.RootElement.GetProperty("data").EnumerateArray().Select(job => job.GetProperty("jobId").GetString()!));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
