using System.Text.Json;
using Alba;
using Microsoft.Extensions.Configuration;

namespace Recon.Sandbox.Tests;

/// <summary>Starts the sandbox in process with test settings (a small month, a known key), and reads its answers.</summary>
public static class Sandbox
{
    public const string Key = "test-key";
    public const string Month = "2026-10";
    public const int JobCount = 237;

    public static Task<IAlbaHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Sandbox:ApiKey"] = Key,
            ["Sandbox:ClientId"] = "northwind-facilities",
            ["Sandbox:Seed"] = "42",
            ["Sandbox:JobCount"] = JobCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sandbox:Noise"] = "medium",
            ["Sandbox:Faults:Plan"] = "",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return AlbaHost.For<Program>(builder => builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(values)));
    }

    public static Task<IScenarioResult> GetAsync(this IAlbaHost host, string url, int status = 200, string? key = Key) =>
        host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            if (key is not null)
            {
                scenario.WithRequestHeader("X-Api-Key", key);
            }

            scenario.StatusCodeShouldBe(status);
        });

    public static async Task<JsonElement> JsonAsync(this IScenarioResult result)
    {
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The response body exactly as sent (a text read would drop a BOM).</summary>
    public static async Task<byte[]> BytesAsync(this IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek)
        {
            body.Position = 0;
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return copy.ToArray();
    }

    public static string Jobs(string? cursor = null, int? limit = null, string month = Month) =>
        $"/v1/jobs?month={month}"
        + (limit is null ? "" : $"&limit={limit}")
        + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
}
