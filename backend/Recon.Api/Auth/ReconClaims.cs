using System.Security.Claims;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>The claims Recon puts on its principals, and how a principal is built and read.</summary>
public static class ReconClaims
{
    /// <summary>How the caller authenticated: <c>cookie</c>, <c>token</c> or <c>oidc</c>.</summary>
    public const string Authentication = "recon:authentication";

    /// <summary>An API token's access (<c>readOnly</c>/<c>readWrite</c>); only token principals have it.</summary>
    public const string TokenAccess = "recon:token_access";

    public const string DisplayName = "recon:display_name";

    public static ClaimsPrincipal Principal(string authenticationType, string name, string displayName, string authentication, IEnumerable<string> roles, ApiTokenAccess? tokenAccess = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(DisplayName, displayName),
            new(Authentication, authentication),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (tokenAccess is { } access)
        {
            claims.Add(new Claim(TokenAccess, access.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ApiTokenAccess? TokenAccessOf(ClaimsPrincipal user) =>
        Enum.TryParse<ApiTokenAccess>(user.FindFirstValue(TokenAccess), out var access) ? access : null;

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToList();

    /// <summary>For the refusal log: roles, or the token's access, or "none".</summary>
    public static string Describe(ClaimsPrincipal user) =>
        TokenAccessOf(user) is { } access
            ? $"token access {access}"
            : RolesOf(user) is { Count: > 0 } roles ? $"roles {string.Join(',', roles)}" : "no roles";
}
