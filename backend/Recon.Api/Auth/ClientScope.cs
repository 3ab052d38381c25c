using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Recon.Api.Ingestion;
using Recon.Api.Periods;
using Recon.Api.Review;
using Recon.Api.Runs;
using Recon.Domain.Access;
using Recon.Domain.Periods;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Recon.Api.Auth;

/// <summary>
/// Per-client access for every route that names client data in its path: <c>{exceptionId}</c>, <c>{runId}</c>,
/// <c>{batchId}</c>, <c>{periodId}</c> or <c>{clientId}</c>. Before the endpoint runs, a caller limited to some
/// clients gets 404 for anything of another client — the same answer as for an id that does not exist, so ids of
/// other clients do not leak. Callers who see every client (the default) pay nothing. Lists filter by
/// <see cref="ClientAccess"/> themselves; creating a period for another client is refused by its endpoint.
/// </summary>
internal sealed class ClientScopePolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(chain => ClientScopeCheck.ScopedParameter(chain.RoutePattern?.RawText) is not null))
        {
            var call = new MethodCall(typeof(ClientScopeCheck), nameof(ClientScopeCheck.CheckAsync)) { CommentText = "Refuse other clients' data (404)" };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

public static class ClientScopeCheck
{
    /// <summary>The route parameters that identify client data, most specific first.</summary>
    public static readonly IReadOnlyList<string> ScopedParameters = ["exceptionId", "runId", "batchId", "periodId", "clientId"];

    public static string? ScopedParameter(string? routeTemplate) =>
        routeTemplate is null ? null : ScopedParameters.FirstOrDefault(name => routeTemplate.Contains("{" + name + "}", StringComparison.Ordinal));

    public static async Task<IResult> CheckAsync(HttpContext context, IDocumentStore store)
    {
        var access = ReconClaims.ClientAccessOf(context.User);
        var parameter = ScopedParameter((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        if (access.AllClients || parameter is null || context.Request.RouteValues[parameter]?.ToString() is not { } value)
        {
            return WolverineContinue.Result();
        }

        var clientId = await ClientOfAsync(store, parameter, value, context.RequestAborted);
        return clientId is not null && access.Allows(clientId) ? WolverineContinue.Result() : NotFound(parameter, value);
    }

    /// <summary>The client that owns the thing the route names, or null when there is no such thing.</summary>
    public static async Task<string?> ClientOfAsync(IDocumentStore store, string parameter, string value, CancellationToken cancellationToken)
    {
        if (parameter == "clientId")
        {
            return ClientId.TryParse(value, out var client) ? client.Value : null;
        }

        if (!Guid.TryParse(value, out var id))
        {
            return null;
        }

        await using var session = store.QuerySession();
        return parameter switch
        {
            "exceptionId" => (await session.LoadAsync<ReviewItem>(id, cancellationToken))?.ClientId,
            "runId" => (await session.LoadAsync<RunSummary>(id, cancellationToken))?.ClientId,
            "batchId" => await session.LoadAsync<BatchSummary>(id, cancellationToken) is { } batch
                ? (await session.LoadAsync<PeriodDetails>(batch.PeriodId, cancellationToken))?.ClientId
                : null,
            "periodId" => (await session.LoadAsync<PeriodDetails>(id, cancellationToken))?.ClientId,
            _ => null,
        };
    }

    private static IResult NotFound(string parameter, string value)
    {
        var thing = parameter switch
        {
            "exceptionId" => "exception",
            "runId" => "run",
            "batchId" => "batch",
            "periodId" => "period",
            _ => "client",
        };
        return Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"{char.ToUpperInvariant(thing[0])}{thing[1..]} not found",
            detail: $"No {thing} has id {value}.",
            extensions: new Dictionary<string, object?> { ["code"] = "not-found" });
    }
}
