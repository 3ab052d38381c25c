using System.Text.RegularExpressions;

namespace Recon.Domain.Access;

/// <summary>The write-side state of a user account: only what the decider needs.</summary>
/// <remarks><c>Clients</c> is null for accounts whose client access was never changed: they see every client.</remarks>
public sealed record UserState(string UserName, IReadOnlyList<string> Roles, bool Disabled, ClientAccess? Clients = null)
{
    public ClientAccess ClientAccess => Clients ?? ClientAccess.All;

    public bool IsEnabledAdmin => !Disabled && Roles.Contains(AccessRoles.Admin, StringComparer.Ordinal);
}

public sealed record RegisterUser(string UserName, string DisplayName, string PasswordHash, IReadOnlyList<string> Roles, string By);

/// <summary>Decides user-account commands. Passwords arrive hashed: hashing is the host's job.</summary>
public static partial class UserDecider
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const int MaxUserNameLength = 64;

    /// <summary>Names that events already use for non-users.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["anonymous", "system"];

    // RFC 4122 name-based (v5) namespace for user stream ids; fixed forever, changing it would re-key every user.
    private static readonly Guid UserNamespace = new("8d3b6f20-2c7e-4a51-9f0d-6e1a4b7c9d52");

    /// <summary>User names are case-insensitive: stored and compared in lower case.</summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>A user's stream id comes from the name, so the event store's unique stream key forbids a second account of that name.</summary>
    public static Guid UserIdFor(string userName) => StableId.NameBased(UserNamespace, Normalize(userName));

    public static bool IsValidUserName(string? userName) =>
        userName is not null
        && UserNamePattern().IsMatch(userName.Trim())
        && !ReservedNames.Contains(Normalize(userName), StringComparer.Ordinal);

    public static Decision<UserRegistered> Register(UserState? existing, RegisterUser command, DateTimeOffset now)
    {
        if (existing is not null)
        {
            return Reject<UserRegistered>(RejectionKind.Conflict, "User already exists", $"A user named '{existing.UserName}' already exists.");
        }

        var userName = Normalize(command.UserName);
        var displayName = string.IsNullOrWhiteSpace(command.DisplayName) ? userName : command.DisplayName.Trim();
        return new Decision<UserRegistered>.Accepted(
            new UserRegistered(userName, displayName, command.PasswordHash, AccessRoles.Normalize(command.Roles), command.By, now));
    }

    /// <summary>Replaces the roles, unless that leaves no enabled admin (<paramref name="enabledAdmins"/> counts them now, this user included).</summary>
    public static Decision<UserRolesChanged> ChangeRoles(UserState? user, string userName, IReadOnlyList<string> roles, int enabledAdmins, string by, DateTimeOffset now)
    {
        if (user is null)
        {
            return NotFound<UserRolesChanged>(userName);
        }

        var newRoles = AccessRoles.Normalize(roles);
        if (user.IsEnabledAdmin && !newRoles.Contains(AccessRoles.Admin, StringComparer.Ordinal) && enabledAdmins <= 1)
        {
            return LastAdmin<UserRolesChanged>(user.UserName, "lose the admin role");
        }

        return new Decision<UserRolesChanged>.Accepted(new UserRolesChanged(user.UserName, newRoles, user.Roles, by, now));
    }

    /// <summary>Sets which clients the user may see and act on: all, or only the given ones (at least one).</summary>
    public static Decision<UserClientAccessChanged> ChangeClientAccess(UserState? user, string userName, ClientAccess access, string by, DateTimeOffset now)
    {
        if (user is null)
        {
            return NotFound<UserClientAccessChanged>(userName);
        }

        if (!access.AllClients && access.ClientIds.Count == 0)
        {
            return Reject<UserClientAccessChanged>(
                RejectionKind.Refused, "No clients", $"Limit user '{user.UserName}' to at least one client, or allow all clients; to stop them working, disable them.");
        }

        var previous = user.ClientAccess;
        return new Decision<UserClientAccessChanged>.Accepted(
            new UserClientAccessChanged(user.UserName, access.AllClients, access.AllClients ? [] : access.ClientIds, previous.AllClients, previous.ClientIds, by, now));
    }

    public static Decision<UserPasswordChanged> ChangePassword(UserState? user, string userName, string passwordHash, string by, DateTimeOffset now) =>
        user is null
            ? NotFound<UserPasswordChanged>(userName)
            : new Decision<UserPasswordChanged>.Accepted(new UserPasswordChanged(user.UserName, passwordHash, by, now));

    /// <summary>Disables the user, unless that leaves no enabled admin (<paramref name="enabledAdmins"/> counts them now, this user included).</summary>
    public static Decision<UserDisabled> Disable(UserState? user, string userName, int enabledAdmins, string by, DateTimeOffset now)
    {
        if (user is null)
        {
            return NotFound<UserDisabled>(userName);
        }

        if (user.Disabled)
        {
            return Reject<UserDisabled>(RejectionKind.Conflict, "User already disabled", $"User '{user.UserName}' is already disabled.");
        }

        return user.IsEnabledAdmin && enabledAdmins <= 1
            ? LastAdmin<UserDisabled>(user.UserName, "be disabled")
            : new Decision<UserDisabled>.Accepted(new UserDisabled(user.UserName, by, now));
    }

    public static Decision<UserEnabled> Enable(UserState? user, string userName, string by, DateTimeOffset now)
    {
        if (user is null)
        {
            return NotFound<UserEnabled>(userName);
        }

        return user.Disabled
            ? new Decision<UserEnabled>.Accepted(new UserEnabled(user.UserName, by, now))
            : Reject<UserEnabled>(RejectionKind.Conflict, "User already enabled", $"User '{user.UserName}' is not disabled.");
    }

    private static Decision<T> NotFound<T>(string userName) =>
        Reject<T>(RejectionKind.NotFound, "User not found", $"No user is named '{Normalize(userName)}'.");

    private static Decision<T> LastAdmin<T>(string userName, string what) =>
        Reject<T>(RejectionKind.Conflict, "Last admin", $"User '{userName}' is the last enabled admin and cannot {what}: give another user the admin role first.");

    private static Decision<T> Reject<T>(RejectionKind kind, string title, string detail) =>
        new Decision<T>.Rejected(new Rejection(kind, title, detail));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex UserNamePattern();
}
