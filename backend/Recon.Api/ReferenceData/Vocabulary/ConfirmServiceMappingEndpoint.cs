using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Infrastructure;
using Recon.Domain;
using Recon.Domain.Normalization.Vocabulary;
using Wolverine.Http;

namespace Recon.Api.ReferenceData.Vocabulary;

public static class ConfirmServiceMappingEndpoint
{
    [WolverinePost("/api/clients/{clientId}/vocabulary/services", OperationId = "confirmServiceMapping")]
    [Tags("Reference data")]
    [EndpointSummary("Say what a ledger description means (\"this means Window Cleaning\"); the next run reads it")]
    [ProducesResponseType<MappingView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(
        string clientId, ConfirmServiceMapping request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var client = VocabularyStates.Client(clientId);
        var vocabulary = await session.LoadAsync<ClientVocabulary>(client, cancellationToken);
        var decision = VocabularyDecider.Confirm(VocabularyStates.Of(client, vocabulary), request.Text, request.Service, Actor.NameOf(user), clock.GetUtcNow());
        if (decision is Decision<ServiceMappingConfirmed>.Rejected(var rejection))
        {
            return rejection.ToProblem();
        }

        var confirmed = ((Decision<ServiceMappingConfirmed>.Accepted)decision).Event;
        session.Events.Append(ReferenceCatalogs.ClientReferenceStream(client), confirmed);
        return TypedResults.Created(
            $"/api/clients/{client}/vocabulary",
            new MappingView(confirmed.Text, "confirmed", 0, [], confirmed.ConfirmedBy, confirmed.ConfirmedAt, false, null, null));
    }
}
