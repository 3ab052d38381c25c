using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Recon.Api.Infrastructure;

namespace Recon.Api.Auth;

/// <summary>Logs every 401 and 403 (route, method, who, their roles or token access, the policy required), then answers as usual.</summary>
public sealed partial class RefusalLoggingResultHandler(ILogger<RefusalLoggingResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var endpoint = context.GetEndpoint();
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.ToString();
            var required = string.Join(" and ", (endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
                .Select(data => data.Policy ?? "authenticated").Distinct());
            context.Items[AuthProblems.RequiredPolicyItem] = required;
            if (authorizeResult.Challenged)
            {
                var failure = (await context.AuthenticateAsync()).Failure?.Message ?? "no credentials";
                LogUnauthenticated(logger, context.Request.Method, route, Actor.NameOf(context.User), required, failure);
            }
            else
            {
                LogForbidden(logger, context.Request.Method, route, Actor.NameOf(context.User), ReconClaims.Describe(context.User), required);
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Route} with 401: {Principal} is not signed in (requires {Policy}; {Reason})")]
    private static partial void LogUnauthenticated(ILogger logger, string method, string route, string principal, string policy, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Route} with 403: {Principal} ({Grants}) lacks policy {Policy}")]
    private static partial void LogForbidden(ILogger logger, string method, string route, string principal, string grants, string policy);
}
