namespace Recon.Domain.Access;

/// <summary>
/// A local user account was created by an admin (or by the start-up seeding, as <c>system</c>).
/// <c>PasswordHash</c> is the ASP.NET Core Identity PBKDF2 hash; never the password.
/// </summary>
public sealed record UserRegistered(
    string UserName,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    string RegisteredBy,
    DateTimeOffset RegisteredAt);

/// <summary>A user's roles were replaced; <c>PreviousRoles</c> keeps what they were, for the auditor.</summary>
public sealed record UserRolesChanged(
    string UserName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> PreviousRoles,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>
/// An admin changed which clients' data a user may see and act on (all clients, or only <c>ClientIds</c>); the
/// previous access is kept for the auditor. The user's API tokens follow it. Users without this event see every client.
/// </summary>
public sealed record UserClientAccessChanged(
    string UserName,
    bool AllClients,
    IReadOnlyList<string> ClientIds,
    bool PreviousAllClients,
    IReadOnlyList<string> PreviousClientIds,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    public ClientAccess Access => new(AllClients, ClientIds);
}

/// <summary>A user's password was set to a new one (its hash).</summary>
public sealed record UserPasswordChanged(string UserName, string PasswordHash, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A user may no longer sign in; their sessions ended with it.</summary>
public sealed record UserDisabled(string UserName, string DisabledBy, DateTimeOffset DisabledAt);

/// <summary>A disabled user may sign in again.</summary>
public sealed record UserEnabled(string UserName, string EnabledBy, DateTimeOffset EnabledAt);

/// <summary>An admin issued an API token. Only the SHA-256 hash of its secret is kept.</summary>
public sealed record ApiTokenIssued(
    Guid TokenId,
    string Name,
    ApiTokenAccess Access,
    string SecretHash,
    DateTimeOffset? ExpiresAt,
    string IssuedBy,
    DateTimeOffset IssuedAt);

/// <summary>An admin revoked an API token: it is refused from now on.</summary>
public sealed record ApiTokenRevoked(Guid TokenId, string Name, string RevokedBy, DateTimeOffset RevokedAt);

/// <summary>What an API token may do: read, or read and operate (never review-approve or administer).</summary>
public enum ApiTokenAccess
{
    ReadOnly,
    ReadWrite,
}
