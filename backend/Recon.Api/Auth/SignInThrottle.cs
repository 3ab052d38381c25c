using System.Collections.Concurrent;

namespace Recon.Api.Auth;

/// <summary>
/// Slows down password guessing, two ways, each refusing further attempts (429, Retry-After) until its window has
/// passed, whatever the password:
/// <list type="bullet">
/// <item>after <see cref="MaxFailures"/> failed sign-ins for one user name from one address within <see cref="Window"/>
/// (per name and address, so a stranger cannot lock a user out from elsewhere; a successful sign-in clears it);</item>
/// <item>after <see cref="MaxFailuresPerAddress"/> failed sign-ins from one address within <see cref="Window"/>, whatever
/// the user names (spraying one password over many names); a success does not clear it, or one known account would
/// let an address keep guessing.</item>
/// </list>
/// The address is the client's as the forwarded-headers middleware leaves it (configured proxies only). Kept in
/// memory: per API process.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;

    public const int MaxFailuresPerAddress = 50;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>Why and how long this name and address must wait before trying again, or null when they may try now.</summary>
    public Throttled? RetryAfter(string normalizedUserName, HttpContext http)
    {
        var now = clock.GetUtcNow();
        return Wait(AddressKey(http), MaxFailuresPerAddress, now) is { } addressWait
            ? new Throttled(addressWait, ByAddress: true)
            : Wait(NameKey(normalizedUserName, http), MaxFailures, now) is { } nameWait
                ? new Throttled(nameWait, ByAddress: false)
                : null;
    }

    public void Failed(string normalizedUserName, HttpContext http)
    {
        var now = clock.GetUtcNow();
        Count(NameKey(normalizedUserName, http), now);
        Count(AddressKey(http), now);
    }

    public void Succeeded(string normalizedUserName, HttpContext http) => _failures.TryRemove(NameKey(normalizedUserName, http), out _);

    private TimeSpan? Wait(string key, int maxFailures, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return null;
        }

        if (now - failures.Since >= Window)
        {
            _failures.TryRemove(key, out _);
            return null;
        }

        return failures.Count >= maxFailures ? failures.Since + Window - now : null;
    }

    private void Count(string key, DateTimeOffset now) =>
        _failures.AddOrUpdate(key, _ => new Failures(now, 1), (_, known) => now - known.Since >= Window ? new Failures(now, 1) : known with { Count = known.Count + 1 });

    private static string NameKey(string normalizedUserName, HttpContext http) => $"name|{normalizedUserName}|{http.Connection.RemoteIpAddress}";

    private static string AddressKey(HttpContext http) => $"address|{http.Connection.RemoteIpAddress}";

    private sealed record Failures(DateTimeOffset Since, int Count);
}

/// <summary>A refused attempt: how long to wait, and whether the address (rather than the name at it) is throttled.</summary>
public sealed record Throttled(TimeSpan Wait, bool ByAddress);
