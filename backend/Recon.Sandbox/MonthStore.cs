using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Recon.DataGenerator;

namespace Recon.Sandbox;

/// <summary>Each month is generated once, on its first request, then served from memory.</summary>
public sealed class MonthStore(IOptions<SandboxSettings> options)
{
    private const int MaxMonths = 24;

    private readonly ConcurrentDictionary<string, Lazy<GeneratedMonth>> _months = new(StringComparer.Ordinal);

    public GeneratedMonth Get(string month)
    {
        if (_months.Count >= MaxMonths && !_months.ContainsKey(month))
        {
            _months.Clear(); // a sandbox, not a cache server: bound the memory simply
        }

        return _months.GetOrAdd(month, key => new Lazy<GeneratedMonth>(() => MonthGenerator.Generate(options.Value.OptionsFor(key)))).Value;
    }
}
