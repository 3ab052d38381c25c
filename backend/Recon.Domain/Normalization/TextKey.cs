using System.Globalization;
using System.Text;

namespace Recon.Domain.Normalization;

/// <summary>
/// The comparison key of a free-text name: accents removed, lower case, punctuation as spaces, single spaces,
/// and common abbreviations spelled out ("St." → "street", "Bldg" → "building"). Two names with the same key are
/// the same name written differently.
/// </summary>
public static class TextKey
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["st"] = "street",
        ["str"] = "street",
        ["rd"] = "road",
        ["ave"] = "avenue",
        ["av"] = "avenue",
        ["blvd"] = "boulevard",
        ["ln"] = "lane",
        ["dr"] = "drive",
        ["hwy"] = "highway",
        ["sq"] = "square",
        ["pk"] = "park",
        ["pkwy"] = "parkway",
        ["ctr"] = "center",
        ["cntr"] = "center",
        ["centre"] = "center",
        ["bldg"] = "building",
        ["blg"] = "building",
        ["hq"] = "headquarters",
        ["whse"] = "warehouse",
        ["wh"] = "warehouse",
        ["ofc"] = "office",
        ["off"] = "office",
        ["hosp"] = "hospital",
        ["univ"] = "university",
        ["intl"] = "international",
        ["natl"] = "national",
        ["dept"] = "department",
        ["mt"] = "mount",
        ["ft"] = "fort",
        ["n"] = "north",
        ["s"] = "south",
        ["e"] = "east",
        ["w"] = "west",
        ["ne"] = "northeast",
        ["nw"] = "northwest",
        ["se"] = "southeast",
        ["sw"] = "southwest",
        ["co"] = "company",
        ["corp"] = "corporation",
        ["inc"] = "incorporated",
        ["ltd"] = "limited",
        ["fac"] = "facility",
        ["ste"] = "suite",
        ["mkt"] = "market",
        ["dc"] = "distribution center",
        ["&"] = "and",
    };

    public static string Of(string? text, IReadOnlyDictionary<string, string>? extraWords = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = RemoveAccents(text).ToLowerInvariant().Replace("&", " & ", StringComparison.Ordinal);
        var cleaned = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '\'' or '’')
            {
                continue; // "Mary's" and "Marys" are the same word
            }

            cleaned.Append(char.IsLetterOrDigit(c) || c == '&' ? c : ' ');
        }

        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((word, index) => extraWords is not null && extraWords.TryGetValue(word, out var extra) ? extra
                : word == "st" && index == 0 ? "saint" // "St. Mary's Hospital", but "Main St"
                : Abbreviations.TryGetValue(word, out var spelled) ? spelled
                : word);
        return string.Join(' ', words);
    }

    /// <summary>Trims and collapses runs of whitespace to one space, keeping case: for values shown to people.</summary>
    public static string Tidy(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
