using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Marten;

namespace Recon.Api.Infrastructure;

/// <summary>The first response to a state-changing request sent with an <c>Idempotency-Key</c>, per key, user and route.</summary>
public sealed class IdempotencyRecord
{
    public string Id { get; set; } = string.Empty;

    public string User { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string Route { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public bool Completed { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Makes POST/PUT/PATCH/DELETE under /api safe to repeat: a request with an <c>Idempotency-Key</c> header is answered
/// once; a repeat with the same body gets the stored response again (header <c>Idempotent-Replayed: true</c>) and
/// changes nothing; a repeat with another body is refused (422); a repeat while the first still runs gets 409.
/// The key is reserved before the request runs; a server error releases it, so the request can be retried. Keys are
/// remembered for <see cref="KeptFor"/>.
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, IDocumentStore store, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    /// <summary>A reservation older than this whose request never finished (the process stopped) may be taken over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    /// <summary>How long a key is remembered: a repeat within this time gets the first response; later, it is a new request.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsStateChanging(request.Method) || !request.Path.StartsWithSegments("/api") || !request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid Idempotency-Key",
                detail: $"The {HeaderName} header must be 1 to {MaxKeyLength} characters.").ExecuteAsync(context);
            return;
        }

        var user = Actor.NameOf(context.User);
        var route = $"{request.Method} {request.Path}";
        request.EnableBuffering();
        var requestHash = Convert.ToHexString(await SHA256.HashDataAsync(request.Body, context.RequestAborted));
        request.Body.Position = 0;

        var record = new IdempotencyRecord
        {
            Id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user}\n{route}\n{key}"))),
            User = user,
            Key = key,
            Route = route,
            RequestHash = requestHash,
            CreatedAt = clock.GetUtcNow(),
        };

        if (!await ReserveAsync(record, context.RequestAborted))
        {
            await AnswerRepeatAsync(context, record);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await ReleaseAsync(record.Id);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            await ReleaseAsync(record.Id);
        }
        else
        {
            record.Completed = true;
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.Body = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
            await using var session = store.LightweightSession();
            session.Store(record);
            await session.SaveChangesAsync(CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private async Task<bool> ReserveAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.LightweightSession();
            // Forgetting the expired keys rides in the same round trip as the reservation (an index makes it cheap).
            var expiredBefore = record.CreatedAt - KeptFor;
            session.DeleteWhere<IdempotencyRecord>(kept => kept.CreatedAt < expiredBefore);
            session.Insert(record);
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord attempt)
    {
        await using var session = store.LightweightSession();
        var first = await session.LoadAsync<IdempotencyRecord>(attempt.Id, context.RequestAborted);
        if (first is null)
        {
            // Released in between (the first attempt failed): answer as in progress; the client retries.
            first = attempt;
        }
        else if (first.RequestHash != attempt.RequestHash)
        {
            LogKeyReused(logger, attempt.Key, attempt.User, attempt.Route);
            await Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: $"This {HeaderName} was used before with a different request body; use a new key for a new request.").ExecuteAsync(context);
            return;
        }
        else if (first.Completed)
        {
            context.Response.StatusCode = first.StatusCode;
            context.Response.Headers[ReplayedHeader] = "true";
            if (first.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType;
            }

            if (first.Location is { } location)
            {
                context.Response.Headers.Location = location;
            }

            await context.Response.Body.WriteAsync(Convert.FromBase64String(first.Body), context.RequestAborted);
            return;
        }
        else if (clock.GetUtcNow() - first.CreatedAt > AbandonedAfter)
        {
            session.Delete(first);
            await session.SaveChangesAsync(context.RequestAborted);
        }

        context.Response.Headers.RetryAfter = "1";
        await Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Request in progress",
            detail: $"A request with this {HeaderName} is still being processed; retry shortly to get its response.").ExecuteAsync(context);
    }

    private async Task ReleaseAsync(string id)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotencyRecord>(id);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency-Key {Key} reused by {User} on {Route} with a different body: refused")]
    private static partial void LogKeyReused(ILogger logger, string key, string user, string route);
}
