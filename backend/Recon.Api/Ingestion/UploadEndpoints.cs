using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
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
    [EnableRateLimiting(UploadConcurrency.Policy)]
    [Tags("Ingestion")]
    [EndpointSummary("Upload the ERP's invoice lines (CSV) for a period")]
    [EndpointDescription("Multipart field `file`: a CSV with header invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date. Good rows are accepted, bad rows quarantined with line, field and reason. The same file again changes nothing (200, duplicate: true).")]
    [CsvUpload]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status201Created)]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public static Task<IResult> UploadLedgerLines(
        Guid periodId, HttpRequest request, IDocumentStore store, IQuerySession query, IOptions<IngestionOptions> options, TimeProvider clock, CancellationToken cancellationToken) =>
        Upload(periodId, BatchSource.LedgerCsv, request, store, query, options.Value, clock, null, cancellationToken);

    [WolverinePost("/api/periods/{periodId}/client-jobs", OperationId = "uploadClientJobs")]
    [EnableRateLimiting(UploadConcurrency.Policy)]
    [Tags("Ingestion")]
    [EndpointSummary("Upload the client's jobs (CSV file or JSON array) for a period")]
    [EndpointDescription("Multipart field `file`: a CSV with header job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email — or an application/json array of client-API job items. contact_email is personal data and is dropped on read.")]
    [CsvUpload(JsonItemType = typeof(ClientJobItem))]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status201Created)]
    [ProducesResponseType<IngestionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public static Task<IResult> UploadClientJobs(
        Guid periodId, HttpRequest request, IDocumentStore store, IQuerySession query, IOptions<IngestionOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, CancellationToken cancellationToken) =>
        Upload(periodId, BatchSource.ClientCsv, request, store, query, options.Value, clock, json.Value.SerializerOptions, cancellationToken);

    private static async Task<IResult> Upload(
        Guid periodId,
        BatchSource csvSource,
        HttpRequest request,
        IDocumentStore store,
        IQuerySession query,
        IngestionOptions options,
        TimeProvider clock,
        JsonSerializerOptions? jsonItems,
        CancellationToken cancellationToken)
    {
        var period = await query.LoadAsync<PeriodDetails>(periodId, cancellationToken);
        if (period is null)
        {
            return PeriodProblems.NotFound(periodId);
        }

        if (request.ContentLength > options.MaxFileBytes + UploadLimits.MultipartOverheadBytes)
        {
            return TooLarge(options);
        }

        try
        {
            var now = clock.GetUtcNow();
            var metadata = EventMetadata.Of(request.HttpContext);
            if (jsonItems is not null && request.HasJsonContentType())
            {
                await using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, cancellationToken);
                var items = JsonSerializer.Deserialize<List<ClientJobItem>>(body.ToArray(), jsonItems)
                    ?? throw new FileRefusedException("Empty body", "The JSON body is null; send an array of job items.");
                if (items.Count == 0)
                {
                    throw new FileRefusedException("Empty body", "The JSON array holds no job items.");
                }

                var batch = new IncomingBatch(periodId, BatchSource.ClientJson, "client-jobs.json", body);
                return await Record(query, period, batch, options, (checksum, token) =>
                    BatchIngestion.IngestClientItemsAsync(store, query, period, batch, checksum, items, options, metadata, now, token), cancellationToken);
            }

            if (!request.HasFormContentType)
            {
                return Results.Problem(statusCode: 400, title: "No file", detail: jsonItems is null
                    ? "Send the CSV as multipart/form-data in the field 'file'."
                    : "Send the CSV as multipart/form-data in the field 'file', or the jobs as an application/json array.");
            }

            var form = await request.ReadFormAsync(cancellationToken);
            var files = form.Files.GetFiles("file");
            if (files.Count == 0)
            {
                return Results.Problem(statusCode: 400, title: "No file", detail: "The multipart field 'file' is missing.");
            }

            if (files.Count > 1 || form.Files.Count > 1)
            {
                // Which one was meant? Ingesting one and ignoring the others would lose data without saying so.
                return Results.Problem(statusCode: 400, title: "More than one file", detail: $"The request holds {form.Files.Count} files ({string.Join(", ", form.Files.Select(f => $"'{f.Name}': {Path.GetFileName(f.FileName)}"))}); send one file, in the field 'file', per upload.");
            }

            var file = files[0];

            if (file.Length > options.MaxFileBytes)
            {
                return TooLarge(options);
            }

            if (file.Length == 0)
            {
                return Results.Problem(statusCode: 400, title: "Empty file", detail: $"{file.FileName} is empty.");
            }

            await using var content = file.OpenReadStream();
            var upload = new IncomingBatch(periodId, csvSource, Path.GetFileName(file.FileName), content);
            return await Record(query, period, upload, options, (checksum, token) =>
                BatchIngestion.IngestCsvAsync(store, query, period, upload, checksum, options, metadata, now, token), cancellationToken);
        }
        catch (FileRefusedException refused)
        {
            return Results.Problem(statusCode: 400, title: refused.Title, detail: refused.Message);
        }
    }

    /// <summary>Answers a batch already ingested with the same content, or ingests this one.</summary>
    internal static async Task<IResult> Record(
        IQuerySession query,
        PeriodDetails period,
        IncomingBatch batch,
        IngestionOptions options,
        Func<string, CancellationToken, Task<BatchOutcome>> ingest,
        CancellationToken cancellationToken)
    {
        var checksum = await BatchIngestion.ChecksumAsync(batch.Content, cancellationToken);
        if (await BatchIngestion.FindDuplicateAsync(query, period.PeriodId, checksum, cancellationToken) is { } duplicate)
        {
            return await DuplicateOf(query, duplicate, options, cancellationToken);
        }

        try
        {
            var outcome = await ingest(checksum, cancellationToken);
            return TypedResults.Created(
                $"/api/batches/{outcome.Summary.BatchId}",
                IngestionResult.From(outcome.Summary, outcome.FirstErrors, options.MaxErrorsInResponse, duplicate: false));
        }
        catch (DuplicateBatchException raced)
        {
            return await DuplicateOf(query, raced.Duplicate, options, cancellationToken);
        }
    }

    private static async Task<IResult> DuplicateOf(IQuerySession query, BatchSummary duplicate, IngestionOptions options, CancellationToken cancellationToken)
    {
        var earlierRejections = await BatchIngestion.RejectedRowsAsync(query, duplicate.BatchId, cancellationToken);
        return TypedResults.Ok(IngestionResult.From(duplicate, earlierRejections.SelectMany(row => row.Errors), options.MaxErrorsInResponse, duplicate: true));
    }

    private static IResult TooLarge(IngestionOptions options) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large", detail: $"The upload exceeds the {UploadLimits.Describe(options.MaxFileBytes)} limit (Recon:Ingestion:MaxFileBytes).");
}

public static class UploadLimits
{
    /// <summary>Room for multipart boundaries and headers around the file itself.</summary>
    public const long MultipartOverheadBytes = 1024 * 1024;

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";
}
