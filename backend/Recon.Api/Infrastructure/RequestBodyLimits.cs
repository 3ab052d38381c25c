using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Recon.Api.Ingestion;

namespace Recon.Api.Infrastructure;

/// <summary>Gives one route a request-body limit of its own instead of <c>Recon:Http:MaxRequestBodyBytes</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodyLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}

/// <summary>The body limit of the current request and the setting it comes from (null: fixed in code).</summary>
public sealed record RequestBodyLimit(long Bytes, string? Setting)
{
    public string Describe() =>
        $"The request body is larger than the {UploadLimits.Describe(Bytes)} this route accepts{(Setting is null ? "" : $" ({Setting})")}; nothing was stored.";
}

/// <summary>
/// A request-body limit per route (ADR 0009): uploads (<see cref="CsvUploadAttribute"/> endpoints) may send the
/// configured file size, a route with <see cref="RequestBodyLimitAttribute"/> its own, every other route
/// <c>Recon:Http:MaxRequestBodyBytes</c>. A declared length over the limit is refused at once (413) without reading
/// a byte; a body without one is counted as it is read and cut off at the limit, so no route buffers more than it
/// accepts. Kestrel's own limit is set just above it, as a second guard at the transport.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, HttpSettings settings, IOptions<IngestionOptions> ingestion)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = LimitOf(context.GetEndpoint());
        context.Features.Set(limit);
        if (context.Request.ContentLength > limit.Bytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: limit.Describe())
                .ExecuteAsync(context);
            return;
        }

        // One byte above ours, so the counting stream (whose 413 names the setting) speaks first and Kestrel stays the last guard.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } transport)
        {
            transport.MaxRequestBodySize = limit.Bytes + 1;
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        await next(context);
    }

    private RequestBodyLimit LimitOf(Endpoint? endpoint)
    {
        if (endpoint?.Metadata.GetMetadata<CsvUploadAttribute>() is not null)
        {
            return new RequestBodyLimit(ingestion.Value.MaxFileBytes + UploadLimits.MultipartOverheadBytes, $"{IngestionOptions.Section}:MaxFileBytes");
        }

        return endpoint?.Metadata.GetMetadata<RequestBodyLimitAttribute>() is { } own
            ? new RequestBodyLimit(own.Bytes, null)
            : new RequestBodyLimit(settings.MaxRequestBodyBytes, $"{HttpSettings.Section}:MaxRequestBodyBytes");
    }

    /// <summary>Reads through to the request body and fails with a 413 as soon as more than the limit has arrived.</summary>
    private sealed class LimitedReadStream(Stream inner, RequestBodyLimit limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(Room(buffer), cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>Never asks for more than one byte past the limit, so an oversized body is cut off at the limit.</summary>
        private Memory<byte> Room(Memory<byte> buffer) =>
            buffer.Length > limit.Bytes - _read + 1 ? buffer[..(int)Math.Max(1, limit.Bytes - _read + 1)] : buffer;

        private int Count(int read)
        {
            _read += read;
            return _read > limit.Bytes
                ? throw new BadHttpRequestException(limit.Describe(), StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
