using Marten;
using Recon.Api.Auth;
using Wolverine.Http;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Stamps who and which request on every event an endpoint appends: the request's correlation id and the signed-in
/// user's name (or "anonymous"; for an API token also whom it acts for). Applied to every endpoint that takes an <see cref="IDocumentSession"/>.
/// </summary>
public static class EventMetadataMiddleware
{
    public static void Before(HttpContext httpContext, IDocumentSession session)
    {
        session.CorrelationId = httpContext.TraceIdentifier;
        ReconClaims.StampOn(session, ReconClaims.DecisionMakerOf(httpContext.User));
    }

    public static bool AppliesTo(HttpChain chain) =>
        chain.Method.Method.GetParameters().Any(parameter => parameter.ParameterType == typeof(IDocumentSession));
}
