using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>
/// A signed-in browser session, kept server-side. Its id is the SHA-256 of the cookie's secret, so reading the
/// table does not hand out live sessions. A new one is made at every sign-in; sign-out and disabling delete it.
/// </summary>
public sealed class UserSession
{
    public string Id { get; set; } = "";

    public string UserName { get; set; } = "";

    /// <summary><c>cookie</c> (local password) or <c>oidc</c>.</summary>
    public string Authentication { get; set; } = "cookie";

    /// <summary>Roles from the identity provider, for OIDC users without a local account; local accounts' roles are read at every request.</summary>
    public List<string>? ExternalRoles { get; set; }

    /// <summary>The antiforgery token state-changing requests must echo in <c>X-XSRF-TOKEN</c>.</summary>
    public string XsrfToken { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute timeout: the session ends then, however active.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Starts sessions and writes and clears their cookies.</summary>
public sealed class SessionCookies(AuthSettings settings, TimeProvider clock)
{
    public const string CookieName = "recon.session";
    public const string XsrfCookieName = "XSRF-TOKEN";
    public const string XsrfHeaderName = "X-XSRF-TOKEN";

    /// <summary>The session cookie only travels to the API; the antiforgery cookie must be readable by the SPA's pages.</summary>
    private const string SessionCookiePath = "/api";

    public (UserSession Session, string Secret) Start(string userName, string authentication, List<string>? externalRoles = null)
    {
        var secret = RandomSecret();
        var now = clock.GetUtcNow();
        return (new UserSession
        {
            Id = IdOf(secret),
            UserName = userName,
            Authentication = authentication,
            ExternalRoles = externalRoles,
            XsrfToken = RandomSecret(),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + settings.AbsoluteTimeout,
        }, secret);
    }

    public static string IdOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string RandomSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Write(HttpContext http, string secret, UserSession session)
    {
        http.Response.Cookies.Append(CookieName, secret, Builder(CookieName, SessionCookiePath, httpOnly: true).Build(http));
        WriteXsrf(http, session);
    }

    public void WriteXsrf(HttpContext http, UserSession session) =>
        http.Response.Cookies.Append(XsrfCookieName, session.XsrfToken, Builder(XsrfCookieName, "/", httpOnly: false).Build(http));

    public void Clear(HttpContext http)
    {
        http.Response.Cookies.Delete(CookieName, Builder(CookieName, SessionCookiePath, httpOnly: true).Build(http));
        http.Response.Cookies.Delete(XsrfCookieName, Builder(XsrfCookieName, "/", httpOnly: false).Build(http));
    }

    /// <summary>Idle when not seen for longer than the idle timeout; over when past the absolute timeout.</summary>
    public string? WhyEnded(UserSession session, DateTimeOffset now) =>
        now >= session.ExpiresAt ? "The session reached its absolute time limit; sign in again."
        : now - session.LastSeenAt >= settings.IdleTimeout ? "The session was idle for too long; sign in again."
        : null;

    /// <summary>
    /// The idle clock is moved on at most every tenth of the idle timeout (and at least every minute),
    /// so an active session costs a write now and then rather than at every request.
    /// </summary>
    public bool ShouldSlide(UserSession session, DateTimeOffset now) =>
        now - session.LastSeenAt >= TimeSpan.FromTicks(Math.Min(settings.IdleTimeout.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));

    private static CookieBuilder Builder(string name, string path, bool httpOnly) => new()
    {
        Name = name,
        Path = path,
        HttpOnly = httpOnly,
        SameSite = SameSiteMode.Strict,
        SecurePolicy = CookieSecurePolicy.SameAsRequest,
        IsEssential = true,
    };
}

/// <summary>
/// Authenticates API requests by the <c>recon.session</c> cookie: the session must exist, be within its idle and
/// absolute timeouts, and belong to an enabled user, whose current roles become the principal's.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDocumentStore store,
    SessionCookies cookies,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    /// <summary>The current request's session, for the antiforgery check and sign-out.</summary>
    public static UserSession? CurrentSession(HttpContext http) => http.Items[typeof(UserSession)] as UserSession;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(SessionCookies.CookieName, out var secret) || string.IsNullOrWhiteSpace(secret))
        {
            return AuthenticateResult.NoResult();
        }

        await using var db = store.LightweightSession();
        var session = await db.LoadAsync<UserSession>(SessionCookies.IdOf(secret), Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("The session has ended; sign in again.");
        }

        var now = clock.GetUtcNow();
        var user = await db.LoadAsync<UserAccount>(UserDecider.UserIdFor(session.UserName), Context.RequestAborted);
        var refusal = cookies.WhyEnded(session, now)
            ?? (user is { Disabled: true } ? "The user is disabled." : null)
            ?? (user is null && session.ExternalRoles is not { Count: > 0 } ? "The user no longer exists." : null);
        if (refusal is not null)
        {
            db.Delete(session);
            await db.SaveChangesAsync(Context.RequestAborted);
            return AuthenticateResult.Fail(refusal);
        }

        if (cookies.ShouldSlide(session, now))
        {
            session.LastSeenAt = now;
            db.Store(session);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        Context.Items[typeof(UserSession)] = session;
        var roles = session.ExternalRoles ?? user!.Roles.ToList();
        var principal = ReconClaims.Principal(Scheme.Name, session.UserName, user?.DisplayName ?? session.UserName, session.Authentication, roles, user?.State.ClientAccess ?? ClientAccess.All);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        if (failure is not null)
        {
            cookies.Clear(Context);
        }

        await AuthProblems.WriteUnauthorized(Context, failure?.Message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.WriteForbidden(Context);
}
