using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Recon.Api.Ingestion;

/// <summary>Settings under <c>Recon:ClientApi</c>. The key is a secret: set it in .env or the environment, never in a request.</summary>
public sealed class ClientApiOptions
{
    public const string Section = "Recon:ClientApi";

    public const string HttpClientName = "client-api";

    /// <summary>The client API's base URL, e.g. https://api.client.example; empty = no client API configured.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Sent as <c>X-Api-Key</c>.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Items asked per page (the API's <c>limit</c>).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Retries of one page after a 429, 5xx, timeout or connection failure.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially with jitter, or follow <c>Retry-After</c>.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 1;

    /// <summary>Time allowed for one attempt at one page.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 20;

    public bool IsConfigured => Uri.TryCreate(BaseUrl, UriKind.Absolute, out _);
}

/// <summary>The client API's page: <c>{"data":[...],"nextCursor":string|null}</c>.</summary>
public sealed record ClientApiPage(IReadOnlyList<ClientJobItem> Data, string? NextCursor);

/// <summary>A page of the client API could not be read, even after retries.</summary>
public sealed class ClientApiException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a month of jobs from the client's API, page by page, following its cursor.</summary>
public sealed class ClientApiClient(HttpClient http, ClientApiOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ClientJobItem>> FetchMonthAsync(string month, CancellationToken cancellationToken)
    {
        var items = new List<ClientJobItem>();
        string? cursor = null;
        var pageNumber = 0;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            pageNumber++;
            var url = $"v1/jobs?month={Uri.EscapeDataString(month)}&limit={options.PageSize}"
                + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await ReadPageAsync(url, pageNumber, cancellationToken);
            items.AddRange(page.Data);
            cursor = page.NextCursor;
            if (cursor is not null && !seenCursors.Add(cursor))
            {
                throw new ClientApiException($"The client API returned cursor '{cursor}' twice (page {pageNumber}); stopping to avoid an endless loop.");
            }
        }
        while (cursor is not null);

        return items;
    }

    private async Task<ClientApiPage> ReadPageAsync(string url, int pageNumber, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ClientApiException($"Page {pageNumber} of the client API could not be read after {options.MaxRetries} retries: {e.Message}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ClientApiException(response.StatusCode == HttpStatusCode.Unauthorized
                    ? "The client API refused the API key (401): check Recon:ClientApi:ApiKey."
                    : $"Page {pageNumber} of the client API answered {(int)response.StatusCode} {response.ReasonPhrase} after {options.MaxRetries} retries.");
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<ClientApiPage>(Json, cancellationToken)
                    ?? throw new ClientApiException($"Page {pageNumber} of the client API was empty.");
            }
            catch (JsonException e)
            {
                throw new ClientApiException($"Page {pageNumber} of the client API is not the expected JSON: {e.Message}", e);
            }
        }
    }
}

public static class ClientApiRegistration
{
    public static WebApplicationBuilder AddClientApi(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ClientApiOptions.Section);
        builder.Services.Configure<ClientApiOptions>(section);
        var options = section.Get<ClientApiOptions>() ?? new ClientApiOptions();

        builder.Services.AddHttpClient(ClientApiOptions.HttpClientName, (services, http) =>
            {
                var current = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClientApiOptions>>().Value;
                if (current.IsConfigured)
                {
                    http.BaseAddress = new Uri(current.BaseUrl.TrimEnd('/') + "/");
                }

                http.DefaultRequestHeaders.Add("X-Api-Key", current.ApiKey);
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .AddResilienceHandler("client-api", pipeline =>
            {
                // Retries honour Retry-After (429/503), otherwise back off exponentially with jitter.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
            });
        return builder;
    }
}
