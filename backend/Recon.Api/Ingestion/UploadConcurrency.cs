using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Recon.Api.Ingestion;

/// <summary>
/// At most <see cref="IngestionOptions.MaxConcurrentUploads"/> uploads or client-API fetches are ingested at once
/// (each holds a database transaction and up to two pooled connections); one more is refused at once with 429 and
/// Retry-After instead of queueing on the connection pool, so sign-in, reads and readiness stay unaffected.
/// </summary>
public static class UploadConcurrency
{
    public const string Policy = "uploads";

    /// <summary>What a refused upload is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IServiceCollection AddUploadConcurrency(this IServiceCollection services, int maxConcurrentUploads) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddConcurrencyLimiter(Policy, concurrency =>
            {
                concurrency.PermitLimit = maxConcurrentUploads;
                concurrency.QueueLimit = 0;
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many uploads at once",
                    detail: $"{maxConcurrentUploads} uploads are being ingested already (Recon:Ingestion:MaxConcurrentUploads). Send this one again in {RetryAfterSeconds} seconds.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
}
