using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Recon.Api.Runs;
using Recon.Api.Tests.Fixtures;
using Recon.DataGenerator;
using Recon.DataGenerator.Scoring;

/// <summary>
/// Accuracy through the public API (`accuracy` mode): per (world, jobs, noise, seed) a generated month's two CSVs are
/// uploaded over HTTP to the real API process, reconciled, and every match and exception read back page by page at the
/// default and at the largest page size (both reads must agree), then scored by the generator's shared scorer
/// (docs/reconciliation.md, "Measuring accuracy"). One table row each, with the run's time (request → completed).
/// Usage: accuracy [--jobs 3000,20000] [--noise low,medium,high] [--world classic,foreign] [--seeds 101,202] [--seed-catalog on|off] [--report]
/// (--report prints each row's full report: categories, confusions, worst misclassifications).
/// </summary>
internal static class AccuracyBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var jobCounts = List(args, "--jobs", "3000,20000").Select(j => int.Parse(j, CultureInfo.InvariantCulture)).ToList();
        var seeds = List(args, "--seeds", "101,202").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var noises = List(args, "--noise", "low,medium,high")
            .Select(n => GeneratorOptions.TryParseNoise(n, out var noise) ? noise : throw new ArgumentException($"Unknown noise '{n}' (low, medium, high)."))
            .ToList();
        var worlds = List(args, "--world", "classic,foreign").Select(World).ToList();
        var fullReports = args.Contains("--report");
        var seedCatalog = List(args, "--seed-catalog", "off").Single() switch
        {
            "on" => "true",
            "off" => "false",
            var other => throw new ArgumentException($"--seed-catalog takes on or off, not '{other}'."),
        };

        var (http, api, _) = await Processes.StartSignedInApiAsync(
            new Dictionary<string, string> { ["Recon__Database__Schema"] = "bench_accuracy", ["Recon__Vocabulary__SeedCatalog"] = seedCatalog },
            TimeSpan.FromMinutes(10));
        using var disposeHttp = http;
        var reader = new ApiRunReader(async path =>
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        });

        var reports = new List<string>();
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Accuracy through the API, {Environment.ProcessorCount} cores, built-in service catalog {(seedCatalog == "true" ? "on" : "off")}; run = request → completed, read = every page at the default / {RunItemsQuery.MaxLimit} page size"));
            Console.WriteLine();
            Console.WriteLine("world    noise    jobs   lines  seed  run s  read s     link P  link R  blank R  exact→exc  macro-F1  min recall (category)            exc / true     variance");
            foreach (var world in worlds)
            {
                foreach (var jobs in jobCounts)
                {
                    foreach (var noise in noises)
                    {
                        foreach (var seed in seeds)
                        {
                            var (row, report) = await MeasureAsync(http, reader, api.Id, world, jobs, noise, seed);
                            Console.WriteLine(row);
                            reports.Add(report);
                        }
                    }
                }
            }

            if (fullReports)
            {
                foreach (var report in reports)
                {
                    Console.WriteLine();
                    Console.Write(report);
                }
            }
        }
        finally
        {
            await Processes.StopAsync(api);
            api.Dispose();
        }
    }

    private static async Task<(string Row, string Report)> MeasureAsync(HttpClient http, ApiRunReader reader, int apiProcessId, string world, int jobs, NoiseLevel noise, int seed)
    {
        // One client per row, named after it: the same row generates the same month (the client id is an input), and
        // its period is its own (run it on a fresh database, as ./ops/recon bench does).
        var clientId = string.Create(CultureInfo.InvariantCulture, $"acc-{world[0]}{GeneratorOptions.NoiseName(noise)[0]}{jobs}-{seed}");
        var month = MonthGenerator.Generate(new GeneratorOptions { ClientId = clientId, Month = "2026-10", JobCount = jobs, Seed = seed, Noise = noise, World = GeneratorOptions.TryParseWorld(world, out var w) ? w : GeneratorWorld.Classic });
        var open = await http.PostAsJsonAsync("/api/periods", new { clientId, month = "2026-10" });
        open.EnsureSuccessStatusCode();
        var periodId = JsonDocument.Parse(await open.Content.ReadAsStringAsync()).RootElement.GetProperty("periodId").GetGuid();
        await UploadAsync(http, periodId, "client-jobs", month.ClientJobsCsv());
        await UploadAsync(http, periodId, "ledger-lines", month.LedgerCsv());

        var run = await ReconciliationFigures.MeasureAsync(http, periodId, 0, apiProcessId);
        var runId = run.Run.GetProperty("runId").GetGuid();
        var watch = Stopwatch.StartNew();
        var byDefault = await reader.ReadAsync(runId);
        var defaultSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var byMax = await reader.ReadAsync(runId, RunItemsQuery.MaxLimit);
        var maxSeconds = watch.Elapsed.TotalSeconds;
        Agree(byDefault, byMax, runId);

        var score = AccuracyScore.Of(month, byMax.Groups(month), byMax.Totals);
        var weakest = score.Categories.Where(c => c.Recall is not null).MinBy(c => c.Recall);
        var name = GeneratorOptions.NoiseName(noise);
        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"{world,-9}{name,-7}{jobs,7:N0}{month.LedgerLines.Count,8:N0}{seed,6}{run.RunSeconds,7:N1}{defaultSeconds,5:N1}/{maxSeconds,-4:N1}{score.LinkPrecision,9:P2}{score.LinkRecall,8:P2}{score.BlankRefRecall,9:P2}{score.ExactPairsInExceptionsShare,11:P2}{score.MacroF1,10:P2}  {(weakest is null ? "–" : $"{weakest.Recall:P1} ({weakest.Category})"),-32}{score.ExceptionsRaised,6:N0} / {score.TrueAnomalyGroups,-7:N0}{(score.TotalsMatch ? "= truth" : "DIFFERENT")}");
        return (row, $"{world}, {name} noise, {jobs:N0} jobs, seed {seed}:\n{score.Report()}");
    }

    /// <summary>The two reads list the same matches and exceptions, once each, as many as the run's KPIs count.</summary>
    private static void Agree(ApiRunContents byDefault, ApiRunContents byMax, Guid runId)
    {
        var kpis = byMax.Run.Kpis ?? throw new InvalidOperationException($"Run {runId} has no KPIs.");
        foreach (var read in new[] { byDefault, byMax })
        {
            if (read.Matches.Select(m => m.MatchId).Distinct().Count() != kpis.Matches || read.Matches.Count != kpis.Matches
                || read.Exceptions.Select(e => e.ExceptionId).Distinct().Count() != kpis.Exceptions || read.Exceptions.Count != kpis.Exceptions)
            {
                throw new InvalidOperationException(
                    $"Run {runId}: {read.Matches.Count} matches and {read.Exceptions.Count} exceptions read, the KPIs count {kpis.Matches} and {kpis.Exceptions}.");
            }
        }

        if (!byDefault.Matches.Select(m => m.MatchId).Order().SequenceEqual(byMax.Matches.Select(m => m.MatchId).Order())
            || !byDefault.Exceptions.Select(e => e.ExceptionId).Order().SequenceEqual(byMax.Exceptions.Select(e => e.ExceptionId).Order()))
        {
            throw new InvalidOperationException($"Run {runId}: the default and the largest page size list different items.");
        }
    }

    private static async Task UploadAsync(HttpClient http, Guid periodId, string kind, string csv)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", $"{kind}.csv");
        var upload = await http.PostAsync($"/api/periods/{periodId}/{kind}", form);
        if (!upload.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload of {kind} failed with {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The generator's worlds: Recon's own vocabulary (classic) and one sharing no word with it (foreign).</summary>
    private static string World(string name) => GeneratorOptions.TryParseWorld(name.Trim(), out var world)
        ? GeneratorOptions.WorldName(world)
        : throw new ArgumentException($"Unknown world '{name}': classic or foreign.");

    private static List<string> List(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        var text = at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}
