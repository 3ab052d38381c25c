using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Auth;
using Wolverine.Http;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Recon.Api.Operations;

/// <summary>A message that failed every retry (a run whose failure could not even be recorded, say); <c>Summary</c> is its stored body.</summary>
public sealed record DeadLetteredMessage(
    Guid Id,
    string MessageType,
    string? Summary,
    string ExceptionType,
    string ExceptionMessage,
    DateTimeOffset? FailedAt,
    bool ReplayRequested);

public sealed record DeadLetteredMessageList(IReadOnlyList<DeadLetteredMessage> Items);

/// <summary>
/// The dead-letter queue, for admins: what failed for good and why, and a replay that puts the message back in the
/// durable inbox (a replayed run resumes, or ends in RunFailed with its reason).
/// </summary>
public static class DeadLetteredMessagesEndpoints
{
    [WolverineGet("/api/admin/dead-letters", OperationId = "listDeadLetters")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Messages that failed every retry (dead-lettered), newest first")]
    public static async Task<DeadLetteredMessageList> List(IWolverineRuntime runtime, CancellationToken cancellationToken)
    {
        var found = await runtime.Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { Range = JasperFx.Core.TimeRange.AllTime() }, cancellationToken);
        var items = new List<DeadLetteredMessage>();
        foreach (var letter in found.Envelopes.OrderByDescending(letter => letter.SentAt))
        {
            items.Add(new DeadLetteredMessage(letter.Id, letter.MessageType, Body(letter.Envelope?.Data), letter.ExceptionType, letter.ExceptionMessage, letter.SentAt, letter.Replayable));
        }

        return new DeadLetteredMessageList(items);
    }

    /// <summary>The message as stored (Wolverine writes JSON): what it was about, e.g. <c>{"RunId":"…"}</c>.</summary>
    private static string? Body(byte[]? data)
    {
        if (data is not { Length: > 0 })
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(data);
        return text.Length > 2_000 ? text[..2_000] + "…" : text;
    }

    [WolverinePost("/api/admin/dead-letters/{id}/replay", OperationId = "replayDeadLetter")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Replay a dead-lettered message: it goes back to the durable inbox and is handled again")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Replay(Guid id, IWolverineRuntime runtime, CancellationToken cancellationToken)
    {
        var letters = runtime.Storage.DeadLetters;
        if (await letters.DeadLetterEnvelopeByIdAsync(id) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found", detail: $"No dead-lettered message has id {id}.");
        }

        await letters.ReplayAsync(new DeadLetterEnvelopeQuery { MessageIds = [id] }, cancellationToken);
        return Results.Accepted();
    }
}
