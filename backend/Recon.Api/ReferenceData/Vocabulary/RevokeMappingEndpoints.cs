using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Infrastructure;
using Recon.Domain;
using Recon.Domain.Normalization.Vocabulary;
using Wolverine.Http;

namespace Recon.Api.ReferenceData.Vocabulary;

public static class RevokeServiceMappingEndpoint
{
    [WolverinePost("/api/clients/{clientId}/vocabulary/services/revoke", OperationId = "revokeServiceMapping")]
    [Tags("Reference data")]
    [EndpointSummary("Revoke what a ledger description was mapped to (learned or confirmed); runs stop using it and do not learn it again")]
    [ProducesResponseType<MappingView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Post(
        string clientId, RevokeServiceMapping request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var client = VocabularyStates.Client(clientId);
        var vocabulary = await session.LoadAsync<ClientVocabulary>(client, cancellationToken);
        var decision = VocabularyDecider.RevokeService(VocabularyStates.Of(client, vocabulary), request.Text, Actor.NameOf(user), clock.GetUtcNow());
        if (decision is Decision<ServiceMappingRevoked>.Rejected(var rejection))
        {
            return rejection.ToProblem();
        }

        var revoked = ((Decision<ServiceMappingRevoked>.Accepted)decision).Event;
        session.Events.Append(ReferenceCatalogs.ClientReferenceStream(client), revoked);
        var entry = vocabulary!.Services[ServiceVocabulary.Key(revoked.Text)];
        return TypedResults.Ok(MappingView.Of(entry) with { Revoked = true, RevokedBy = revoked.RevokedBy, RevokedAt = revoked.RevokedAt });
    }
}

public static class RevokeSiteAliasEndpoint
{
    [WolverinePost("/api/clients/{clientId}/vocabulary/sites/revoke", OperationId = "revokeSiteAlias")]
    [Tags("Reference data")]
    [EndpointSummary("Revoke an alias of a site (learned or added); runs stop using it and do not learn it again")]
    [ProducesResponseType<MappingView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Post(
        string clientId, RevokeSiteAlias request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var client = VocabularyStates.Client(clientId);
        var vocabulary = await session.LoadAsync<ClientVocabulary>(client, cancellationToken);
        var decision = VocabularyDecider.RevokeSiteAlias(VocabularyStates.Of(client, vocabulary), request.SiteCode, request.Alias, Actor.NameOf(user), clock.GetUtcNow());
        if (decision is Decision<SiteAliasRevoked>.Rejected(var rejection))
        {
            return rejection.ToProblem();
        }

        var revoked = ((Decision<SiteAliasRevoked>.Accepted)decision).Event;
        session.Events.Append(ReferenceCatalogs.ClientReferenceStream(client), revoked);
        var entry = vocabulary!.Sites[ClientVocabulary.SiteEntryKey(revoked.SiteCode, Domain.Normalization.TextKey.Of(revoked.Alias))];
        return TypedResults.Ok(MappingView.Of(entry) with { Revoked = true, RevokedBy = revoked.RevokedBy, RevokedAt = revoked.RevokedAt });
    }
}
