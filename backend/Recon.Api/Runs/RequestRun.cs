using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Recon.Api.Infrastructure;
using Recon.Api.Periods;
using Recon.Domain;
using Recon.Domain.Periods;
using Recon.Domain.Runs;
using Wolverine;
using Wolverine.Http;

namespace Recon.Api.Runs;

public sealed record RunAccepted(Guid RunId);

public static class RequestRunEndpoint
{
    [WolverinePost("/api/periods/{periodId}/runs", OperationId = "requestRun")]
    [Tags("Runs")]
    [EndpointSummary("Reconcile a period")]
    [EndpointDescription("Queues a reconciliation run of the period's records as they are now (its completed batches). The run executes in the background through a durable message: it survives a restart, is retried on transient faults and is never done twice. Poll GET /api/runs/{runId} for its status. Refused with 409 while another run of the period is queued or running (concurrent requests are serialised per period: exactly one is accepted), and with 503 + Retry-After when Recon:Runs:MaxQueued runs are waiting already.")]
    [ProducesResponseType<RunAccepted>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public static async Task<IResult> Post(
        Guid periodId,
        IDocumentSession session,
        IMessageBus bus,
        TimeProvider clock,
        ClaimsPrincipal user,
        IOptions<RunQueueOptions> queue,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        // Two requests for one period queue here; the second then sees the first's run (10 at once: one 202, nine 409).
        await AdvisoryLocks.LockAsync(session, AdvisoryLocks.RunRequests(periodId), cancellationToken);
        var period = await session.Events.FetchLatest<Period>(periodId, cancellationToken);
        if (period is null)
        {
            return PeriodProblems.NotFound(periodId);
        }

        var active = await session.Query<RunSummary>()
            .Where(run => run.PeriodId == periodId && (run.Status == RunStatus.Queued || run.Status == RunStatus.Running))
            .ToListAsync(cancellationToken);
        if (active.Count == 0 && await session.Query<RunSummary>().CountAsync(run => run.Status == RunStatus.Queued || run.Status == RunStatus.Running, cancellationToken) >= queue.Value.MaxQueued)
        {
            context.Response.Headers.RetryAfter = RunQueueOptions.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Too many runs waiting",
                detail: $"{queue.Value.MaxQueued} runs are queued or running already (Recon:Runs:MaxQueued); request this one again in {RunQueueOptions.RetryAfterSeconds} seconds.");
        }

        var now = clock.GetUtcNow();
        switch (RunDecider.Request(period, active.Select(run => new Run(run.RunId, run.PeriodId, run.Status, null)).ToList(), Guid.CreateVersion7(now), Actor.NameOf(user), now))
        {
            case Decision<RunRequested>.Accepted(var requested):
                session.Events.StartStream<Run>(requested.RunId, requested);
                session.Store(new RunProgress { Id = requested.RunId, Phase = "queued", Progress = 0m });

                // Sent through the Marten outbox: persisted in this transaction, delivered after it commits.
                await bus.PublishAsync(new ExecuteRun(requested.RunId));
                return TypedResults.Accepted($"/api/runs/{requested.RunId}", new RunAccepted(requested.RunId));
            case Decision<RunRequested>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }
}
