using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>
/// A local user as sign-in and the admin screens read it, projected inline from the user's stream. Its id is the
/// stream id, which is derived from the user name (<see cref="UserDecider.UserIdFor"/>): a lookup by name is a load by id.
/// </summary>
public sealed record UserAccount(
    Guid Id,
    string UserName,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    bool Disabled,
    DateTimeOffset CreatedAt,
    ClientAccess? Clients = null)
{
    /// <summary>The decider's view; <c>Clients</c> is null until an admin first changes the user's client access (all clients).</summary>
    public UserState State => new(UserName, Roles, Disabled, Clients);
}

public sealed partial class UserAccountProjection : SingleStreamProjection<UserAccount, Guid>
{
    public static UserAccount Create(UserRegistered registered) =>
        new(UserDecider.UserIdFor(registered.UserName), registered.UserName, registered.DisplayName, registered.PasswordHash, registered.Roles, false, registered.RegisteredAt);

    public static UserAccount Apply(UserRolesChanged changed, UserAccount user) => user with { Roles = changed.Roles };

    public static UserAccount Apply(UserClientAccessChanged changed, UserAccount user) => user with { Clients = changed.Access };

    public static UserAccount Apply(UserPasswordChanged changed, UserAccount user) => user with { PasswordHash = changed.PasswordHash };

    public static UserAccount Apply(UserDisabled disabled, UserAccount user) => user with { Disabled = true };

    public static UserAccount Apply(UserEnabled enabled, UserAccount user) => user with { Disabled = false };
}

/// <summary>
/// When a user last signed in, keyed by user name. A document written at sign-in rather than an event: sign-ins are
/// frequent, change no reconciliation fact, and are in the log.
/// </summary>
public sealed class UserSignIn
{
    public string Id { get; set; } = "";

    public DateTimeOffset LastSignInAt { get; set; }
}

/// <summary>An API token as the bearer handler and the admin screens read it. Holds the secret's hash, never the secret.</summary>
public sealed record ApiTokenDocument(
    Guid Id,
    string Name,
    ApiTokenAccess Access,
    string SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    public ApiTokenState State => new(Id, Name, RevokedAt is not null);
}

public sealed partial class ApiTokenProjection : SingleStreamProjection<ApiTokenDocument, Guid>
{
    public static ApiTokenDocument Create(ApiTokenIssued issued) =>
        new(issued.TokenId, issued.Name, issued.Access, issued.SecretHash, issued.IssuedBy, issued.IssuedAt, issued.ExpiresAt, null);

    public static ApiTokenDocument Apply(ApiTokenRevoked revoked, ApiTokenDocument token) => token with { RevokedAt = revoked.RevokedAt };
}

/// <summary>When a token was last used. Written by the bearer handler at most once a minute per token, not an event.</summary>
public sealed class ApiTokenUsage
{
    public Guid Id { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }
}

public static class AuthModule
{
    public static StoreOptions AddAuth(this StoreOptions options)
    {
        options.Schema.For<UserAccount>().UniqueIndex(user => user.UserName);
        options.Schema.For<ApiTokenDocument>().UniqueIndex(token => token.SecretHash).Index(token => token.Name);
        options.Schema.For<UserSession>().Index(session => session.UserName);
        options.Schema.For<ApiTokenUsage>();
        options.Schema.For<UserSignIn>();
        options.Projections.Add<UserAccountProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ApiTokenProjection>(ProjectionLifecycle.Inline);
        return options;
    }
}
