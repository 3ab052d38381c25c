using System.Diagnostics.CodeAnalysis;

namespace Recon.Domain.Periods;

/// <summary>
/// The client a period reconciles. Client ids are case-insensitive and written canonically in lower case,
/// so "ACME" and " acme " name the same client.
/// </summary>
public readonly record struct ClientId
{
    public const int MaxLength = 64;

    private ClientId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out ClientId clientId)
    {
        clientId = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || !char.IsAsciiLetterOrDigit(trimmed[0]))
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        clientId = new ClientId(trimmed.ToLowerInvariant());
        return true;
    }

    public static ClientId Parse(string text) =>
        TryParse(text, out var clientId)
            ? clientId
            : throw new FormatException($"'{text}' is not a client id: use 1-{MaxLength} letters, digits, '-', '_' or '.', starting with a letter or digit.");

    public override string ToString() => Value;
}
