using Marten;
using Wolverine.Http;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Stamps who and which request on every event an endpoint appends: the request's correlation id and the signed-in
/// user's name (or "anonymous"). Applied to every endpoint that takes an <see cref="IDocumentSession"/>.
/// </summary>
public static class EventMetadataMiddleware
{
    public static void Before(HttpContext httpContext, IDocumentSession session)
    {
        session.CorrelationId = httpContext.TraceIdentifier;
        session.LastModifiedBy = Actor.NameOf(httpContext.User);
    }

    public static bool AppliesTo(HttpChain chain) =>
        chain.Method.Method.GetParameters().Any(parameter => parameter.ParameterType == typeof(IDocumentSession));
}
