using System.Runtime.CompilerServices;
using Alba;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Recon.Api.Auth;
using Recon.Domain.Access;

namespace Recon.Api.Tests.Fixtures;

/// <summary>A user that exists in the host under test, with the password to sign in with.</summary>
public sealed record TestUser(string UserName, string Password, IReadOnlyList<string> Roles);

/// <summary>A real cookie session: the <c>recon.session</c> cookie's value and the antiforgery token to echo.</summary>
public sealed record SignedInSession(string SessionCookie, string XsrfToken);

/// <summary>
/// Who a scenario runs as. By default every scenario runs as <see cref="Tester"/> (all four roles) through a real
/// cookie session with its <c>X-XSRF-TOKEN</c>, signed in after every data reset. A scenario can choose otherwise:
/// <c>x.As(user)</c> (a real session of that user, signed in once and cached), <c>x.Anonymously()</c> or
/// <c>x.WithToken(secret)</c>. Sign in through <see cref="SignInAsync"/> (anonymous), never with a plain
/// scenario: signing in ends the session the request carries.
/// </summary>
public static class Users
{
    public const string TesterUserName = "tester";
    public const string TesterPassword = "tester-password-1234";

    private static readonly Lazy<string> TesterPasswordHash = new(() => new PasswordHasher<UserAccount>().HashPassword(null!, TesterPassword));
    private static readonly ConditionalWeakTable<IAlbaHost, HostSessions> Hosts = new();
    private static readonly ConditionalWeakTable<TestUser, UserSession> SignedInUsers = new();

    /// <summary>The fixture's user: reviewer, approver, auditor and admin at once.</summary>
    public static readonly TestUser Tester = new(TesterUserName, TesterPassword, AccessRoles.All);

    /// <summary>
    /// After a data reset: forgets every cached session, recreates <see cref="Tester"/> and signs it in. From the
    /// first call on, every scenario of the host runs as <see cref="Tester"/> unless it chooses otherwise.
    /// </summary>
    public static async Task GivenTesterSignedInAsync(this IAlbaHost host)
    {
        var sessions = SessionsOf(host);
        sessions.Generation++;
        sessions.Tester = null;
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            // Stored as the projected document only, without a user stream: tests that count events see none of it.
            session.Store(new UserAccount(UserDecider.UserIdFor(TesterUserName), TesterUserName, "Test User", TesterPasswordHash.Value, AccessRoles.All, false, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        sessions.Tester = await host.SignInAsync(TesterUserName, TesterPassword);
    }

    /// <summary>Creates a user through the admin API (as <see cref="Tester"/>) and signs it in once.</summary>
    public static async Task<TestUser> GivenUser(this IAlbaHost host, string userName, params string[] roles)
    {
        var user = new TestUser(userName, $"{userName}-password-1234", roles);
        await host.Scenario(x =>
        {
            x.Post.Json(new CreateUser(user.UserName, null, user.Password, roles)).ToUrl("/api/admin/users");
            x.StatusCodeShouldBe(201);
        });
        await host.SignedIn(user);
        return user;
    }

    /// <summary>Signs an existing user in (again) and caches the session that <c>As(user)</c> sends.</summary>
    public static async Task<TestUser> SignedIn(this IAlbaHost host, TestUser user)
    {
        var sessions = SessionsOf(host);
        var signedIn = await host.SignInAsync(user.UserName, user.Password);
        SignedInUsers.AddOrUpdate(user, new UserSession(sessions, sessions.Generation, signedIn));
        return user;
    }

    /// <summary>Signs in anonymously through the API and returns the new session's cookies.</summary>
    public static async Task<SignedInSession> SignInAsync(this IAlbaHost host, string userName, string password)
    {
        var result = await host.Scenario(x =>
        {
            x.Anonymously();
            x.Post.Json(new SignInRequest(userName, password)).ToUrl("/api/auth/sign-in");
            x.StatusCodeShouldBe(200);
        });
        return SessionFrom(result);
    }

    /// <summary>The session cookies a response set.</summary>
    public static SignedInSession SessionFrom(IScenarioResult result)
    {
        var cookies = SetCookieHeaderValue.ParseList(result.Context.Response.Headers.SetCookie.Select(value => value ?? "").ToList());
        string CookieValue(string name) =>
            cookies.LastOrDefault(cookie => cookie.Name == name)?.Value.ToString()
            ?? throw new InvalidOperationException($"The response set no {name} cookie.");
        return new SignedInSession(CookieValue(SessionCookies.CookieName), CookieValue(SessionCookies.XsrfCookieName));
    }

    /// <summary>Runs the scenario as <paramref name="user"/> (from <see cref="GivenUser"/> or <see cref="SignedIn"/>): its cookie session and X-XSRF-TOKEN.</summary>
    public static Scenario As(this Scenario scenario, TestUser user)
    {
        if (!SignedInUsers.TryGetValue(user, out var signedIn))
        {
            throw new InvalidOperationException($"User '{user.UserName}' has no session: get it from host.GivenUser(...) or host.SignedIn(user).");
        }

        if (signedIn.Generation != signedIn.Host.Generation)
        {
            throw new InvalidOperationException($"User '{user.UserName}' is from before the last data reset: create it again in this test.");
        }

        return scenario.WithSession(signedIn.Session);
    }

    /// <summary>Runs the scenario with these session cookies (e.g. an old session, to see it refused).</summary>
    public static Scenario WithSession(this Scenario scenario, SignedInSession session)
    {
        scenario.ConfigureHttpContext(context => Send(context, session));
        return scenario;
    }

    /// <summary>Runs the scenario without any credentials.</summary>
    public static Scenario Anonymously(this Scenario scenario)
    {
        scenario.ConfigureHttpContext(ClearCredentials);
        return scenario;
    }

    /// <summary>Runs the scenario with <c>Authorization: Bearer {secret}</c> and no cookie.</summary>
    public static Scenario WithToken(this Scenario scenario, string secret)
    {
        scenario.ConfigureHttpContext(context =>
        {
            ClearCredentials(context);
            context.Request.Headers.Authorization = $"Bearer {secret}";
        });
        return scenario;
    }

    private static HostSessions SessionsOf(IAlbaHost host) => Hosts.GetValue(host, newHost =>
    {
        var sessions = new HostSessions();
        newHost.BeforeEach(context =>
        {
            if (sessions.Tester is { } tester)
            {
                Send(context, tester);
            }
        });
        return sessions;
    });

    private static void Send(HttpContext context, SignedInSession session)
    {
        ClearCredentials(context);
        context.Request.Headers.Cookie = $"{SessionCookies.CookieName}={session.SessionCookie}; {SessionCookies.XsrfCookieName}={session.XsrfToken}";
        context.Request.Headers[SessionCookies.XsrfHeaderName] = session.XsrfToken;
    }

    private static void ClearCredentials(HttpContext context)
    {
        context.Request.Headers.Remove(HeaderNames.Cookie);
        context.Request.Headers.Remove(HeaderNames.Authorization);
        context.Request.Headers.Remove(SessionCookies.XsrfHeaderName);
    }

    private sealed class HostSessions
    {
        public int Generation { get; set; }

        public SignedInSession? Tester { get; set; }
    }

    private sealed record UserSession(HostSessions Host, int Generation, SignedInSession Session);
}

/// <summary>API tokens for tests, issued through the admin API as <see cref="Users.Tester"/>.</summary>
public static class Tokens
{
    /// <summary>Issues a token and returns its secret (shown once).</summary>
    public static async Task<string> GivenToken(this IAlbaHost host, string name, string access, DateTimeOffset? expiresAt = null) =>
        (await host.IssueToken(name, access, expiresAt)).Secret;

    public static async Task<IssuedToken> IssueToken(this IAlbaHost host, string name, string access, DateTimeOffset? expiresAt = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { name, access, expiresAt }).ToUrl("/api/admin/tokens");
            x.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<IssuedToken>())!;
    }
}
