using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Infrastructure;
using Recon.Domain.Access;
using Wolverine.Http;

namespace Recon.Api.Auth;

/// <summary>Sign in with a local user name and password.</summary>
public sealed record SignInRequest(string UserName, string Password)
{
    public sealed class Validator : AbstractValidator<SignInRequest>
    {
        public Validator()
        {
            RuleFor(x => x.UserName).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("User name is required.")
                .MaximumLength(UserDecider.MaxUserNameLength).WithMessage($"User name must be at most {UserDecider.MaxUserNameLength} characters.");
            RuleFor(x => x.Password).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Password is required.")
                .MaximumLength(UserDecider.MaxPasswordLength).WithMessage($"Password must be at most {UserDecider.MaxPasswordLength} characters.");
        }
    }
}

/// <summary>Who the caller is.</summary>
/// <param name="UserName">The user name, or <c>token:{name}</c> for an API token.</param>
/// <param name="DisplayName">The name to show.</param>
/// <param name="Roles">The user's roles (none for an API token).</param>
/// <param name="Authentication"><c>cookie</c>, <c>token</c> or <c>oidc</c>.</param>
public sealed record CurrentUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, string Authentication);

public sealed record OidcProvider(string DisplayName, string SignInUrl);

/// <summary>How users may sign in: always with a local password; with OIDC when it is configured.</summary>
public sealed record AuthProviders(bool Local, OidcProvider? Oidc);

public static partial class AuthEndpoints
{
    /// <summary>A user name and password, even each character escaped as <c>\uXXXX</c>, fit in 2 KB; anonymous callers get no more.</summary>
    public const long SignInBodyLimitBytes = 4 * 1024;

    [WolverinePost("/api/auth/sign-in", OperationId = "signIn")]
    [RequestBodyLimit(SignInBodyLimitBytes)]
    [AllowAnonymous]
    [WithoutAntiforgery]
    [Tags("Authentication")]
    [EndpointSummary("Sign in with a user name and password: starts a cookie session")]
    [EndpointDescription("Sets the HttpOnly session cookie recon.session and the readable antiforgery cookie XSRF-TOKEN (echo it in X-XSRF-TOKEN on POST, PUT, PATCH and DELETE). Every sign-in starts a new session and ends the one the request carried. A wrong password, an unknown user and a disabled user all get the same 401.")]
    [ProducesResponseType<CurrentUser>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public static async Task<IResult> SignIn(
        SignInRequest request,
        HttpContext http,
        IDocumentSession session,
        SessionCookies cookies,
        Passwords passwords,
        SignInThrottle throttle,
        TimeProvider clock,
        ILogger<SignInRequest> logger,
        CancellationToken cancellationToken)
    {
        // A cross-site HTML form cannot send JSON, so sign-in cannot be forged into a victim's browser.
        if (!http.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON required", detail: "Send the credentials as application/json.");
        }

        var userName = UserDecider.Normalize(request.UserName);
        if (throttle.RetryAfter(userName, http) is { } throttled)
        {
            var minutes = $"{SignInThrottle.Window.TotalMinutes:0} minutes; try again in {Math.Ceiling(throttled.Wait.TotalMinutes):0} minutes.";
            if (throttled.ByAddress)
            {
                LogSignInThrottledByAddress(logger, userName, http.Connection.RemoteIpAddress?.ToString());
            }
            else
            {
                LogSignInThrottled(logger, userName);
            }

            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.Wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins",
                detail: throttled.ByAddress
                    ? $"{SignInThrottle.MaxFailuresPerAddress} sign-ins failed from this address within {minutes}"
                    : $"{SignInThrottle.MaxFailures} sign-ins for this user failed from here within {minutes}");
        }

        var account = await session.LoadAsync<UserAccount>(UserDecider.UserIdFor(request.UserName), cancellationToken);
        var verdict = passwords.Verify(account, request.Password);
        if (account is null || account.Disabled || verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(userName, http);
            LogSignInRefused(logger, userName);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The user name or password is wrong.");
        }

        throttle.Succeeded(userName, http);

        var now = clock.GetUtcNow();
        session.LastModifiedBy = account.UserName;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            session.Events.Append(account.Id, new UserPasswordChanged(account.UserName, passwords.Hash(request.Password), account.UserName, now));
        }

        if (http.Request.Cookies[SessionCookies.CookieName] is { Length: > 0 } previous)
        {
            session.Delete<UserSession>(SessionCookies.IdOf(previous));
        }

        var (started, secret) = cookies.Start(account.UserName, "cookie");
        session.Store(started);
        session.Store(new UserSignIn { Id = account.UserName, LastSignInAt = now });
        cookies.Write(http, secret, started);
        return TypedResults.Ok(new CurrentUser(account.UserName, account.DisplayName, account.Roles, "cookie"));
    }

    [WolverinePost("/api/auth/sign-out", OperationId = "signOut")]
    [Authorize]
    [Tags("Authentication")]
    [EndpointSummary("Sign out: ends the cookie session")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static IResult SignOut(HttpContext http, IDocumentSession session, SessionCookies cookies)
    {
        if (SessionAuthenticationHandler.CurrentSession(http) is { } current)
        {
            session.Delete<UserSession>(current.Id);
            cookies.Clear(http);
        }

        return Results.NoContent();
    }

    [WolverineGet("/api/auth/me", OperationId = "getCurrentUser")]
    [Authorize]
    [Tags("Authentication")]
    [EndpointSummary("Who the caller is; renews the XSRF-TOKEN cookie of a cookie session")]
    public static CurrentUser Me(HttpContext http, SessionCookies cookies)
    {
        if (SessionAuthenticationHandler.CurrentSession(http) is { } current)
        {
            cookies.WriteXsrf(http, current);
        }

        var user = http.User;
        return new CurrentUser(
            Infrastructure.Actor.NameOf(user),
            user.FindFirst(ReconClaims.DisplayName)?.Value ?? Infrastructure.Actor.NameOf(user),
            ReconClaims.RolesOf(user),
            user.FindFirst(ReconClaims.Authentication)?.Value ?? "cookie");
    }

    [WolverineGet("/api/auth/providers", OperationId = "getAuthProviders")]
    [AllowAnonymous]
    [Tags("Authentication")]
    [EndpointSummary("How users may sign in: local password, and OIDC when configured")]
    public static AuthProviders Providers(AuthSettings settings) =>
        new(true, settings.Oidc is { } oidc ? new OidcProvider(oidc.DisplayName, OidcSetup.SignInPath) : null);

    [WolverineGet(OidcSetup.SignInPath, OperationId = "signInWithOidc")]
    [AllowAnonymous]
    [Tags("Authentication")]
    [EndpointSummary("Start an OIDC sign-in: redirects to the identity provider, which comes back to the callback and then to returnUrl")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static IResult SignInWithOidc(string? returnUrl, AuthSettings settings) =>
        settings.Oidc is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "OIDC not configured", detail: "Set Recon:Auth:Oidc:Authority, ClientId and ClientSecret to sign in with OIDC.")
            : Results.Challenge(new AuthenticationProperties { RedirectUri = OidcSetup.SafeReturnUrl(returnUrl) }, [OidcSetup.SchemeName]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for user name {UserName}: wrong password, unknown or disabled user")]
    private static partial void LogSignInRefused(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for user name {UserName}: too many failed attempts from this address")]
    private static partial void LogSignInThrottled(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for user name {UserName}: too many failed attempts for any user name from address {Address}")]
    private static partial void LogSignInThrottledByAddress(ILogger logger, string userName, string? address);
}
