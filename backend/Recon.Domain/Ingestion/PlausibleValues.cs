namespace Recon.Domain.Ingestion;

/// <summary>
/// Values that parse but cannot be right for the period: a service date far from the period's month (the year 0001,
/// 1900 or 9999 — a typo or a placeholder), or a positive total where quantity × rate is negative (a negative quantity
/// or rate billed as a charge). A negative total on a positive quantity × rate is a credit note, as ERPs write them. Such a row is rejected naming the field, instead of entering the month as a real amount.
/// </summary>
public sealed record PlausibleValues(DateOnly EarliestServiceDate, DateOnly LatestServiceDate)
{
    /// <summary>Months before the period a service may still be billed in it (late billing).</summary>
    public const int MonthsBefore = 12;

    /// <summary>Months after the period a service may already appear (billing in advance).</summary>
    public const int MonthsAfter = 3;

    public static PlausibleValues ForPeriod(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new PlausibleValues(first.AddMonths(-MonthsBefore), first.AddMonths(1 + MonthsAfter).AddDays(-1));
    }

    /// <summary>Why the values are implausible, by field, or nothing when they are plausible.</summary>
    public IEnumerable<(string Field, string Message)> Check(DateOnly serviceDate, string dateField, decimal quantity, decimal rate, decimal total, string totalField)
    {
        if (serviceDate < EarliestServiceDate || serviceDate > LatestServiceDate)
        {
            yield return (dateField, $"{serviceDate:yyyy-MM-dd} is outside the period's plausible service dates ({EarliestServiceDate:yyyy-MM-dd} to {LatestServiceDate:yyyy-MM-dd}).");
        }

        var expected = quantity * rate;
        if (expected < 0 && total > 0)
        {
            yield return (totalField, $"{total.ToString(System.Globalization.CultureInfo.InvariantCulture)} is a charge, but quantity × rate is negative ({expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}): the opposite sign.");
        }
    }
}
