using System.Security.Claims;
using Marten;
using Recon.Api.Infrastructure;
using Recon.Domain.Access;
using Recon.Domain.Review;

namespace Recon.Api.Auth;

/// <summary>The claims Recon puts on its principals, and how a principal is built and read.</summary>
public static class ReconClaims
{
    /// <summary>How the caller authenticated: <c>cookie</c>, <c>token</c> or <c>oidc</c>.</summary>
    public const string Authentication = "recon:authentication";

    /// <summary>An API token's access (<c>readOnly</c>/<c>readWrite</c>); only token principals have it.</summary>
    public const string TokenAccess = "recon:token_access";

    /// <summary>The user who issued an API token: the person a token principal acts for; only token principals have it.</summary>
    public const string IssuedBy = "recon:issued_by";

    /// <summary>The id of the API token a principal authenticated with; only token principals have it.</summary>
    public const string TokenId = "recon:token_id";

    /// <summary>Present (value <c>true</c>) when the principal may see only some clients; each is then a <see cref="Client"/> claim.</summary>
    public const string ClientsLimited = "recon:clients_limited";

    /// <summary>A client the principal may see and act on; only when <see cref="ClientsLimited"/> is present.</summary>
    public const string Client = "recon:client";

    public const string DisplayName = "recon:display_name";

    public static ClaimsPrincipal Principal(string authenticationType, string name, string displayName, string authentication, IEnumerable<string> roles, ClientAccess clients)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(DisplayName, displayName),
            new(Authentication, authentication),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(ClientClaims(clients));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// An API token's principal: named <c>token:{name}</c>, with the token's access instead of roles, acting for the
    /// user who issued it and limited to that user's clients.
    /// </summary>
    public static ClaimsPrincipal TokenPrincipal(string authenticationType, Guid tokenId, string tokenName, ApiTokenAccess access, string issuedBy, ClientAccess issuersClients)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, ApiTokenDecider.PrincipalName(tokenName)),
            new(DisplayName, tokenName),
            new(Authentication, "token"),
            new(TokenAccess, access.ToString()),
            new(IssuedBy, issuedBy),
            new(TokenId, tokenId.ToString()),
        };
        claims.AddRange(ClientClaims(issuersClients));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Which clients the principal may see and act on (all, unless its user was limited to some).</summary>
    public static ClientAccess ClientAccessOf(ClaimsPrincipal user) =>
        user.HasClaim(claim => claim.Type == ClientsLimited)
            ? new ClientAccess(false, user.FindAll(Client).Select(claim => claim.Value).ToList())
            : ClientAccess.All;

    /// <summary>
    /// Who a decision is by: the principal the events name, and the person accountable for it — the signed-in user,
    /// or the user who issued the API token the request came with.
    /// </summary>
    public static DecisionMaker DecisionMakerOf(ClaimsPrincipal user)
    {
        var name = Actor.NameOf(user);
        return user.FindFirstValue(IssuedBy) is { } issuer && Guid.TryParse(user.FindFirstValue(TokenId), out var tokenId)
            ? DecisionMaker.Token(name, issuer, tokenId)
            : DecisionMaker.User(name);
    }

    public static ApiTokenAccess? TokenAccessOf(ClaimsPrincipal user) =>
        Enum.TryParse<ApiTokenAccess>(user.FindFirstValue(TokenAccess), out var access) ? access : null;

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToList();

    /// <summary>
    /// Stamps who acts on the events a session appends: the principal as the user name and, for an API token, the
    /// headers <c>onBehalfOf</c> (the user who issued it) and <c>tokenId</c>, so an auditor sees whom a token acted for.
    /// </summary>
    public static void StampOn(IDocumentSession session, DecisionMaker actor)
    {
        session.LastModifiedBy = actor.Name;
        if (actor.TokenId is { } tokenId)
        {
            session.SetHeader("onBehalfOf", actor.Person);
            session.SetHeader("tokenId", tokenId);
        }
    }

    private static IEnumerable<Claim> ClientClaims(ClientAccess clients) =>
        clients.AllClients ? [] : [new Claim(ClientsLimited, "true"), .. clients.ClientIds.Select(client => new Claim(Client, client))];

    /// <summary>For the refusal log: roles, or the token's access, or "none".</summary>
    public static string Describe(ClaimsPrincipal user) =>
        TokenAccessOf(user) is { } access
            ? $"token access {access}"
            : RolesOf(user) is { Count: > 0 } roles ? $"roles {string.Join(',', roles)}" : "no roles";
}
