using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Auth;
using Recon.Domain.Review;
using Wolverine.Http;

namespace Recon.Api.Review;

/// <summary>The decision applied to every selected exception.</summary>
public sealed record BulkDecision(string Kind, string? ReasonCode, string? Category, string? Assignee, string? Comment);

/// <summary>The queue filters, as a bulk selection.</summary>
public sealed class BulkFilter : ReviewQueueFilter
{
    public sealed class Validator : AbstractValidator<BulkFilter>
    {
        public Validator() => AddRules(this);
    }
}

/// <summary>A decision for many exceptions: the listed ids, or every exception the filter selects (at most 1,000).</summary>
public sealed record BulkDecisionRequest(IReadOnlyList<Guid>? ExceptionIds, BulkFilter? Filter, BulkDecision Decision)
{
    public const int MaxItems = 1000;

    public static readonly string[] Kinds = ["accept", "resolve", "overrideCategory", "reopen", "assign", "unassign", "comment"];

    public sealed class Validator : AbstractValidator<BulkDecisionRequest>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => (x.ExceptionIds is { Count: > 0 }) ^ (x.Filter is not null))
                .WithName("exceptionIds").WithMessage("Select exceptions either by exceptionIds (at least one) or by filter, not both.");
            RuleFor(x => x.ExceptionIds).Must(ids => ids is null || ids.Count <= MaxItems).WithMessage($"At most {MaxItems} exceptions per bulk decision.");
            RuleFor(x => x.Filter!).SetValidator(new BulkFilter.Validator()).When(x => x.Filter is not null);
            RuleFor(x => x.Decision).NotNull().WithMessage("Decision is required.");
            RuleFor(x => x.Decision.Kind).Must(kind => Kinds.Contains(kind)).When(x => x.Decision is not null)
                .WithName("decision.kind").WithMessage($"Decision.kind must be one of: {string.Join(", ", Kinds)}.");
            RuleFor(x => x.Decision.ReasonCode).Must(code => DecisionRules.ResolutionReasons.Contains(code)).When(x => x.Decision?.Kind == "resolve")
                .WithName("decision.reasonCode").WithMessage($"Decision.reasonCode must be one of: {string.Join(", ", DecisionRules.ResolutionReasons)}.");
            RuleFor(x => x.Decision.ReasonCode).Must(code => DecisionRules.OverrideReasons.Contains(code)).When(x => x.Decision?.Kind == "overrideCategory")
                .WithName("decision.reasonCode").WithMessage($"Decision.reasonCode must be one of: {string.Join(", ", DecisionRules.OverrideReasons)}.");
            RuleFor(x => x.Decision.Category).NotEmpty().When(x => x.Decision?.Kind == "overrideCategory")
                .WithName("decision.category").WithMessage("Decision.category is required to override categories.");
            RuleFor(x => x.Decision.Assignee).NotEmpty().When(x => x.Decision?.Kind == "assign")
                .WithName("decision.assignee").WithMessage("Decision.assignee is required to assign.");
            RuleFor(x => x.Decision.Comment).NotEmpty().When(x => x.Decision?.Kind is "comment" or "overrideCategory")
                .WithName("decision.comment").WithMessage("Decision.comment is required for this kind.");
            RuleFor(x => x.Decision.Comment).MaximumLength(DecisionRules.MaxComment).When(x => x.Decision is not null)
                .WithName("decision.comment").WithMessage($"Decision.comment must be at most {DecisionRules.MaxComment} characters.");
        }
    }

    public CaseCommand ToCommand() => Decision.Kind switch
    {
        "accept" => new AcceptSuggestion(Decision.Comment),
        "resolve" => new ResolveCase(DecisionRules.Parse<ResolutionReason>(Decision.ReasonCode)!.Value, Decision.Comment),
        "overrideCategory" => new OverrideCategory(Decision.Category!, DecisionRules.Parse<OverrideReason>(Decision.ReasonCode)!.Value, Decision.Comment!),
        "reopen" => new ReopenCase(Decision.Comment),
        "assign" => new AssignCase(Decision.Assignee!),
        "unassign" => new UnassignCase(),
        "comment" => new CommentOnCase(Decision.Comment!),
        _ => throw new InvalidOperationException($"Unknown bulk decision kind '{Decision.Kind}'."),
    };
}

/// <summary>What happened to one exception of a bulk decision.</summary>
public sealed record BulkItemResult(Guid ExceptionId, string Outcome, string? Status, int? Version, string? Error);

public sealed record BulkDecisionResult(IReadOnlyList<BulkItemResult> Results, int Applied, int PendingApproval, int Failed);

public static class BulkDecisionEndpoints
{
    [WolverinePost("/api/review-queue/bulk", OperationId = "decideInBulk")]
    [Authorize(Policy = Policies.Review)]
    [Tags("Review")]
    [EndpointSummary("Apply one decision to many exceptions, each on its own, with a per-item outcome")]
    [EndpointDescription("Outcomes: applied, pendingApproval, conflict (changed while applying), refused (the rules do not allow it; error says why), notFound. Each item is its own transaction: one refusal never undoes the others.")]
    [ProducesResponseType<BulkDecisionResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Decide(
        BulkDecisionRequest request, IDocumentStore store, ReviewPolicy policy, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = ReconClaims.DecisionMakerOf(user);
        var clients = ReconClaims.ClientAccessOf(user);
        if (request.Decision.Kind == "assign" && await UnknownAssigneeAsync(store, request.Decision.Assignee!, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        IReadOnlyList<Guid> ids;
        if (request.Filter is { } filter)
        {
            await using var query = store.QuerySession();
            ids = await ReviewQueueSql.IdsAsync(query, filter, actor.Name, clients, BulkDecisionRequest.MaxItems, cancellationToken);
            if (ids.Count > BulkDecisionRequest.MaxItems)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Selection too large",
                    detail: $"The filter selects more than {BulkDecisionRequest.MaxItems} exceptions; narrow it (e.g. by period or category) and decide in parts.",
                    extensions: new Dictionary<string, object?> { ["code"] = "selection-too-large" });
            }
        }
        else
        {
            ids = request.ExceptionIds!.Distinct().ToList();
        }

        var command = request.ToCommand();
        var results = new List<BulkItemResult>(ids.Count);
        foreach (var id in ids)
        {
            await using var session = store.LightweightSession();
            var outcome = await CaseDecisions.DecideAsync(session, id, null, command, actor, clients, policy, clock.GetUtcNow(), cancellationToken);
            results.Add(outcome switch
            {
                CaseDecisions.Outcome.Done { Result: var done } => new BulkItemResult(id, done.Outcome, done.Exception.Status, done.Exception.Version, null),
                CaseDecisions.Outcome.Stale stale => new BulkItemResult(id, "conflict", stale.Current?.Status, stale.Current?.Version, "The exception changed while the decision was applied; nothing was applied to it."),
                CaseDecisions.Outcome.Refused { Rejection: { Kind: Domain.RejectionKind.NotFound } rejection } => new BulkItemResult(id, "notFound", null, null, rejection.Detail),
                CaseDecisions.Outcome.Refused { Rejection: var rejection } => new BulkItemResult(id, "refused", null, null, $"{rejection.Title}: {rejection.Detail}"),
                _ => throw new InvalidOperationException("Unknown outcome."),
            });
        }

        return TypedResults.Ok(new BulkDecisionResult(
            results,
            results.Count(r => r.Outcome == "applied"),
            results.Count(r => r.Outcome == "pendingApproval"),
            results.Count(r => r.Outcome is not ("applied" or "pendingApproval"))));
    }

    private static async Task<IResult?> UnknownAssigneeAsync(IDocumentStore store, string assignee, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return await Assignees.UnknownAsync(query, assignee, cancellationToken);
    }
}
