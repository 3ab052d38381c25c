using System.Globalization;

namespace Recon.Domain.Normalization;

/// <summary>
/// Reads the date forms found in client and ERP exports: <c>yyyy-MM-dd</c>, <c>MM/dd/yyyy</c> (also without leading
/// zeros) and <c>dd-MMM-yyyy</c> (<c>05-Oct-2026</c>, any case). Anything else is refused rather than guessed.
/// </summary>
public static class DateNormalizer
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "MM/dd/yyyy",
        "M/d/yyyy",
        "dd-MMM-yyyy",
        "d-MMM-yyyy",
    ];

    public static bool TryParse(string? raw, out DateOnly date)
    {
        date = default;
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return DateOnly.TryParseExact(FixMonthCase(text), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static DateOnly Parse(string? raw) =>
        TryParse(raw, out var date) ? date : throw new FormatException($"'{raw}' is not a date (yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy).");

    public static DateOnly ParseIso(string? raw) =>
        TryParseIso(raw, out var date) ? date : throw new FormatException($"'{raw}' is not an ISO date (yyyy-MM-dd).");

    public static bool TryParseIso(string? raw, out DateOnly date)
    {
        date = default;
        return raw is not null && DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    // "05-OCT-2026" and "05-oct-2026" → "05-Oct-2026": the invariant culture's month names are case-sensitive.
    private static string FixMonthCase(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 3 || parts[1].Length != 3 || !parts[1].All(char.IsAsciiLetter))
        {
            return text;
        }

        var month = parts[1];
        parts[1] = char.ToUpperInvariant(month[0]) + month[1..].ToLowerInvariant();
        return string.Join('-', parts);
    }
}
