using System.Globalization;
using Microsoft.Extensions.Options;
using Recon.DataGenerator;

namespace Recon.Sandbox;

/// <summary>The <c>Sandbox</c> settings section (appsettings, environment <c>Sandbox__X</c>, or <c>--Sandbox:X=</c>).</summary>
public sealed class SandboxSettings
{
    public const string Section = "Sandbox";

    /// <summary>The key callers must send in <c>X-Api-Key</c>.</summary>
    public string ApiKey { get; set; } = string.Empty;

    public string ClientId { get; set; } = "northwind-facilities";

    public int Seed { get; set; } = 42;

    public int JobCount { get; set; } = 500;

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public string Noise { get; set; } = "medium";

    public string Currency { get; set; } = "USD";

    public FaultSettings Faults { get; set; } = new();

    /// <summary>The generator's options for <paramref name="month"/> (<c>YYYY-MM</c>, already checked).</summary>
    public GeneratorOptions OptionsFor(string month) => new()
    {
        ClientId = ClientId,
        Month = month,
        JobCount = JobCount,
        Seed = Seed,
        Noise = GeneratorOptions.TryParseNoise(Noise, out var noise) ? noise : NoiseLevel.Medium,
        Currency = Currency,
    };
}

/// <summary>Faults the jobs endpoint injects: random ones at given rates, and a deterministic plan for tests.</summary>
public sealed class FaultSettings
{
    /// <summary>Share (0–1) of jobs requests answered 429 with <c>Retry-After: 1</c>.</summary>
    public double Rate429 { get; set; }

    /// <summary>Share (0–1) of jobs requests answered 503 with <c>Retry-After: 1</c>.</summary>
    public double Rate503 { get; set; }

    /// <summary>Share (0–1) of jobs requests answered 500.</summary>
    public double Rate500 { get; set; }

    /// <summary>Delay, in milliseconds, added to every jobs request.</summary>
    public int SlowMs { get; set; }

    /// <summary><c>page:status</c> pairs, e.g. <c>2:429,3:503,3:503</c>: each is used once, by the next request for that page.</summary>
    public string Plan { get; set; } = string.Empty;
}

/// <summary>Refuses to start on settings that make no sense, naming each.</summary>
public sealed class SandboxSettingsValidator : IValidateOptions<SandboxSettings>
{
    public ValidateOptionsResult Validate(string? name, SandboxSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            problems.Add("Sandbox:ApiKey is required (the key callers send in X-Api-Key).");
        }

        if (!GeneratorOptions.TryParseNoise(options.Noise, out _))
        {
            problems.Add($"Sandbox:Noise '{options.Noise}' is not low, medium or high.");
        }
        else if (options.OptionsFor("2026-01").Validate() is { } generatorProblem)
        {
            problems.Add($"Sandbox: {generatorProblem}");
        }

        var faults = options.Faults;
        foreach (var (key, rate) in new[] { ("Rate429", faults.Rate429), ("Rate503", faults.Rate503), ("Rate500", faults.Rate500) })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Sandbox:Faults:{key} must be between 0 and 1, not {rate}."));
            }
        }

        if (faults.Rate429 + faults.Rate503 + faults.Rate500 > 1)
        {
            problems.Add("Sandbox:Faults rates add up to more than 1.");
        }

        if (faults.SlowMs is < 0 or > 60_000)
        {
            problems.Add("Sandbox:Faults:SlowMs must be between 0 and 60000.");
        }

        if (!FaultPlan.TryParse(faults.Plan, out _, out var planProblem))
        {
            problems.Add($"Sandbox:Faults:Plan: {planProblem}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
