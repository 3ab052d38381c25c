using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Recon.Api.Periods;
using Recon.Domain.Ingestion;
using Wolverine.Http;

namespace Recon.Api.Ingestion;

public static partial class FetchClientJobsEndpoint
{
    [WolverinePost("/api/periods/{periodId}/client-jobs/fetch", OperationId = "fetchClientJobs")]
    [EnableRateLimiting(UploadConcurrency.Policy)]
    [Tags("Ingestion")]
    [EndpointSummary("Pull the period's month of jobs from the configured client API")]
    [EndpointDescription("Follows the API's cursor page by page, retrying 429/5xx with backoff and jitter (honouring Retry-After). The batch is recorded only once every page is read, so an interrupted fetch can simply be retried. A failure is recorded as a failed batch and answered with 502. Fetching the same data again changes nothing (200, duplicate).")]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status201Created)]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public static async Task<IResult> Fetch(
        Guid periodId,
        HttpContext httpContext,
        IDocumentStore store,
        IQuerySession query,
        IHttpClientFactory httpClients,
        IOptions<ClientApiOptions> clientApi,
        IOptions<IngestionOptions> ingestion,
        TimeProvider clock,
        ILogger<ClientApiClient> logger,
        CancellationToken cancellationToken)
    {
        var period = await query.LoadAsync<PeriodDetails>(periodId, cancellationToken);
        if (period is null)
        {
            return PeriodProblems.NotFound(periodId);
        }

        if (!clientApi.Value.IsConfigured)
        {
            return Results.Problem(statusCode: 503, title: "No client API configured", detail: "Set Recon:ClientApi:BaseUrl and Recon:ClientApi:ApiKey (see .env.example) to fetch jobs from the client's API.");
        }

        var metadata = EventMetadata.Of(httpContext);
        var fileName = $"client-api {period.Month}";
        var client = new ClientApiClient(httpClients.CreateClient(ClientApiOptions.HttpClientName), clientApi.Value);
        IReadOnlyList<ClientJobItem> items;
        try
        {
            items = await client.FetchMonthAsync(period.Month, cancellationToken);
        }
        catch (ClientApiException failure)
        {
            LogFetchFailed(logger, period.PeriodId, failure.Message);
            var batchId = await BatchIngestion.RecordFailureAsync(store, period, BatchSource.ClientApi, fileName, failure.Message, metadata, clock.GetUtcNow(), cancellationToken);
            var problem = Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "Client API failed",
                detail: failure.Message + " Nothing was ingested; the failure is recorded in the batch history. Retry the fetch when the API is back.",
                extensions: new Dictionary<string, object?> { ["batchId"] = batchId });
            return problem;
        }

        var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(items));
        await using (content)
        {
            var batch = new IncomingBatch(periodId, BatchSource.ClientApi, fileName, content);
            return await UploadEndpoints.Record(query, period, batch, ingestion.Value, (checksum, token) =>
                BatchIngestion.IngestClientItemsAsync(store, query, period, batch, checksum, items, ingestion.Value, metadata, clock.GetUtcNow(), token), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching client jobs for period {PeriodId} failed: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, Guid periodId, string reason);
}
