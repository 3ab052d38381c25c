using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Recon.DataGenerator;

namespace Recon.Sandbox;

/// <summary>One page of <c>GET /v1/jobs</c>: the client API's contract.</summary>
public sealed record JobsPage(IReadOnlyList<ClientJob> Data, string? NextCursor);

public static class SandboxEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxSettings>().Bind(configuration.GetSection(SandboxSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxSettings>, SandboxSettingsValidator>();
        services.AddSingleton<MonthStore>();
        services.AddSingleton<FaultInjector>();
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", () => Results.Text("Healthy"));

        var v1 = app.MapGroup("/v1").AddEndpointFilter(RequireApiKey);
        v1.MapGet("/jobs", GetJobs);
        v1.MapGet("/ground-truth", (HttpContext context, MonthStore store) =>
            WithMonth(context, month => Results.Json(store.Get(month).GroundTruth, GeneratorJson.Options)));
        v1.MapGet("/ledger.csv", (HttpContext context, MonthStore store) =>
            WithMonth(context, month => Csv(store.Get(month).WriteLedgerCsvAsync, $"ledger-lines-{month}.csv", context.RequestAborted)));
        v1.MapGet("/jobs.csv", (HttpContext context, MonthStore store) =>
            WithMonth(context, month => Csv(store.Get(month).WriteClientJobsCsvAsync, $"client-jobs-{month}.csv", context.RequestAborted)));
        return app;
    }

    private static async Task<IResult> GetJobs(HttpContext context, MonthStore store, FaultInjector faults)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var month = ReadMonth(context, errors);

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (limitText.Count != 1 || !int.TryParse(limitText[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [string.Create(CultureInfo.InvariantCulture, $"'{limitText}' is not a whole number from 1 to {MaxLimit}.")];
        }

        JobsCursor? cursor = null;
        var cursorText = query.TryGetValue("cursor", out var cursorValues) ? cursorValues.ToString() : string.Empty;
        if (month is not null && cursorText.Length > 0)
        {
            cursor = cursorValues.Count == 1 ? JobsCursor.Decode(cursorText, month, store.Get(month).Jobs.Count) : null;
            if (cursor is null)
            {
                errors["cursor"] = ["is not a cursor returned by this API for this month."];
            }
        }

        if (errors.Count > 0 || month is null)
        {
            return Results.ValidationProblem(errors);
        }

        var page = cursor?.Page ?? 1;
        if (faults.Decide(page) is { } status)
        {
            return Fault(context, status);
        }

        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, context.RequestAborted);
        }

        var jobs = store.Get(month).Jobs;
        var offset = cursor?.Offset ?? 0;
        var count = Math.Min(limit, jobs.Count - offset);
        var data = new ClientJob[count];
        for (var i = 0; i < count; i++)
        {
            data[i] = jobs[offset + i];
        }

        var next = offset + count < jobs.Count ? new JobsCursor(month, offset + count, page + 1).Encode() : null;
        return Results.Ok(new JobsPage(data, next));
    }

    private static IResult Fault(HttpContext context, int status)
    {
        if (status is 429 or 503)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        var title = status switch
        {
            429 => "Too many requests",
            503 => "Service unavailable",
            _ => "Server error",
        };
        return Results.Problem(statusCode: status, title: title, detail: "Injected by the sandbox's fault settings.");
    }

    private static IResult WithMonth(HttpContext context, Func<string, IResult> serve)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var month = ReadMonth(context, errors);
        return month is null ? Results.ValidationProblem(errors) : serve(month);
    }

    private static string? ReadMonth(HttpContext context, Dictionary<string, string[]> errors)
    {
        var values = context.Request.Query["month"];
        if (values.Count == 1 && GeneratorOptions.ParseMonth(values[0]) is not null)
        {
            return values[0];
        }

        errors["month"] = [values.Count == 0 ? "is required (YYYY-MM)." : $"'{values}' is not a month YYYY-MM between 2000-01 and 2099-12."];
        return null;
    }

    private static IResult Csv(Func<TextWriter, CancellationToken, Task> write, string fileName, CancellationToken cancellationToken) =>
        Results.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
                await write(writer, cancellationToken);
            },
            "text/csv; charset=utf-8",
            fileName);

    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var expected = context.RequestServices.GetRequiredService<IOptions<SandboxSettings>>().Value.ApiKey;
        var given = context.Request.Headers[ApiKeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyHeader}\"";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: given.Length == 0 ? $"Send the API key in the {ApiKeyHeader} header." : $"The {ApiKeyHeader} header does not hold a valid key.");
        }

        return await next(invocation);
    }
}
