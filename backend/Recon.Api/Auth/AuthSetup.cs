using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Recon.Api.Auth;

/// <summary>Registers authentication (session cookie, API tokens, optional OIDC), the policies, seeding and antiforgery.</summary>
public static class AuthSetup
{
    /// <summary>Picks the API-token scheme for <c>Authorization: Bearer</c> requests and the session cookie otherwise.</summary>
    public const string DefaultScheme = "Recon";

    public static AuthSettings AddReconAuth(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.Checked(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<SessionCookies>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApiTokenUsageRecorder>();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<AccountSeeding>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountSeeding>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalLoggingResultHandler>();

        var authentication = services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = DefaultScheme;
                options.DefaultChallengeScheme = DefaultScheme;
                options.DefaultForbidScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Session cookie or API token", options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.HasBearer(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        if (settings.Oidc is { } oidc)
        {
            authentication.AddReconOidc(oidc);
        }

        services.AddAuthorization(options => options.AddReconPolicies());
        return settings;
    }

    public static WebApplication UseReconAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryMiddleware>();
        return app;
    }
}
