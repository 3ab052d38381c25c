using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Auth;
using Recon.Api.Infrastructure;
using Recon.Domain;
using Recon.Domain.Periods;
using Wolverine.Http;

namespace Recon.Api.Periods;

/// <summary>Open a reconciliation period for one client and one month.</summary>
/// <param name="ClientId">The client's id: 1-64 letters, digits, '-', '_' or '.' (case-insensitive).</param>
/// <param name="Month">The month to reconcile, <c>YYYY-MM</c>.</param>
public sealed record OpenPeriod(string ClientId, string Month)
{
    public sealed class Validator : AbstractValidator<OpenPeriod>
    {
        public Validator()
        {
            RuleFor(x => x.ClientId)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Client id is required.")
                .Must(id => Domain.Periods.ClientId.TryParse(id, out _))
                .WithMessage($"Client id must be 1-{Domain.Periods.ClientId.MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit.");
            RuleFor(x => x.Month)
                .Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Month is required.")
                .Must(month => ReconciliationMonth.TryParse(month, out _))
                .WithMessage($"Month must be in the form YYYY-MM, e.g. 2026-10 (years {ReconciliationMonth.MinYear}-{ReconciliationMonth.MaxYear}).");
        }
    }
}

public sealed record PeriodOpenedResponse(Guid PeriodId);

public static class OpenPeriodEndpoint
{
    [WolverinePost("/api/periods", OperationId = "openPeriod")]
    [Tags("Periods")]
    [EndpointSummary("Open a reconciliation period")]
    [EndpointDescription("Opens the period of one client and one month. A client has at most one period per month: a second request for the same client and month is refused with 409.")]
    [ProducesResponseType<PeriodOpenedResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(
        OpenPeriod request,
        IDocumentSession session,
        TimeProvider clock,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var command = new OpenPeriodCommand(
            ClientId.Parse(request.ClientId),
            ReconciliationMonth.Parse(request.Month),
            Actor.NameOf(user));
        if (!ReconClaims.ClientAccessOf(user).Allows(command.ClientId.Value))
        {
            // Refused before the period is looked up, so the answer says nothing about the other client's periods.
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Client not yours",
                detail: $"You work for some clients only, and '{command.ClientId.Value}' is not one of them: an admin can change that.",
                extensions: new Dictionary<string, object?> { ["code"] = "client-out-of-scope" });
        }

        var periodId = PeriodDecider.PeriodIdFor(command.ClientId, command.Month);
        var existing = await session.Events.FetchLatest<Period>(periodId, cancellationToken);

        switch (PeriodDecider.Open(existing, command, clock.GetUtcNow()))
        {
            case Decision<PeriodOpened>.Accepted(var opened):
                session.Events.StartStream<Period>(opened.PeriodId, opened);
                return TypedResults.Created($"/api/periods/{opened.PeriodId}", new PeriodOpenedResponse(opened.PeriodId));
            case Decision<PeriodOpened>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }
}
