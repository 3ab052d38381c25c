using System.Globalization;

namespace Recon.DataGenerator;

/// <summary>How messy the ledger is and how many jobs carry an anomaly.</summary>
public enum NoiseLevel
{
    Low,
    Medium,
    High,
}

/// <summary>What to generate. The same options always give byte-identical outputs.</summary>
public sealed record GeneratorOptions
{
    public const int MaxJobCount = 2_000_000;

    public string ClientId { get; init; } = "northwind-facilities";

    /// <summary>The month, <c>YYYY-MM</c> (2000-01 to 2099-12).</summary>
    public string Month { get; init; } = "2026-10";

    public int JobCount { get; init; } = 500;

    public int Seed { get; init; } = 42;

    public NoiseLevel Noise { get; init; } = NoiseLevel.Medium;

    /// <summary>ISO 4217 code of every amount.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Whose vocabulary the month is written in: Recon's own (<see cref="GeneratorWorld.Classic"/>) or an independent one.</summary>
    public GeneratorWorld World { get; init; } = GeneratorWorld.Classic;

    /// <summary>The first day of <see cref="Month"/>; throws when the options are invalid.</summary>
    public DateOnly FirstDay() => Validate() is { } error ? throw new ArgumentException(error) : ParseMonth(Month)!.Value;

    /// <summary>The first problem with these options, or null when they are valid.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Any(c => char.IsWhiteSpace(c) || c == ','))
        {
            return "ClientId must be a non-empty identifier without spaces or commas.";
        }

        if (ParseMonth(Month) is null)
        {
            return $"Month '{Month}' is not a month YYYY-MM between 2000-01 and 2099-12.";
        }

        if (JobCount is < 0 or > MaxJobCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"JobCount must be between 0 and {MaxJobCount}.");
        }

        if (!Enum.IsDefined(Noise))
        {
            return "Noise must be low, medium or high.";
        }

        if (!Enum.IsDefined(World))
        {
            return "World must be classic or foreign.";
        }

        if (Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetterUpper))
        {
            return $"Currency '{Currency}' is not an upper-case ISO 4217 code.";
        }

        return null;
    }

    /// <summary>Reads <c>YYYY-MM</c> strictly; null when it is anything else.</summary>
    public static DateOnly? ParseMonth(string? month) =>
        month is { Length: 7 }
        && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
        && first.Year is >= 2000 and <= 2099
            ? first
            : null;

    public static bool TryParseNoise(string? text, out NoiseLevel noise)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low":
                noise = NoiseLevel.Low;
                return true;
            case "medium":
                noise = NoiseLevel.Medium;
                return true;
            case "high":
                noise = NoiseLevel.High;
                return true;
            default:
                noise = default;
                return false;
        }
    }

    public static bool TryParseWorld(string? text, out GeneratorWorld world)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "classic":
                world = GeneratorWorld.Classic;
                return true;
            case "foreign":
                world = GeneratorWorld.Foreign;
                return true;
            default:
                world = default;
                return false;
        }
    }

    public static string WorldName(GeneratorWorld world) => world == GeneratorWorld.Foreign ? "foreign" : "classic";

    public static string NoiseName(NoiseLevel noise) => noise switch
    {
        NoiseLevel.Low => "low",
        NoiseLevel.Medium => "medium",
        _ => "high",
    };
}
