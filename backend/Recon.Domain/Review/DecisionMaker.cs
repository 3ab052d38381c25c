using Recon.Domain.Access;

namespace Recon.Domain.Review;

/// <summary>
/// Who takes a decision. <c>Name</c> is the principal the events name (<c>By</c>): a user, or <c>token:{name}</c> for
/// an API token. <c>Person</c> is the user accountable for it: the user, or the user who issued the token (a token acts
/// for its issuer). <c>TokenId</c> is the API token the decision was made with, if any (for the audit trail).
/// Maker-checker compares people, never principals.
/// </summary>
public sealed record DecisionMaker(string Name, string Person, Guid? TokenId = null)
{
    /// <summary>A signed-in user acting as themself.</summary>
    public static DecisionMaker User(string userName) => new(userName, userName);

    /// <summary>A decision made with an API token, on behalf of the user who issued it.</summary>
    public static DecisionMaker Token(string principalName, string issuedBy, Guid tokenId) => new(principalName, issuedBy, tokenId);

    public bool ActsWithToken => TokenId is not null;

    /// <summary>The person a recorded principal name stands for: the name itself for a user, unknown (null) for a token.</summary>
    public static string? PersonNamed(string principalName) =>
        ApiTokenDecider.IsTokenPrincipal(principalName) ? null : principalName;
}
