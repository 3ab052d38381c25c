using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Reads a <c>.env</c> file (KEY=VALUE lines, <c>#</c> comments, optional quotes) into configuration.
/// Keys use the environment-variable convention: <c>ConnectionStrings__Recon</c> becomes <c>ConnectionStrings:Recon</c>.
/// It is added before the real environment variables, so a variable set in the shell always wins.
/// </summary>
public static class DotEnvConfiguration
{
    public static void AddDotEnvBelowEnvironment(this ConfigurationManager configuration, string contentRoot)
    {
        var envFile = DotEnvLocation.Find(contentRoot);
        if (envFile is null)
        {
            return;
        }

        var sources = configuration.Sources;
        var environmentIndex = sources.Select((source, index) => (source, index))
            .Where(pair => pair.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            .Select(pair => pair.index)
            .DefaultIfEmpty(sources.Count)
            .Last();
        sources.Insert(environmentIndex, new MemoryConfigurationSource { InitialData = Parse(File.ReadAllLines(envFile), envFile) });
    }

    public static Dictionary<string, string?> Parse(IEnumerable<string> lines, string sourceName)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var rawLine in lines)
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException($"{sourceName}, line {lineNumber}: expected KEY=VALUE but found '{rawLine}'.");
            }

            var key = line[..separator].Trim().Replace("__", ":", StringComparison.Ordinal);
            var value = line[(separator + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[key] = value;
        }

        return values;
    }
}
