using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Recon.Domain.Periods;

/// <summary>A calendar month written as <c>YYYY-MM</c>, the unit a reconciliation period covers.</summary>
public readonly record struct ReconciliationMonth
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    private ReconciliationMonth(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public static bool TryParse([NotNullWhen(true)] string? text, out ReconciliationMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var monthNumber))
        {
            return false;
        }

        if (year is < MinYear or > MaxYear || monthNumber is < 1 or > 12)
        {
            return false;
        }

        month = new ReconciliationMonth(year, monthNumber);
        return true;
    }

    public static ReconciliationMonth Parse(string text) =>
        TryParse(text, out var month)
            ? month
            : throw new FormatException($"'{text}' is not a month in the form YYYY-MM between {MinYear} and {MaxYear}.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
