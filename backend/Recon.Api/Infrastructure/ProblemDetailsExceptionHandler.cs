using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Recon.Api.Infrastructure;

/// <summary>
/// The one place where an unhandled exception becomes a response: always ProblemDetails, never a stack trace.
/// Concurrency losses become 409, unreadable requests 400, oversized ones 413, an unreachable or overloaded database
/// 503 with Retry-After, anything else 500 with the correlation id to quote.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Already exists",
                Detail = "Another request created the same record a moment ago.",
            },
            ConcurrencyException or EventStreamUnexpectedMaxEventIdException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Concurrent change",
                Detail = "The record was changed by another request; reload it and try again.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request too large",
                Detail = httpContext.Features.Get<RequestBodyLimit>()?.Describe() ?? "The request body is larger than this route accepts; nothing was stored.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Unreadable request",
                Detail = bad.Message,
            },
            System.Text.Json.JsonException json => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed JSON",
                Detail = JsonInput.Describe(json),
            },
            _ when DatabaseFaults.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The database could not be reached or is overloaded; nothing was changed. Try again in {DatabaseFaults.RetryAfterSeconds} seconds.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Unexpected error",
                Detail = $"The server could not complete the request. Quote correlation id {httpContext.TraceIdentifier} when reporting it.",
            },
        };

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDatabaseUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception.Message);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable on {Method} {Path}: answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, int? status, string reason);
}
