using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Infrastructure;
using Recon.Domain;
using Recon.Domain.Access;
using Wolverine.Http;

namespace Recon.Api.Auth;

/// <summary>An API token as the admin screen shows it (never its secret or hash).</summary>
public sealed record TokenView(
    Guid TokenId,
    string Name,
    ApiTokenAccess Access,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public static TokenView From(ApiTokenDocument token, ApiTokenUsage? usage) =>
        new(token.Id, token.Name, token.Access, token.CreatedBy, token.CreatedAt, token.ExpiresAt, token.RevokedAt, usage?.LastUsedAt);
}

public sealed record TokenList(IReadOnlyList<TokenView> Items);

/// <summary>A new token and its secret: the only time the secret is ever shown.</summary>
public sealed record IssuedToken(TokenView Token, string Secret);

/// <summary>Issue an API token.</summary>
/// <param name="Name">1-64 letters, digits, '.', '_' or '-'; events name the token's actions <c>token:{name}</c>.</param>
/// <param name="Access"><c>readOnly</c> or <c>readWrite</c>.</param>
/// <param name="ExpiresAt">When the token stops working; never when empty.</param>
public sealed record IssueToken(string Name, ApiTokenAccess? Access, DateTimeOffset? ExpiresAt)
{
    public sealed class Validator : AbstractValidator<IssueToken>
    {
        public Validator()
        {
            RuleFor(x => x.Name).Must(ApiTokenDecider.IsValidName)
                .WithMessage($"Name must be 1-{ApiTokenDecider.MaxNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
            RuleFor(x => x.Access).NotNull().WithMessage("Access must be readOnly or readWrite.");
        }
    }
}

public static class TokenAdministrationEndpoints
{
    [WolverineGet("/api/admin/tokens", OperationId = "listApiTokens")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("List API tokens, newest first")]
    public static async Task<TokenList> List(IQuerySession session, CancellationToken cancellationToken)
    {
        var tokens = await session.Query<ApiTokenDocument>().OrderByDescending(token => token.CreatedAt).ToListAsync(cancellationToken);
        var usage = (await session.LoadManyAsync<ApiTokenUsage>(cancellationToken, tokens.Select(token => token.Id))).ToDictionary(u => u.Id);
        return new TokenList(tokens.Select(token => TokenView.From(token, usage.GetValueOrDefault(token.Id))).ToList());
    }

    [WolverinePost("/api/admin/tokens", OperationId = "issueApiToken")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Issue an API token; its secret is in this response only")]
    [ProducesResponseType<IssuedToken>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Issue(
        IssueToken request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var nameInUse = await session.Query<ApiTokenDocument>().AnyAsync(token => token.Name == request.Name && token.RevokedAt == null, cancellationToken);
        var secret = ApiTokenSecrets.New();
        var command = new IssueApiToken(Guid.CreateVersion7(), request.Name, request.Access!.Value, ApiTokenSecrets.HashOf(secret), request.ExpiresAt, Actor.NameOf(user));
        switch (ApiTokenDecider.Issue(nameInUse, command, clock.GetUtcNow()))
        {
            case Decision<ApiTokenIssued>.Accepted(var issued):
                session.Events.StartStream<ApiTokenDocument>(issued.TokenId, issued);
                return TypedResults.Created((string?)null, new IssuedToken(TokenView.From(ApiTokenProjection.Create(issued), null), secret));
            case Decision<ApiTokenIssued>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverineDelete("/api/admin/tokens/{tokenId}", OperationId = "revokeApiToken")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Revoke an API token: it is refused from now on")]
    [ProducesResponseType<TokenView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Revoke(
        Guid tokenId, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ApiTokenDocument>(tokenId, cancellationToken);
        switch (ApiTokenDecider.Revoke(stream.Aggregate?.State, tokenId, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<ApiTokenRevoked>.Accepted(var revoked):
                stream.AppendOne(revoked);
                var usage = await session.LoadAsync<ApiTokenUsage>(tokenId, cancellationToken);
                return TypedResults.Ok(TokenView.From(ApiTokenProjection.Apply(revoked, stream.Aggregate!), usage));
            case Decision<ApiTokenRevoked>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }
}
