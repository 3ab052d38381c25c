using System.Collections.Concurrent;

namespace Recon.Api.Auth;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> failed sign-ins for one user name from one address
/// within <see cref="Window"/>, further attempts from there are refused (429, Retry-After) until the window has passed,
/// whatever the password. Per name and address, so a stranger cannot lock a user out from elsewhere; a successful
/// sign-in clears the count. Kept in memory: per API process.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this name and address must wait before trying again, or null when they may try now.</summary>
    public TimeSpan? RetryAfter(string key)
    {
        var now = clock.GetUtcNow();
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        if (now - failures.Since >= Window)
        {
            _failures.TryRemove(key, out _);
            return null;
        }

        return failures.Count >= MaxFailures ? failures.Since + Window - now : null;
    }

    public void Failed(string key)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(key, _ => new Failures(now, 1), (_, known) => now - known.Since >= Window ? new Failures(now, 1) : known with { Count = known.Count + 1 });
    }

    public void Succeeded(string key) => _failures.TryRemove(key, out _);

    public static string KeyOf(string normalizedUserName, HttpContext http) => $"{normalizedUserName}|{http.Connection.RemoteIpAddress}";

    private sealed record Failures(DateTimeOffset Since, int Count);
}
