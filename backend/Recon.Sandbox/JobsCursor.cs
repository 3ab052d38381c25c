using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Recon.Sandbox;

/// <summary>
/// The opaque, stable cursor of <c>GET /v1/jobs</c>: where the next page starts and which page it is, for one month.
/// The same position always gives the same cursor.
/// </summary>
public sealed record JobsCursor(string Month, int Offset, int Page)
{
    private const string Prefix = "c1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}|{Month}|{Offset}|{Page}")));

    /// <summary>Reads a cursor given for <paramref name="month"/>; null when it is not one of ours, or of another month.</summary>
    public static JobsCursor? Decode(string text, string month, int jobCount)
    {
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        return parts.Length == 4
            && parts[0] == Prefix
            && parts[1] == month
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset > 0 && offset < jobCount
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 2
                ? new JobsCursor(month, offset, page)
                : null;
    }
}
