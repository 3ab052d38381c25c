using System.Security.Cryptography;
using System.Text;
using Recon.Api.Infrastructure;

namespace Recon.Api.Auth;

/// <summary>Marks an endpoint that cookie-authenticated callers may change state on without <c>X-XSRF-TOKEN</c> (sign-in only).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutAntiforgeryAttribute : Attribute;

/// <summary>
/// Synchronizer-token antiforgery: a POST, PUT, PATCH or DELETE authenticated by the session cookie must send
/// <c>X-XSRF-TOKEN</c> equal to its session's token (handed out in the readable <c>XSRF-TOKEN</c> cookie). A
/// cross-site page can make the browser send the cookie but cannot read the token. Bearer requests are exempt.
/// </summary>
public sealed partial class AntiforgeryMiddleware(RequestDelegate next, ILogger<AntiforgeryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            || SessionAuthenticationHandler.CurrentSession(context) is not { } session
            || context.GetEndpoint()?.Metadata.GetMetadata<WithoutAntiforgeryAttribute>() is not null
            || Matches(context.Request.Headers[SessionCookies.XsrfHeaderName].ToString(), session.XsrfToken))
        {
            await next(context);
            return;
        }

        LogRefused(logger, method, context.Request.Path, Actor.NameOf(context.User));
        await AuthProblems.Write(context, StatusCodes.Status400BadRequest, "Missing or wrong antiforgery token",
            $"Requests signed in with the session cookie that change data must send header {SessionCookies.XsrfHeaderName} " +
            $"with the value of the {SessionCookies.XsrfCookieName} cookie (GET /api/auth/me renews it).");
    }

    private static bool Matches(string sent, string expected) =>
        sent.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 400: {Principal} sent no valid X-XSRF-TOKEN")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string principal);
}
