using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>API token secrets: <c>recon_</c> and 256 random bits; only their SHA-256 is stored.</summary>
public static class ApiTokenSecrets
{
    public const string Prefix = "recon_";

    public static string New() => Prefix + SessionCookies.RandomSecret();

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Remembers when each token's last use was recorded, so a busy token costs a write a minute, not one per request.</summary>
public sealed class ApiTokenUsageRecorder
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _recorded = new();

    public bool ShouldRecord(Guid tokenId, DateTimeOffset now)
    {
        if (_recorded.TryGetValue(tokenId, out var last) && now - last < Interval)
        {
            return false;
        }

        _recorded[tokenId] = now;
        return true;
    }
}

/// <summary>
/// Authenticates <c>Authorization: Bearer recon_…</c>: the token must exist, be unrevoked and unexpired, and its issuer enabled. Its
/// principal is named <c>token:{name}</c>, carries the token's access instead of roles, and acts for the user who
/// issued the token (<see cref="ReconClaims.IssuedBy"/>, with the token's id): maker-checker holds that user accountable.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDocumentStore store,
    ApiTokenUsageRecorder usage,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiTokenSecrets.Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The bearer token is not a Recon API token.");
        }

        await using var db = store.LightweightSession();
        var hash = ApiTokenSecrets.HashOf(secret);
        var token = await db.Query<ApiTokenDocument>().FirstOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();

        // The token sees what its issuer sees, as the issuer's account is now (an issuer without a local account, e.g.
        // OIDC-only, is not limited); a disabled issuer's tokens stop with it, as its sessions do.
        var issuer = token is null ? null : await db.LoadAsync<UserAccount>(UserDecider.UserIdFor(token.CreatedBy), Context.RequestAborted);
        var refusal = token switch
        {
            null => "The API token is unknown.",
            { RevokedAt: not null } => "The API token was revoked.",
            { ExpiresAt: { } expiry } when expiry <= now => "The API token has expired.",
            _ when issuer?.State.Disabled == true => $"The API token's issuer '{token.CreatedBy}' is disabled.",
            _ => null,
        };
        if (refusal is not null)
        {
            return AuthenticateResult.Fail(refusal);
        }

        if (usage.ShouldRecord(token!.Id, now))
        {
            db.Store(new ApiTokenUsage { Id = token.Id, LastUsedAt = now });
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var principal = ReconClaims.TokenPrincipal(Scheme.Name, token.Id, token.Name, token.Access, token.CreatedBy, issuer?.State.ClientAccess ?? ClientAccess.All);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await AuthProblems.WriteUnauthorized(Context, failure?.Message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.WriteForbidden(Context);
}
