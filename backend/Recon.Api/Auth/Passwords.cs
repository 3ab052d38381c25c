using Microsoft.AspNetCore.Identity;

namespace Recon.Api.Auth;

/// <summary>PBKDF2 password hashing (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>), the one place passwords are handled.</summary>
public sealed class Passwords(IPasswordHasher<UserAccount> hasher)
{
    private readonly Lazy<string> _unknownUserHash = new(() => hasher.HashPassword(null!, SessionCookies.RandomSecret()));

    public string Hash(string password) => hasher.HashPassword(null!, password);

    /// <summary>
    /// Checks a password. For an unknown user a stored hash is checked all the same, so the answer takes as long
    /// and tells nothing about which user names exist.
    /// </summary>
    public PasswordVerificationResult Verify(UserAccount? account, string password)
    {
        var result = hasher.VerifyHashedPassword(null!, account?.PasswordHash ?? _unknownUserHash.Value, password);
        return account is null ? PasswordVerificationResult.Failed : result;
    }
}
