using System.Security.Claims;
using FluentValidation;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Auth;
using Recon.Api.Infrastructure;
using Recon.Domain;
using Recon.Domain.Access;
using Recon.Domain.Ingestion;
using Recon.Domain.Review;
using Wolverine.Http;

namespace Recon.Api.Review;

/// <summary>What a decision did: applied now, or waiting for an approver; and the exception as it is now.</summary>
public sealed record DecisionResult(string Outcome, Guid? DecisionId, ReviewItemView Exception);

public sealed record AcceptRequest(int ExpectedVersion, string? Comment);

public sealed record OverrideCategoryRequest(int ExpectedVersion, string Category, string ReasonCode, string Comment);

public sealed record LinkRequest(int ExpectedVersion, IReadOnlyList<string> ClientJobIds, IReadOnlyList<string> LedgerLineIds, string? Comment);

public sealed record UnlinkRequest(int ExpectedVersion, string? Comment);

public sealed record ResolveRequest(int ExpectedVersion, string ReasonCode, string? Comment);

public sealed record ReopenRequest(int ExpectedVersion, string? Comment);

public sealed record AssignRequest(int ExpectedVersion, string Assignee);

public sealed record UnassignRequest(int ExpectedVersion);

public sealed record CommentRequest(int? ExpectedVersion, string Text);

public sealed record ApproveRequest(string? Comment);

public sealed record RejectRequest(string Reason);

/// <summary>Validation shared by the decision requests: versions, reason codes, comment lengths.</summary>
public static class DecisionRules
{
    public const int MaxComment = 2000;

    public static readonly string[] ResolutionReasons = Enum.GetValues<ResolutionReason>().Select(ReviewDecider.JsonName).ToArray();

    public static readonly string[] OverrideReasons = Enum.GetValues<OverrideReason>().Select(ReviewDecider.JsonName).ToArray();

    public static T? Parse<T>(string? text)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(value => string.Equals(ReviewDecider.JsonName(value!.Value), text, StringComparison.Ordinal));

    public static void Version<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int>> version) =>
        validator.RuleFor(version).GreaterThan(0).WithMessage("ExpectedVersion is required: send the exception's version as you last read it.");

    public static void Comment<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> comment) =>
        validator.RuleFor(comment).MaximumLength(MaxComment).WithMessage($"Comment must be at most {MaxComment} characters.");
}

public static class DecisionValidators
{
    public sealed class Accept : AbstractValidator<AcceptRequest>
    {
        public Accept()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            DecisionRules.Comment(this, x => x.Comment);
        }
    }

    public sealed class Override : AbstractValidator<OverrideCategoryRequest>
    {
        public Override()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            RuleFor(x => x.Category).NotEmpty().WithMessage("Category is required.");
            RuleFor(x => x.ReasonCode).Must(code => DecisionRules.OverrideReasons.Contains(code))
                .WithMessage($"ReasonCode must be one of: {string.Join(", ", DecisionRules.OverrideReasons)}.");
            RuleFor(x => x.Comment).NotEmpty().WithMessage("Comment is required: say why the category is wrong.");
            DecisionRules.Comment(this, x => x.Comment);
        }
    }

    public sealed class Link : AbstractValidator<LinkRequest>
    {
        public Link()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            RuleFor(x => x.ClientJobIds).NotEmpty().WithMessage("ClientJobIds needs at least one job id.");
            RuleFor(x => x.LedgerLineIds).NotEmpty().WithMessage("LedgerLineIds needs at least one ledger line id.");
            RuleFor(x => x.ClientJobIds.Count + x.LedgerLineIds.Count).LessThanOrEqualTo(100).When(x => x.ClientJobIds is not null && x.LedgerLineIds is not null)
                .WithMessage("A manual match links at most 100 records.");
            DecisionRules.Comment(this, x => x.Comment);
        }
    }

    public sealed class Unlink : AbstractValidator<UnlinkRequest>
    {
        public Unlink()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            DecisionRules.Comment(this, x => x.Comment);
        }
    }

    public sealed class Resolve : AbstractValidator<ResolveRequest>
    {
        public Resolve()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            RuleFor(x => x.ReasonCode).Must(code => DecisionRules.ResolutionReasons.Contains(code))
                .WithMessage($"ReasonCode must be one of: {string.Join(", ", DecisionRules.ResolutionReasons)}.");
            DecisionRules.Comment(this, x => x.Comment);
        }
    }

    public sealed class Reopen : AbstractValidator<ReopenRequest>
    {
        public Reopen()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            DecisionRules.Comment(this, x => x.Comment);
        }
    }

    public sealed class Assign : AbstractValidator<AssignRequest>
    {
        public Assign()
        {
            DecisionRules.Version(this, x => x.ExpectedVersion);
            RuleFor(x => x.Assignee).NotEmpty().WithMessage("Assignee is required.").MaximumLength(100).WithMessage("Assignee must be at most 100 characters.");
        }
    }

    public sealed class Unassign : AbstractValidator<UnassignRequest>
    {
        public Unassign() => DecisionRules.Version(this, x => x.ExpectedVersion);
    }

    public sealed class Comment : AbstractValidator<CommentRequest>
    {
        public Comment()
        {
            RuleFor(x => x.ExpectedVersion).GreaterThan(0).When(x => x.ExpectedVersion is not null).WithMessage("ExpectedVersion must be a version the exception had.");
            RuleFor(x => x.Text).NotEmpty().WithMessage("Text is required.").MaximumLength(DecisionRules.MaxComment).WithMessage($"Text must be at most {DecisionRules.MaxComment} characters.");
        }
    }

    public sealed class Reject : AbstractValidator<RejectRequest>
    {
        public Reject() =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Reason is required: tell the maker why.").MaximumLength(DecisionRules.MaxComment).WithMessage($"Reason must be at most {DecisionRules.MaxComment} characters.");
    }

    public sealed class Approve : AbstractValidator<ApproveRequest>
    {
        public Approve() => DecisionRules.Comment(this, x => x.Comment);
    }
}

/// <summary>
/// Applies one decision to one case: load the case for writing, check the caller's expected version, ask the pure
/// decider, append its events. A stale version or a concurrent writer gets 409 with the current state; nothing is applied.
/// </summary>
public static class CaseDecisions
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done(DecisionResult Result) : Outcome;

        public sealed record Stale(ReviewItemView? Current) : Outcome;

        public sealed record Refused(Rejection Rejection) : Outcome;
    }

    public static async Task<Outcome> DecideAsync(
        IDocumentSession session, Guid exceptionId, int? expectedVersion, CaseCommand command, DecisionMaker actor, ClientAccess clients, ReviewPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ReconClaims.StampOn(session, actor);
        var stream = await session.Events.FetchForWriting<ReviewCase>(exceptionId, cancellationToken);
        // Another client's exception is answered exactly as one that does not exist.
        if (stream.Aggregate is null || !clients.Allows(stream.Aggregate.Exception.ClientId))
        {
            return new Outcome.Refused(new Rejection(RejectionKind.NotFound, "Exception not found", $"No exception has id {exceptionId}.", "not-found"));
        }

        if (expectedVersion is { } expected && expected != stream.CurrentVersion)
        {
            return new Outcome.Stale(await CurrentAsync(session, exceptionId, cancellationToken));
        }

        var decision = ReviewDecider.Decide(stream.Aggregate, command, actor, policy, now, Guid.CreateVersion7(now));
        var (events, outcome, decisionId) = decision switch
        {
            CaseDecision.Applied applied => (applied.Events, "applied", (Guid?)null),
            CaseDecision.PendingApproval pending => (pending.Events, "pendingApproval", pending.DecisionId),
            CaseDecision.Refused refused => ([], string.Empty, null),
            _ => throw new InvalidOperationException("Unknown decision."),
        };
        if (decision is CaseDecision.Refused { Rejection: var rejection })
        {
            return new Outcome.Refused(rejection);
        }

        stream.AppendMany(events.Cast<object>().ToArray());
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return new Outcome.Stale(await CurrentAsync(session, exceptionId, cancellationToken));
        }

        var item = await session.LoadAsync<ReviewItem>(exceptionId, cancellationToken)
            ?? throw new InvalidOperationException($"Exception {exceptionId} has no review item after a decision.");
        return new Outcome.Done(new DecisionResult(outcome, decisionId, ReviewItemView.Of(item)));
    }

    public static IResult ToResult(Outcome outcome) => outcome switch
    {
        Outcome.Done done => TypedResults.Ok(done.Result),
        Outcome.Stale stale => Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The exception has changed",
            detail: "Someone changed this exception since you read it (its version moved on). Nothing was applied; here is its current state.",
            extensions: new Dictionary<string, object?> { ["code"] = "stale-version", ["current"] = stale.Current }),
        Outcome.Refused refused => refused.Rejection.ToProblem(),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private static async Task<ReviewItemView?> CurrentAsync(IQuerySession session, Guid exceptionId, CancellationToken cancellationToken)
    {
        await using var fresh = session.DocumentStore.QuerySession();
        return await fresh.LoadAsync<ReviewItem>(exceptionId, cancellationToken) is { } item ? ReviewItemView.Of(item) : null;
    }
}

/// <summary>Exceptions are assigned to people who can work them: existing, enabled users who may see the client.</summary>
public static class Assignees
{
    /// <summary>Why the user cannot take the work (a 422), or null; given the exception's client, the user must be allowed to see it.</summary>
    public static async Task<IResult?> UnknownAsync(IQuerySession session, string assignee, CancellationToken cancellationToken, string? clientId = null)
    {
        var name = assignee.Trim();
        var account = Domain.Access.UserDecider.IsValidUserName(name)
            ? await session.LoadAsync<UserAccount>(Domain.Access.UserDecider.UserIdFor(name), cancellationToken)
            : null;
        var detail = account switch
        {
            null => $"assignee: no user is called '{name}'.",
            { Disabled: true } => $"assignee: {name} is disabled and cannot be assigned work.",
            _ when clientId is not null && !account.State.ClientAccess.Allows(clientId) => $"assignee: {name} may not see client '{clientId}' and cannot be assigned its exceptions.",
            _ => null,
        };
        return detail is null
            ? null
            : Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Unknown assignee",
                detail: detail,
                extensions: new Dictionary<string, object?> { ["code"] = "unknown-assignee", ["field"] = "assignee" });
    }
}

public static class DecisionEndpoints
{
    [WolverinePost("/api/exceptions/{exceptionId}/accept", OperationId = "acceptException")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Accept the engine's category and suggestion: the exception is resolved (or awaits an approver above the threshold)")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Accept(Guid exceptionId, AcceptRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new AcceptSuggestion(request.Comment), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/override-category", OperationId = "overrideExceptionCategory")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Name another category for the exception, with a reason code and a comment")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Override(Guid exceptionId, OverrideCategoryRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new OverrideCategory(request.Category, DecisionRules.Parse<OverrideReason>(request.ReasonCode)!.Value, request.Comment), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/link", OperationId = "linkExceptionRecords")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Link client jobs and ledger lines of the period by hand (a manual match); resolves the exception")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Link(Guid exceptionId, LinkRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await session.LoadAsync<ReviewItem>(exceptionId, cancellationToken);
        if (item is not null && await UnknownRecordsAsync(session, item.PeriodId, request, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        return await Run(session, exceptionId, request.ExpectedVersion, new LinkRecords(request.ClientJobIds, request.LedgerLineIds, request.Comment), user, policy, clock, cancellationToken);
    }

    [WolverinePost("/api/exceptions/{exceptionId}/unlink", OperationId = "unlinkExceptionMatch")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Break the exception's match: the records are unpaired and the exception is open again")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Unlink(Guid exceptionId, UnlinkRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new UnlinkMatch(request.Comment), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/resolve", OperationId = "resolveException")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Resolve the exception with a reason code (billingCorrected, creditIssued, clientDispute, writeOff, timingDifference, other)")]
    [EndpointDescription("Write-offs, and any closing decision on an exception whose impact is above the approval threshold, wait for an approver (outcome pendingApproval).")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Resolve(Guid exceptionId, ResolveRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new ResolveCase(DecisionRules.Parse<ResolutionReason>(request.ReasonCode)!.Value, request.Comment), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/reopen", OperationId = "reopenException")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Open a resolved or auto-resolved exception again")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Reopen(Guid exceptionId, ReopenRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new ReopenCase(request.Comment), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/assign", OperationId = "assignException")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Assign the exception to a user")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Assign(Guid exceptionId, AssignRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Assignees.UnknownAsync(session, request.Assignee, cancellationToken, (await session.LoadAsync<ReviewItem>(exceptionId, cancellationToken))?.ClientId)
        ?? await Run(session, exceptionId, request.ExpectedVersion, new AssignCase(request.Assignee.Trim()), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/unassign", OperationId = "unassignException")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Take the exception off its assignee")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Unassign(Guid exceptionId, UnassignRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new UnassignCase(), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/comments", OperationId = "commentOnException")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Comment on the exception (expectedVersion optional)")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static Task<IResult> Comment(Guid exceptionId, CommentRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, request.ExpectedVersion, new CommentOnCase(request.Text), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/approvals/{decisionId}/approve", OperationId = "approveDecision")]
    [Authorize(Policy = Policies.Approve)]
    [Tags("Approvals")]
    [EndpointSummary("Approve a pending decision made by someone else: it takes effect")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Approve(Guid exceptionId, Guid decisionId, ApproveRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, null, new ApproveDecision(decisionId, request.Comment), user, policy, clock, cancellationToken);

    [WolverinePost("/api/exceptions/{exceptionId}/approvals/{decisionId}/reject", OperationId = "rejectDecision")]
    [Authorize(Policy = Policies.Approve)]
    [Tags("Approvals")]
    [EndpointSummary("Reject a pending decision made by someone else, with a reason: the exception is back where it was")]
    [ProducesResponseType<DecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static Task<IResult> Reject(Guid exceptionId, Guid decisionId, RejectRequest request, IDocumentSession session, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Run(session, exceptionId, null, new RejectDecision(decisionId, request.Reason), user, policy, clock, cancellationToken);

    private static async Task<IResult> Run(
        IDocumentSession session, Guid exceptionId, int? expectedVersion, CaseCommand command, ClaimsPrincipal user, ReviewPolicy policy, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseDecisions.ToResult(await CaseDecisions.DecideAsync(session, exceptionId, expectedVersion, command, ReconClaims.DecisionMakerOf(user), ReconClaims.ClientAccessOf(user), policy, clock.GetUtcNow(), cancellationToken));

    /// <summary>A manual match may only name records ingested into the exception's period.</summary>
    private static async Task<IResult?> UnknownRecordsAsync(IQuerySession session, Guid periodId, LinkRequest request, CancellationToken cancellationToken)
    {
        foreach (var (source, ids, field) in new[] { (RecordSource.ClientJobs, request.ClientJobIds, "clientJobIds"), (RecordSource.LedgerLines, request.LedgerLineIds, "ledgerLineIds") })
        {
            var known = await CaseRecords.KnownIdsAsync(session, periodId, source, ids, cancellationToken);
            var missing = ids.Where(id => !known.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Unknown records",
                    detail: $"{field}: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not a record of this exception's period.",
                    extensions: new Dictionary<string, object?> { ["code"] = "unknown-records", ["field"] = field, ["ids"] = missing });
            }
        }

        return null;
    }
}
