using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Recon.Domain.Normalization;

/// <summary>An amount in one currency. Always decimal, never floating point.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00##} {Currency}");
}

/// <summary>
/// Reads amounts as exports write them: <c>1250.00</c>, <c>$1,250.00</c>, <c>-250.00</c>, <c>(250.00)</c> for a credit,
/// <c>€ 99.50</c>. A comma is only ever a thousands separator (in groups of three), so <c>1 250,00</c> is refused
/// rather than misread.
/// </summary>
public static class MoneyParser
{
    private static readonly char[] CurrencySymbols = ['$', '€', '£', '¥'];

    public static decimal ParseAmount(string? raw) =>
        TryParseAmount(raw, out var amount) ? amount : throw new FormatException($"'{raw}' is not an amount.");

    public static bool TryParseAmount(string? raw, out decimal amount)
    {
        amount = 0m;
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var negative = false;
        if (text[0] == '(' && text[^1] == ')')
        {
            negative = true;
            text = text[1..^1].Trim();
        }

        if (text.StartsWith('-'))
        {
            if (negative)
            {
                return false;
            }

            negative = true;
            text = text[1..].TrimStart();
        }

        text = text.TrimStart(CurrencySymbols).TrimStart();
        if (text.StartsWith('-'))
        {
            if (negative)
            {
                return false;
            }

            negative = true;
            text = text[1..];
        }

        if (text.Length == 0 || !IsWellFormedNumber(text))
        {
            return false;
        }

        if (!decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        if (negative)
        {
            amount = -amount;
        }

        return true;
    }

    /// <summary>Digits with optional thousands commas in groups of three, and at most one decimal point.</summary>
    private static bool IsWellFormedNumber(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var fraction = point >= 0 ? text[(point + 1)..] : string.Empty;
        if (integerPart.Length == 0 || !fraction.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length == 0))
        {
            return false;
        }

        if (!integerPart.Contains(',', StringComparison.Ordinal))
        {
            return integerPart.All(char.IsAsciiDigit);
        }

        var groups = integerPart.Split(',');
        return groups[0].Length is >= 1 and <= 3
            && groups.All(group => group.All(char.IsAsciiDigit))
            && groups.Skip(1).All(group => group.Length == 3);
    }
}

/// <summary>ISO 4217 currency codes Recon accepts.</summary>
public static class Currencies
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "JPY",
        "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "USD", "ZAR",
    };

    public static string Normalize(string? raw) =>
        TryNormalize(raw, out var code) ? code : throw new FormatException($"'{raw}' is not an ISO 4217 currency code.");

    public static bool TryNormalize(string? raw, [NotNullWhen(true)] out string? code)
    {
        code = raw?.Trim().ToUpperInvariant();
        if (code is { Length: 3 } && Known.Contains(code))
        {
            return true;
        }

        code = null;
        return false;
    }
}
