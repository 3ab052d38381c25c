using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Recon.Api.Runs;
using Recon.DataGenerator;
using Recon.DataGenerator.Scoring;
using Recon.Domain.Reconciliation;

namespace Recon.Api.Tests.Fixtures;

/// <summary>
/// Reads a whole run through the public API, as an API consumer would: <c>GET /api/runs/{runId}</c> for the KPIs,
/// then every page of <c>/matches</c> and <c>/exceptions</c> by <c>cursor</c> to the end. The transport is the
/// caller's (an Alba host in the tests, an <see cref="HttpClient"/> in the benchmark): it gets a path and answers
/// the body of a 200, or throws.
/// </summary>
public sealed class ApiRunReader(Func<string, Task<string>> get)
{
    /// <summary>The API's JSON: camelCase, enums as camelCase strings.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<RunView> RunAsync(Guid runId) =>
        JsonSerializer.Deserialize<RunView>(await get($"/api/runs/{runId}"), Json)
        ?? throw new InvalidOperationException($"Run {runId} answered no body.");

    /// <summary>Every item of a paged list, following <c>nextCursor</c> to the last page; <paramref name="limit"/> null for the default page size.</summary>
    public async Task<ApiPages<T>> AllPagesAsync<T>(string path, int? limit = null)
    {
        var items = new List<T>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var query = new List<string>();
            if (limit is { } size)
            {
                query.Add(string.Create(CultureInfo.InvariantCulture, $"limit={size}"));
            }

            if (cursor is not null)
            {
                query.Add($"cursor={Uri.EscapeDataString(cursor)}");
            }

            var url = query.Count == 0 ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{string.Join('&', query)}";
            var page = JsonSerializer.Deserialize<ApiPage<T>>(await get(url), Json)
                ?? throw new InvalidOperationException($"{url} answered no body.");
            items.AddRange(page.Items);
            pages++;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return new ApiPages<T>(items, pages);
    }

    /// <summary>The run, all its matches and all its exceptions, read with page size <paramref name="limit"/> (null: the default).</summary>
    public async Task<ApiRunContents> ReadAsync(Guid runId, int? limit = null)
    {
        var run = await RunAsync(runId);
        var matches = await AllPagesAsync<MatchItem>($"/api/runs/{runId}/matches", limit);
        var exceptions = await AllPagesAsync<ExceptionItem>($"/api/runs/{runId}/exceptions", limit);
        return new ApiRunContents(run, matches.Items, exceptions.Items, matches.Pages + exceptions.Pages);
    }
}

/// <summary>One page of <c>/matches</c> or <c>/exceptions</c>, read generically.</summary>
public sealed record ApiPage<T>(List<T> Items, string? NextCursor);

/// <summary>Every item of a paged list and how many pages it took.</summary>
public sealed record ApiPages<T>(IReadOnlyList<T> Items, int Pages);

/// <summary>A run as the public API tells it: its view (KPIs), its matches and its exceptions.</summary>
public sealed record ApiRunContents(RunView Run, IReadOnlyList<MatchItem> Matches, IReadOnlyList<ExceptionItem> Exceptions, int Pages)
{
    /// <summary>
    /// The run's groups as the engine decided them, rebuilt from the API: an exception is a group (its category, its
    /// jobs and lines; <see cref="ExceptionItem.MatchId"/> names the match it holds, so that match is not counted
    /// again); a match holding no exception is an <c>exact</c> group; every record of the month in neither is one the
    /// engine left alone without an exception — a cancelled job not billed (<c>exact</c>). Should a completed job or a
    /// line be in neither (the engine never does that: an unbilled job is a <c>missing_in_ledger</c> exception, a
    /// line of no job <c>missing_in_client</c>), it is a singleton of that category, not an exception, so it scores as a miss.
    /// </summary>
    public IReadOnlyList<EngineGroup> Groups(GeneratedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var groups = new List<EngineGroup>();
        var held = Exceptions.Where(e => e.MatchId is not null).Select(e => e.MatchId!.Value).ToHashSet();
        groups.AddRange(Exceptions.Select(e => new EngineGroup(e.ClientJobIds, e.LedgerLineIds, e.Category, IsException: true)));
        groups.AddRange(Matches.Where(m => !held.Contains(m.MatchId)).Select(m => new EngineGroup(m.ClientJobIds, m.LedgerLineIds, m.Category, IsException: false)));

        var seen = groups.SelectMany(g => g.JobIds.Concat(g.LineIds)).ToHashSet(StringComparer.Ordinal);
        foreach (var job in month.Jobs.Where(job => !seen.Contains(job.JobId)))
        {
            groups.Add(new EngineGroup([job.JobId], [], job.IsCompleted ? Category.MissingInLedger : Category.Exact, IsException: false));
        }

        foreach (var line in month.LedgerLines.Where(line => !seen.Contains(line.LineId)))
        {
            groups.Add(new EngineGroup([], [line.LineId], Category.MissingInClient, IsException: false));
        }

        return groups;
    }

    /// <summary>The run's totals from its KPIs.</summary>
    public EngineTotals Totals => Run.Kpis is { } kpis
        ? new EngineTotals(kpis.ClientTotal, kpis.LedgerTotal, kpis.Variance)
        : throw new InvalidOperationException($"Run {Run.RunId} has no KPIs ({Run.Status}).");
}
