using System.Globalization;

namespace Recon.Domain.Normalization;

/// <summary>How a source writes its numeric dates: <c>03/04/2026</c> is 4 March when month-first, 3 April when day-first.</summary>
public enum DateOrder
{
    MonthFirst,
    DayFirst,
}

/// <summary>
/// Reads the date forms found in client and ERP exports: <c>yyyy-MM-dd</c>, numeric dates with slashes in the source's
/// <see cref="DateOrder"/> (<c>MM/dd/yyyy</c> or <c>dd/MM/yyyy</c>, also without leading zeros) and
/// <c>dd-MMM-yyyy</c> (<c>05-Oct-2026</c>, any case). Anything else is refused rather than guessed.
/// </summary>
public static class DateNormalizer
{
    private static readonly string[] MonthFirstFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "dd-MMM-yyyy", "d-MMM-yyyy"];

    private static readonly string[] DayFirstFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MMM-yyyy", "d-MMM-yyyy"];

    public static bool TryParse(string? raw, out DateOnly date) => TryParse(raw, DateOrder.MonthFirst, out date);

    public static bool TryParse(string? raw, DateOrder order, out DateOnly date)
    {
        date = default;
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return DateOnly.TryParseExact(FixMonthCase(text), order == DateOrder.DayFirst ? DayFirstFormats : MonthFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static DateOnly Parse(string? raw) => Parse(raw, DateOrder.MonthFirst);

    public static DateOnly Parse(string? raw, DateOrder order) =>
        TryParse(raw, order, out var date) ? date : throw new FormatException($"'{raw}' is not a date ({Describe(order)}).");

    /// <summary>The forms accepted, as error messages name them.</summary>
    public static string Describe(DateOrder order) =>
        order == DateOrder.DayFirst ? "yyyy-MM-dd, dd/MM/yyyy or dd-MMM-yyyy" : "yyyy-MM-dd, MM/dd/yyyy or dd-MMM-yyyy";

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
