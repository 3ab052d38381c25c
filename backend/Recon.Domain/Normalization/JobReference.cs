using System.Text;
using System.Text.RegularExpressions;

namespace Recon.Domain.Normalization;

/// <summary>
/// Job references written by people and ERPs become one canonical form. The comparison key of a reference is its
/// letters and digits in upper case (<c>wo-2610/00421</c>, <c>#WO 2610 00421</c> and <c>WO261000421</c> are one
/// reference); a key of the <c>JOB</c> family — <c>JOB-100234</c>, <c>J100234</c>, <c> j-100234 </c>, <c>job #100234</c>,
/// <c>100234</c> — is written <c>JOB-100234</c>. Both sides of a comparison go through the same function, so two
/// references are the same exactly when their keys are.
/// </summary>
public static partial class JobReference
{
    /// <summary>A key needs a digit and this many characters to identify a job.</summary>
    private const int MinimumKeyLength = 3;

    private const int MaximumKeyLength = 40;

    public static bool TryCanonicalize(string? raw, out string canonical)
    {
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var key = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        if (key.Length is < 1 or > MaximumKeyLength)
        {
            return false;
        }

        var text = key.ToString();
        var family = JobFamily().Match(text);
        if (family.Success)
        {
            var digits = family.Groups["digits"].Value.TrimStart('0');
            if (digits.Length == 0)
            {
                return false;
            }

            canonical = "JOB-" + digits;
            return true;
        }

        if (text.Length < MinimumKeyLength || !text.Any(char.IsAsciiDigit))
        {
            return false;
        }

        canonical = text;
        return true;
    }

    public static string? CanonicalOrNull(string? raw) => TryCanonicalize(raw, out var canonical) ? canonical : null;

    [GeneratedRegex(@"^(?:JOB|JB|J)?(?<digits>\d{1,18})$", RegexOptions.CultureInvariant)]
    private static partial Regex JobFamily();
}
