using System.Text.RegularExpressions;

namespace Recon.Domain.Normalization;

/// <summary>
/// Job references written by people and ERPs — <c>JOB-100234</c>, <c>J100234</c>, <c> j-100234 </c>,
/// <c>job #100234</c>, <c>100234</c> — all become one canonical form, <c>JOB-100234</c>.
/// </summary>
public static partial class JobReference
{
    public static bool TryCanonicalize(string? raw, out string canonical)
    {
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var match = Pattern().Match(raw.Trim());
        if (!match.Success)
        {
            return false;
        }

        var digits = match.Groups["digits"].Value.TrimStart('0');
        if (digits.Length == 0)
        {
            return false;
        }

        canonical = "JOB-" + digits;
        return true;
    }

    public static string? CanonicalOrNull(string? raw) => TryCanonicalize(raw, out var canonical) ? canonical : null;

    [GeneratedRegex(@"^(?:(?:JOB|JB|J)\s*[-_#:./ ]?\s*)?(?<digits>\d{1,18})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
