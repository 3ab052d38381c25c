using System.Globalization;
using Microsoft.Extensions.Options;
using Recon.DataGenerator;

namespace Recon.Sandbox;

/// <summary>
/// A deterministic fault plan: <c>2:429,3:503,3:503</c> makes the first request for page 2 answer 429 and the first
/// two requests for page 3 answer 503; every entry is used once, then the page succeeds. Page 1 is the request
/// without a cursor, page n the one with the cursor returned by page n-1.
/// </summary>
public sealed class FaultPlan
{
    public static readonly IReadOnlySet<int> Statuses = new HashSet<int> { 429, 500, 502, 503, 504 };

    private readonly Dictionary<int, Queue<int>> _pending;
    private readonly Lock _gate = new();

    private FaultPlan(Dictionary<int, Queue<int>> pending) => _pending = pending;

    public static bool TryParse(string? text, out FaultPlan plan, out string? problem)
    {
        var pending = new Dictionary<int, Queue<int>>();
        plan = new FaultPlan(pending);
        problem = null;
        foreach (var entry in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || !Statuses.Contains(status))
            {
                problem = $"'{entry}' is not page:status with a page from 1 and a status among {string.Join(", ", Statuses.Order())}.";
                return false;
            }

            if (!pending.TryGetValue(page, out var queue))
            {
                pending[page] = queue = new Queue<int>();
            }

            queue.Enqueue(status);
        }

        return true;
    }

    /// <summary>The planned fault for this request to <paramref name="page"/>, used up; or null.</summary>
    public int? Take(int page)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(page, out var queue) && queue.TryDequeue(out var status) ? status : null;
        }
    }
}

/// <summary>Decides, per jobs request, whether to fail it: the plan first, then the seeded random rates.</summary>
public sealed partial class FaultInjector
{
    private readonly FaultSettings _settings;
    private readonly FaultPlan _plan;
    private readonly SeededRandom _random;
    private readonly Lock _gate = new();
    private readonly ILogger<FaultInjector> _logger;

    public FaultInjector(IOptions<SandboxSettings> options, ILogger<FaultInjector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Faults;
        _ = FaultPlan.TryParse(_settings.Plan, out _plan, out _);
        _random = new SeededRandom(SeededRandom.Mix(unchecked((ulong)(long)options.Value.Seed), StableHash.Of("faults")));
        _logger = logger;
    }

    public TimeSpan Delay => TimeSpan.FromMilliseconds(_settings.SlowMs);

    public int? Decide(int page)
    {
        var status = _plan.Take(page) ?? Random();
        if (status is { } injected)
        {
            LogFault(injected, page);
        }

        return status;
    }

    private int? Random()
    {
        if (_settings.Rate429 + _settings.Rate503 + _settings.Rate500 <= 0)
        {
            return null;
        }

        double roll;
        lock (_gate)
        {
            roll = _random.NextDouble();
        }

        return roll < _settings.Rate429 ? 429
            : roll < _settings.Rate429 + _settings.Rate503 ? 503
            : roll < _settings.Rate429 + _settings.Rate503 + _settings.Rate500 ? 500
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Injected fault {Status} on a request for page {Page}")]
    private partial void LogFault(int status, int page);
}
