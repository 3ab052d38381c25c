using Marten;
using Recon.Domain;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>
/// At start-up: when no user exists, creates <c>admin</c> with <c>Recon:Auth:AdminPassword</c> or a generated
/// password logged once; with <c>Recon:Auth:DemoUsers=true</c>, creates whichever demo users are missing.
/// Idempotent: a second start, or a second instance starting at the same moment, creates nothing.
/// </summary>
public sealed partial class AccountSeeding(IDocumentStore store, AuthSettings settings, Passwords passwords, TimeProvider clock, ILogger<AccountSeeding> logger)
    : IHostedService
{
    public const string SeededBy = "system";
    public const string AdminUserName = "admin";

    public Task StartAsync(CancellationToken cancellationToken) => SeedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = SeededBy;
        var anyUser = await session.Query<UserAccount>().AnyAsync(cancellationToken);
        string? generatedPassword = null;
        if (!anyUser)
        {
            var password = settings.AdminPassword ?? (generatedPassword = SessionCookies.RandomSecret()[..24]);
            Register(session, AdminUserName, "Administrator", password, AccessRoles.Admin);
        }

        var demoUsers = new List<string>();
        if (settings.DemoUsers)
        {
            foreach (var (userName, displayName, role) in AuthSettings.DemoAccounts)
            {
                if (await session.LoadAsync<UserAccount>(UserDecider.UserIdFor(userName), cancellationToken) is null)
                {
                    Register(session, userName, displayName, settings.DemoPassword!, role);
                    demoUsers.Add(userName);
                }
            }
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            LogSeededElsewhere(logger);
            return;
        }

        if (generatedPassword is not null)
        {
            LogGeneratedAdminPassword(logger, AdminUserName, generatedPassword);
        }
        else if (!anyUser)
        {
            LogConfiguredAdmin(logger, AdminUserName);
        }

        if (demoUsers.Count > 0)
        {
            LogDemoUsers(logger, demoUsers);
        }
    }

    private void Register(IDocumentSession session, string userName, string displayName, string password, string role)
    {
        var command = new RegisterUser(userName, displayName, passwords.Hash(password), [role], SeededBy);
        if (UserDecider.Register(null, command, clock.GetUtcNow()) is Decision<UserRegistered>.Accepted(var registered))
        {
            session.Events.StartStream<UserAccount>(UserDecider.UserIdFor(userName), registered);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FIRST START: no user existed, so user '{UserName}' was created with the generated password {AdminPassword} . " +
        "It is shown only this once: sign in and change it (POST /api/admin/users/admin/password), or set Recon:Auth:AdminPassword before the first start.")]
    private static partial void LogGeneratedAdminPassword(ILogger logger, string userName, string adminPassword);

    [LoggerMessage(Level = LogLevel.Information, Message = "No user existed: created user '{UserName}' with the password of Recon:Auth:AdminPassword")]
    private static partial void LogConfiguredAdmin(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo users {UserNames} with the password of Recon:Auth:DemoPassword")]
    private static partial void LogDemoUsers(ILogger logger, IReadOnlyList<string> userNames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance created the first users at the same moment; nothing to seed")]
    private static partial void LogSeededElsewhere(ILogger logger);
}
