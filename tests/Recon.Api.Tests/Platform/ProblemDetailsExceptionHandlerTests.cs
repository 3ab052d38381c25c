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
