using System.Text.Json;
using Alba;

namespace Recon.Api.Tests.Fixtures;

public static class ProblemJson
{
    public static async Task<JsonElement> ReadProblemAsync(this IScenarioResult result)
    {
        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        using var document = await JsonDocument.ParseAsync(result.Context.Response.Body);
        return document.RootElement.Clone();
    }

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
