using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Infrastructure;
using Recon.Domain;
using Recon.Domain.Access;
using Wolverine.Http;

namespace Recon.Api.Auth;

/// <summary>
/// A local user as the admin screen shows it (never the password hash). <c>AllClients</c> is true when the user sees
/// every client's data (the default); otherwise only <c>ClientIds</c>.
/// </summary>
public sealed record UserView(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, bool AllClients, IReadOnlyList<string> ClientIds)
{
    public static UserView From(UserAccount account, UserSignIn? signIn)
    {
        var clients = account.State.ClientAccess;
        return new(account.UserName, account.DisplayName, account.Roles, account.Disabled, account.CreatedAt, signIn?.LastSignInAt, clients.AllClients, clients.ClientIds);
    }
}

public sealed record UserList(IReadOnlyList<UserView> Items);

internal static class AccessRules
{
    public static readonly string UserNameRule =
        $"User name must be 1-{UserDecider.MaxUserNameLength} letters, digits, '.', '_', '-' or '@', starting with a letter or digit, and not {string.Join(" or ", UserDecider.ReservedNames)}.";

    public static readonly string PasswordRule =
        $"Password must be {UserDecider.MinPasswordLength}-{UserDecider.MaxPasswordLength} characters.";

    public static readonly string RolesRule = $"Roles must be some of {string.Join(", ", AccessRoles.All)}.";

    public static IRuleBuilderOptions<T, string> IsAcceptablePassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(password => password is { Length: >= UserDecider.MinPasswordLength and <= UserDecider.MaxPasswordLength }).WithMessage(PasswordRule);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> AreKnownRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Must(roles => roles is not null && roles.All(role => role is not null && AccessRoles.IsKnown(role))).WithMessage(RolesRule);
}

/// <summary>Create a local user.</summary>
/// <param name="UserName">1-64 letters, digits, '.', '_', '-' or '@'; case-insensitive (stored in lower case).</param>
/// <param name="DisplayName">Shown in the SPA; the user name when empty.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Roles">Some of reviewer, approver, auditor, admin.</param>
public sealed record CreateUser(string UserName, string? DisplayName, string Password, IReadOnlyList<string> Roles)
{
    public sealed class Validator : AbstractValidator<CreateUser>
    {
        public Validator()
        {
            RuleFor(x => x.UserName).Must(UserDecider.IsValidUserName).WithMessage(AccessRules.UserNameRule);
            RuleFor(x => x.DisplayName).MaximumLength(200).WithMessage("Display name must be at most 200 characters.");
            RuleFor(x => x.Password).IsAcceptablePassword();
            RuleFor(x => x.Roles).AreKnownRoles();
        }
    }
}

/// <summary>Replace a user's roles.</summary>
public sealed record ChangeUserRoles(IReadOnlyList<string> Roles)
{
    public sealed class Validator : AbstractValidator<ChangeUserRoles>
    {
        public Validator() => RuleFor(x => x.Roles).AreKnownRoles();
    }
}

/// <summary>Set which clients' data a user may see and act on.</summary>
/// <param name="AllClients">True: every client (the default for every user). False: only <c>ClientIds</c>.</param>
/// <param name="ClientIds">With <c>allClients: false</c>, 1-200 client ids; ignored otherwise.</param>
public sealed record ChangeUserClients(bool? AllClients, IReadOnlyList<string>? ClientIds)
{
    public const int MaxClients = 200;

    public ClientAccess ToAccess() => AllClients == true ? ClientAccess.All : ClientAccess.Only(ClientIds ?? []);

    public sealed class Validator : AbstractValidator<ChangeUserClients>
    {
        public Validator()
        {
            RuleFor(x => x.AllClients).NotNull().WithMessage("AllClients is required: true for every client, false for only clientIds.");
            RuleFor(x => x.ClientIds).NotEmpty().When(x => x.AllClients == false)
                .WithMessage("ClientIds needs at least one client when allClients is false.");
            RuleFor(x => x.ClientIds).Must(ids => ids!.Count <= MaxClients).When(x => x.ClientIds is not null)
                .WithMessage($"ClientIds may list at most {MaxClients} clients.");
            RuleForEach(x => x.ClientIds).Must(id => Domain.Periods.ClientId.TryParse(id, out _))
                .WithMessage("ClientIds: '{PropertyValue}' is not a client id (1-64 letters, digits, '-', '_' or '.', starting with a letter or digit).");
        }
    }
}

/// <summary>Set a user's password (at least 12 characters).</summary>
public sealed record SetUserPassword(string Password)
{
    public sealed class Validator : AbstractValidator<SetUserPassword>
    {
        public Validator() => RuleFor(x => x.Password).IsAcceptablePassword();
    }
}

public static class UserAdministrationEndpoints
{
    [WolverineGet("/api/admin/users", OperationId = "listUsers")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("List local users")]
    public static async Task<UserList> List(IQuerySession session, CancellationToken cancellationToken)
    {
        var users = await session.Query<UserAccount>().OrderBy(user => user.UserName).ToListAsync(cancellationToken);
        var signIns = (await session.LoadManyAsync<UserSignIn>(cancellationToken, users.Select(user => user.UserName))).ToDictionary(signIn => signIn.Id);
        return new UserList(users.Select(user => UserView.From(user, signIns.GetValueOrDefault(user.UserName))).ToList());
    }

    [WolverinePost("/api/admin/users", OperationId = "createUser")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Create a local user")]
    [ProducesResponseType<UserView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Create(
        CreateUser request, IDocumentSession session, Passwords passwords, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserDecider.UserIdFor(request.UserName);
        var existing = await session.LoadAsync<UserAccount>(userId, cancellationToken);
        var command = new RegisterUser(request.UserName, request.DisplayName ?? "", passwords.Hash(request.Password), request.Roles, Actor.NameOf(user));
        switch (UserDecider.Register(existing?.State, command, clock.GetUtcNow()))
        {
            case Decision<UserRegistered>.Accepted(var registered):
                session.Events.StartStream<UserAccount>(userId, registered);
                return TypedResults.Created((string?)null, UserView.From(UserAccountProjection.Create(registered), null));
            case Decision<UserRegistered>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverinePut("/api/admin/users/{userName}/roles", OperationId = "changeUserRoles")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Replace a user's roles (takes effect at the user's next request)")]
    [ProducesResponseType<UserView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> ChangeRoles(
        string userName, ChangeUserRoles request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<UserAccount>(UserDecider.UserIdFor(userName), cancellationToken);
        var admins = await EnabledAdminsAsync(session, cancellationToken);
        switch (UserDecider.ChangeRoles(stream.Aggregate?.State, userName, request.Roles, admins, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<UserRolesChanged>.Accepted(var changed):
                stream.AppendOne(changed);
                return TypedResults.Ok(UserView.From(UserAccountProjection.Apply(changed, stream.Aggregate!), await session.LoadAsync<UserSignIn>(changed.UserName, cancellationToken)));
            case Decision<UserRolesChanged>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverinePut("/api/admin/users/{userName}/clients", OperationId = "changeUserClients")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Limit a user (and the API tokens they issued) to some clients, or allow all clients again (takes effect at the next request)")]
    [ProducesResponseType<UserView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> ChangeClients(
        string userName, ChangeUserClients request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<UserAccount>(UserDecider.UserIdFor(userName), cancellationToken);
        switch (UserDecider.ChangeClientAccess(stream.Aggregate?.State, userName, request.ToAccess(), Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<UserClientAccessChanged>.Accepted(var changed):
                stream.AppendOne(changed);
                return TypedResults.Ok(UserView.From(UserAccountProjection.Apply(changed, stream.Aggregate!), await session.LoadAsync<UserSignIn>(changed.UserName, cancellationToken)));
            case Decision<UserClientAccessChanged>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverinePost("/api/admin/users/{userName}/password", OperationId = "setUserPassword")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Set a user's password; ends the user's sessions")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> SetPassword(
        string userName, SetUserPassword request, IDocumentSession session, Passwords passwords, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<UserAccount>(UserDecider.UserIdFor(userName), cancellationToken);
        var hash = stream.Aggregate is null ? "" : passwords.Hash(request.Password);
        switch (UserDecider.ChangePassword(stream.Aggregate?.State, userName, hash, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<UserPasswordChanged>.Accepted(var changed):
                stream.AppendOne(changed);
                EndSessionsOf(session, changed.UserName);
                return Results.NoContent();
            case Decision<UserPasswordChanged>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverinePost("/api/admin/users/{userName}/disable", OperationId = "disableUser")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Disable a user: ends the user's sessions and refuses further sign-ins")]
    [ProducesResponseType<UserView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Disable(
        string userName, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<UserAccount>(UserDecider.UserIdFor(userName), cancellationToken);
        var admins = await EnabledAdminsAsync(session, cancellationToken);
        switch (UserDecider.Disable(stream.Aggregate?.State, userName, admins, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<UserDisabled>.Accepted(var disabled):
                stream.AppendOne(disabled);
                EndSessionsOf(session, disabled.UserName);
                return TypedResults.Ok(UserView.From(UserAccountProjection.Apply(disabled, stream.Aggregate!), await session.LoadAsync<UserSignIn>(disabled.UserName, cancellationToken)));
            case Decision<UserDisabled>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverinePost("/api/admin/users/{userName}/enable", OperationId = "enableUser")]
    [Authorize(Policy = Policies.Administer)]
    [Tags("Administration")]
    [EndpointSummary("Enable a disabled user")]
    [ProducesResponseType<UserView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Enable(
        string userName, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<UserAccount>(UserDecider.UserIdFor(userName), cancellationToken);
        switch (UserDecider.Enable(stream.Aggregate?.State, userName, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<UserEnabled>.Accepted(var enabled):
                stream.AppendOne(enabled);
                return TypedResults.Ok(UserView.From(UserAccountProjection.Apply(enabled, stream.Aggregate!), await session.LoadAsync<UserSignIn>(enabled.UserName, cancellationToken)));
            case Decision<UserEnabled>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    private static async Task<int> EnabledAdminsAsync(IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<UserAccount>().Where(account => !account.Disabled).ToListAsync(cancellationToken))
        .Count(account => account.Roles.Contains(Roles.Admin, StringComparer.Ordinal));

    private static void EndSessionsOf(IDocumentSession session, string userName) =>
        session.DeleteWhere<UserSession>(existing => existing.UserName == userName);
}
