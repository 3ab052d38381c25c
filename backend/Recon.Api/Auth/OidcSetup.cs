using Marten;
using Microsoft.AspNetCore.Authentication;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>
/// Optional OpenID Connect sign-in (authorization code + PKCE). The identity provider's answer becomes an ordinary
/// Recon cookie session: roles from the <c>roles</c> claim, or the local account's when the claim is absent; a
/// user with neither, or whose local account is disabled, is refused.
/// </summary>
public static partial class OidcSetup
{
    public const string SchemeName = "oidc";
    public const string SignInPath = "/api/auth/oidc/sign-in";
    public const string CallbackPath = "/api/auth/oidc/callback";
    private const string RefusedUrl = "/?signInError=oidc";

    public static AuthenticationBuilder AddReconOidc(this AuthenticationBuilder authentication, OidcSettings oidc) =>
        authentication.AddOpenIdConnect(SchemeName, oidc.DisplayName, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.CallbackPath = CallbackPath;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.TokenValidationParameters.NameClaimType = "preferred_username";
            options.TokenValidationParameters.RoleClaimType = "roles";

            // The ticket is turned into a Recon session by OnTicketReceived, which ends the response itself.
            options.SignInScheme = SessionAuthenticationHandler.SchemeName;
            options.Events.OnTicketReceived = StartSessionAsync;
            options.Events.OnRemoteFailure = context =>
            {
                context.HandleResponse();
                context.Response.Redirect(RefusedUrl);
                return Task.CompletedTask;
            };
        });

    /// <summary>Only a local path: never another site (open redirect) nor a protocol-relative URL.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    private static async Task StartSessionAsync(TicketReceivedContext context)
    {
        var http = context.HttpContext;
        var principal = context.Principal!;
        var userName = (principal.FindFirst("preferred_username") ?? principal.FindFirst("email") ?? principal.FindFirst("sub"))?.Value;
        var claimedRoles = AccessRoles.Normalize(principal.FindAll("roles").Select(claim => claim.Value));
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup));
        context.HandleResponse();

        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession();
        var account = UserDecider.IsValidUserName(userName)
            ? await session.LoadAsync<UserAccount>(UserDecider.UserIdFor(userName!), http.RequestAborted)
            : null;
        if (!UserDecider.IsValidUserName(userName) || account is { Disabled: true } || (account is null && claimedRoles.Count == 0))
        {
            LogRefused(logger, userName ?? "(no name claim)");
            http.Response.Redirect(RefusedUrl);
            return;
        }

        var cookies = http.RequestServices.GetRequiredService<SessionCookies>();
        var name = account?.UserName ?? UserDecider.Normalize(userName!);
        var (started, secret) = cookies.Start(name, "oidc", claimedRoles.Count > 0 ? claimedRoles.ToList() : null);
        session.LastModifiedBy = name;
        session.Store(started);
        session.Store(new UserSignIn { Id = name, LastSignInAt = started.CreatedAt });
        await session.SaveChangesAsync(http.RequestAborted);
        cookies.Write(http, secret, started);
        http.Response.Redirect(SafeReturnUrl(context.ReturnUri));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OIDC sign-in refused for {UserName}: no Recon role claim and no enabled local account")]
    private static partial void LogRefused(ILogger logger, string userName);
}
