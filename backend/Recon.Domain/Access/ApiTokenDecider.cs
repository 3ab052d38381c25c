using System.Text.RegularExpressions;

namespace Recon.Domain.Access;

/// <summary>The write-side state of an API token.</summary>
public sealed record ApiTokenState(Guid TokenId, string Name, bool Revoked);

public sealed record IssueApiToken(Guid TokenId, string Name, ApiTokenAccess Access, string SecretHash, DateTimeOffset? ExpiresAt, string By);

public static partial class ApiTokenDecider
{
    public const int MaxNameLength = 64;

    /// <summary>Principal names of API tokens start so; user names cannot contain ':'.</summary>
    public const string PrincipalPrefix = "token:";

    /// <summary>Every principal acting with a token is named so on events.</summary>
    public static string PrincipalName(string tokenName) => PrincipalPrefix + tokenName;

    public static bool IsTokenPrincipal(string principalName) => principalName.StartsWith(PrincipalPrefix, StringComparison.Ordinal);

    public static bool IsValidName(string? name) => name is not null && TokenNamePattern().IsMatch(name);

    /// <summary>Issues a token unless an unrevoked token already has the name (<paramref name="nameInUse"/>: names identify the actor on events).</summary>
    public static Decision<ApiTokenIssued> Issue(bool nameInUse, IssueApiToken command, DateTimeOffset now)
    {
        if (nameInUse)
        {
            return new Decision<ApiTokenIssued>.Rejected(new Rejection(
                RejectionKind.Conflict, "Token name in use", $"An active API token is already named '{command.Name}': revoke it first or choose another name."));
        }

        if (command.ExpiresAt is { } expiry && expiry <= now)
        {
            return new Decision<ApiTokenIssued>.Rejected(new Rejection(
                RejectionKind.Conflict, "Expiry in the past", $"The expiry {expiry:O} is not in the future."));
        }

        return new Decision<ApiTokenIssued>.Accepted(
            new ApiTokenIssued(command.TokenId, command.Name, command.Access, command.SecretHash, command.ExpiresAt, command.By, now));
    }

    public static Decision<ApiTokenRevoked> Revoke(ApiTokenState? token, Guid tokenId, string by, DateTimeOffset now)
    {
        if (token is null)
        {
            return new Decision<ApiTokenRevoked>.Rejected(new Rejection(RejectionKind.NotFound, "Token not found", $"No API token has id {tokenId}."));
        }

        return token.Revoked
            ? new Decision<ApiTokenRevoked>.Rejected(new Rejection(RejectionKind.Conflict, "Token already revoked", $"API token '{token.Name}' is already revoked."))
            : new Decision<ApiTokenRevoked>.Accepted(new ApiTokenRevoked(token.TokenId, token.Name, by, now));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex TokenNamePattern();
}
