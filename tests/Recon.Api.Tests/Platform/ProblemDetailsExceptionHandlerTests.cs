using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Recon.Api.Infrastructure;

namespace Recon.Api.Tests.Platform;

public class when_an_endpoint_throws
{
    [Fact]
    public async Task an_unexpected_exception_becomes_a_500_problem_with_no_stack_trace_or_message()
    {
        var (context, body) = await Handle(new InvalidOperationException("connection string Password=hunter2 leaked"));

        context.Response.StatusCode.ShouldBe(500);
        body.GetProperty("title").GetString().ShouldBe("Unexpected error");
        body.ToString().ShouldNotContain("hunter2");
        body.ToString().ShouldNotContain("InvalidOperationException");
        body.GetProperty("detail").GetString()!.ShouldContain("corr-1");
    }

    [Fact]
    public async Task a_lost_race_to_create_a_stream_becomes_a_409_problem()
    {
        var (context, _) = await Handle(new Marten.Exceptions.ExistingStreamIdCollisionException(Guid.NewGuid(), typeof(object)));

        context.Response.StatusCode.ShouldBe(409);
    }

    public static TheoryData<Exception> DatabaseUnavailable => new()
    {
        new Npgsql.NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 8) or 'Timeout' (currently 15 seconds)", new TimeoutException()),
        new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:1", new System.Net.Sockets.SocketException(111)),
        new Npgsql.NpgsqlException("Exception while reading from stream", new IOException("connection reset")),
        new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.AdminShutdown),
        new Npgsql.PostgresException("too many connections for database \"recon\"", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.TooManyConnections),
        new Npgsql.PostgresException("the database system is starting up", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.CannotConnectNow),
        new Marten.Exceptions.MartenCommandException(
            new Npgsql.NpgsqlCommand("select 1"),
            new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.AdminShutdown)),
        new InvalidOperationException("wrapped", new Npgsql.NpgsqlException("Exception while writing to stream", new IOException("broken pipe"))),
    };

    [Theory]
    [MemberData(nameof(DatabaseUnavailable))]
    public async Task a_database_that_cannot_serve_now_is_a_503_with_retry_after(Exception exception)
    {
        var (context, body) = await Handle(exception);

        context.Response.StatusCode.ShouldBe(503);
        context.Response.Headers.RetryAfter.ToString().ShouldBe("5");
        body.GetProperty("title").GetString().ShouldBe("Database unavailable");
        body.ToString().ShouldNotContain("127.0.0.1");
        body.ToString().ShouldNotContain("Npgsql");
    }

    [Fact]
    public async Task a_request_the_database_refused_is_still_a_500()
    {
        var (context, _) = await Handle(new Npgsql.PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021"));

        context.Response.StatusCode.ShouldBe(500);
        context.Response.Headers.RetryAfter.ToString().ShouldBeEmpty();
    }

    private static async Task<(HttpContext Context, JsonElement Body)> Handle(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "corr-1" };
        context.Request.Method = "POST";
        context.Request.Path = "/api/periods";
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<ProblemDetailsExceptionHandler>.Instance);

        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).ShouldBeTrue();

        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return (context, document.RootElement.Clone());
    }
}
