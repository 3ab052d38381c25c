using System.Globalization;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>OpenID Connect sign-in, on only when authority, client id and client secret are all set.</summary>
public sealed record OidcSettings(string Authority, string ClientId, string ClientSecret, string DisplayName);

/// <summary>
/// <c>Recon:Auth:*</c>, read and checked once at start-up: a wrong value stops the API with a message naming the key.
/// </summary>
public sealed record AuthSettings(
    TimeSpan IdleTimeout,
    TimeSpan AbsoluteTimeout,
    string? AdminPassword,
    bool DemoUsers,
    string? DemoPassword,
    OidcSettings? Oidc)
{
    public const string Section = "Recon:Auth";

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultAbsoluteTimeout = TimeSpan.FromHours(12);

    /// <summary>The demo users <c>Recon:Auth:DemoUsers=true</c> creates, each with its one role.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> DemoAccounts =
    [
        ("reviewer", "Riley Reviewer", AccessRoles.Reviewer),
        ("reviewer2", "Robin Reviewer", AccessRoles.Reviewer),
        ("approver", "Avery Approver", AccessRoles.Approver),
        ("auditor", "Alex Auditor", AccessRoles.Auditor),
    ];

    public static AuthSettings Checked(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var idle = Duration(section, "IdleTimeout", DefaultIdleTimeout);
        var absolute = Duration(section, "AbsoluteTimeout", DefaultAbsoluteTimeout);
        var adminPassword = Blank(section["AdminPassword"]);
        var demoPassword = Blank(section["DemoPassword"]);
        var demoUsers = section["DemoUsers"] is { Length: > 0 } flag
            ? bool.TryParse(flag, out var on) ? on : throw Invalid("DemoUsers", "must be true or false")
            : false;

        if (adminPassword is not null && adminPassword.Length < UserDecider.MinPasswordLength)
        {
            throw Invalid("AdminPassword", $"must be at least {UserDecider.MinPasswordLength} characters");
        }

        if (demoUsers && demoPassword is null)
        {
            throw Invalid("DemoPassword", "must be set when Recon:Auth:DemoUsers is true (./ops/recon up sets Recon__Auth__DemoPassword; see .env.example)");
        }

        if (demoPassword is not null && demoPassword.Length < UserDecider.MinPasswordLength)
        {
            throw Invalid("DemoPassword", $"must be at least {UserDecider.MinPasswordLength} characters");
        }

        var oidc = section.GetSection("Oidc");
        var oidcValues = new[] { Blank(oidc["Authority"]), Blank(oidc["ClientId"]), Blank(oidc["ClientSecret"]) };
        if (oidcValues.Any(value => value is not null) && oidcValues.Any(value => value is null))
        {
            throw Invalid("Oidc", "needs all of Authority, ClientId and ClientSecret, or none of them");
        }

        var oidcSettings = oidcValues[0] is null
            ? null
            : new OidcSettings(oidcValues[0]!, oidcValues[1]!, oidcValues[2]!, Blank(oidc["DisplayName"]) ?? "single sign-on");
        return new AuthSettings(idle, absolute, adminPassword, demoUsers, demoPassword, oidcSettings);
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        if (Blank(section[key]) is not { } text)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw Invalid(key, $"must be a positive duration such as 00:30:00, not '{text}'");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static InvalidOperationException Invalid(string key, string problem) => new($"{Section}:{key} {problem}.");
}
