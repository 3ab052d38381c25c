using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Recon.Api.Periods;
using Recon.Domain.Ingestion;
using Wolverine.Http;

namespace Recon.Api.Ingestion;

/// <summary>Marks an endpoint whose body is a CSV file in the multipart field <c>file</c> (and optionally a JSON array).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CsvUploadAttribute : Attribute
{
    /// <summary>When set, the endpoint also takes an <c>application/json</c> array of this item type.</summary>
    public Type? JsonItemType { get; init; }
}

public static class UploadEndpoints
{
    [WolverinePost("/api/periods/{periodId}/ledger-lines", OperationId = "uploadLedgerLines")]
    [Tags("Ingestion")]
    [EndpointSummary("Upload the ERP's invoice lines (CSV) for a period")]
    [EndpointDescription("Multipart field `file`: a CSV with header invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date. Good rows are accepted, bad rows quarantined with line, field and reason. The same file again changes nothing (200, duplicate: true).")]
    [CsvUpload]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status201Created)]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> UploadLedgerLines(
        Guid periodId, HttpRequest request, IDocumentSession session, IOptions<IngestionOptions> options, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Upload(periodId, BatchSource.LedgerCsv, request, session, options.Value, clock, user, null, cancellationToken);

    [WolverinePost("/api/periods/{periodId}/client-jobs", OperationId = "uploadClientJobs")]
    [Tags("Ingestion")]
    [EndpointSummary("Upload the client's jobs (CSV file or JSON array) for a period")]
    [EndpointDescription("Multipart field `file`: a CSV with header job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email — or an application/json array of client-API job items. contact_email is personal data and is dropped on read.")]
    [CsvUpload(JsonItemType = typeof(ClientJobItem))]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status201Created)]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> UploadClientJobs(
        Guid periodId, HttpRequest request, IDocumentSession session, IOptions<IngestionOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Upload(periodId, BatchSource.ClientCsv, request, session, options.Value, clock, user, json.Value.SerializerOptions, cancellationToken);

    private static async Task<IResult> Upload(
        Guid periodId,
        BatchSource csvSource,
        HttpRequest request,
        IDocumentSession session,
        IngestionOptions options,
        TimeProvider clock,
        ClaimsPrincipal user,
        JsonSerializerOptions? jsonItems,
        CancellationToken cancellationToken)
    {
        var period = await session.LoadAsync<PeriodDetails>(periodId, cancellationToken);
        if (period is null)
        {
            return Results.Problem(statusCode: 404, title: "Period not found", detail: $"No period has id {periodId}.");
        }

        if (request.ContentLength > options.MaxFileBytes + UploadLimits.MultipartOverheadBytes)
        {
            return TooLarge(options);
        }

        try
        {
            var now = clock.GetUtcNow();
            var receivedBy = user.Identity?.Name ?? "anonymous";
            if (jsonItems is not null && request.HasJsonContentType())
            {
                await using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, cancellationToken);
                var items = JsonSerializer.Deserialize<List<ClientJobItem>>(body.ToArray(), jsonItems)
                    ?? throw new FileRefusedException("Empty body", "The JSON body is null; send an array of job items.");
                var batch = new IncomingBatch(periodId, BatchSource.ClientJson, "client-jobs.json", body, receivedBy);
                return await Record(session, period, batch, options, (checksum, token) =>
                    items.Count == 0
                        ? throw new FileRefusedException("Empty body", "The JSON array holds no job items.")
                        : BatchIngestion.IngestClientItemsAsync(session, period, batch, checksum, items, now, token), cancellationToken);
            }

            if (!request.HasFormContentType)
            {
                return Results.Problem(statusCode: 400, title: "No file", detail: jsonItems is null
                    ? "Send the CSV as multipart/form-data in the field 'file'."
                    : "Send the CSV as multipart/form-data in the field 'file', or the jobs as an application/json array.");
            }

            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return Results.Problem(statusCode: 400, title: "No file", detail: "The multipart field 'file' is missing.");
            }

            if (file.Length > options.MaxFileBytes)
            {
                return TooLarge(options);
            }

            if (file.Length == 0)
            {
                return Results.Problem(statusCode: 400, title: "Empty file", detail: $"{file.FileName} is empty.");
            }

            await using var content = file.OpenReadStream();
            var upload = new IncomingBatch(periodId, csvSource, Path.GetFileName(file.FileName), content, receivedBy);
            return await Record(session, period, upload, options, (checksum, token) =>
                BatchIngestion.IngestCsvAsync(session, period, upload, checksum, options, now, token), cancellationToken);
        }
        catch (FileRefusedException refused)
        {
            return Results.Problem(statusCode: 400, title: refused.Title, detail: refused.Message);
        }
    }

    /// <summary>Answers a batch already ingested with the same content, or ingests it and records its events.</summary>
    internal static async Task<IResult> Record(
        IDocumentSession session,
        PeriodDetails period,
        IncomingBatch batch,
        IngestionOptions options,
        Func<string, CancellationToken, Task<(Guid BatchId, IReadOnlyList<object> Events)>> ingest,
        CancellationToken cancellationToken)
    {
        var checksum = await BatchIngestion.ChecksumAsync(batch.Content, cancellationToken);
        if (await BatchIngestion.FindDuplicateAsync(session, period.PeriodId, checksum, cancellationToken) is { } duplicate)
        {
            var earlierRejections = await BatchIngestion.RejectedRowsAsync(session, duplicate.BatchId, cancellationToken);
            return TypedResults.Ok(IngestionResult.From(duplicate, earlierRejections, options.MaxErrorsInResponse, duplicate: true));
        }

        var (batchId, events) = await ingest(checksum, cancellationToken);
        session.Events.StartStream(batchId, events);
        var summary = BatchSummaryProjection.Apply(events.OfType<BatchCompleted>().Single(), BatchSummaryProjection.Create((BatchReceived)events[0]));
        var rejected = events.OfType<RowsQuarantined>().SelectMany(chunk => chunk.Rows);
        return TypedResults.Created($"/api/batches/{batchId}", IngestionResult.From(summary, rejected, options.MaxErrorsInResponse, duplicate: false));
    }

    private static IResult TooLarge(IngestionOptions options) =>
        Results.Problem(statusCode: 400, title: "File too large", detail: $"The upload exceeds the {UploadLimits.Describe(options.MaxFileBytes)} limit (Recon:Ingestion:MaxFileBytes).");
}

public static class UploadLimits
{
    /// <summary>Room for multipart boundaries and headers around the file itself.</summary>
    public const long MultipartOverheadBytes = 1024 * 1024;

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";
}
