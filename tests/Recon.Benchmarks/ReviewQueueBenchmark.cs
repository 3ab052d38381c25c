using System.Diagnostics;
using System.Globalization;
using Marten;
using Recon.Api.Infrastructure;
using Recon.Domain.Reconciliation;
using Recon.Domain.Review;

/// <summary>
/// The review queue under load: N open exceptions (default 100,000) across 25 periods of 5 clients are appended as real
/// case events through the API's own store configuration (the inline projection builds the queue as in production),
/// then the real API process answers <c>GET /api/review-queue</c> (first page, no filter or any single filter) to C
/// concurrent clients (default 20). Prints p50/p95/p99/max latency, throughput and errors, overall and per filter.
/// Run through <c>./ops/recon bench review-queue [--exceptions N] [--clients C] [--requests R]</c>.
/// </summary>
internal static class ReviewQueueBenchmark
{
    private const string Schema = "bench_review";
    private static readonly string[] Clients = ["acme", "globex", "initech", "umbrella", "hooli"];
    private static readonly string[] Months = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
    private static readonly string[] Reviewers = ["reviewer", "reviewer2", "approver"];

    public static async Task RunAsync(string[] args, Func<IReadOnlyDictionary<string, string>, Task<(HttpClient Http, Process Api)>> startApi)
    {
        var exceptions = Option(args, "--exceptions", 100_000);
        var clients = Option(args, "--clients", 20);
        var requests = Option(args, "--requests", 500);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Recon")
            ?? throw new InvalidOperationException("ConnectionStrings__Recon is not set: run ./ops/recon bench review-queue.");

        Console.WriteLine($"Seeding {exceptions:N0} open exceptions as case events (25 periods, 5 clients)…");
        var seedWatch = Stopwatch.StartNew();
        var sample = await SeedAsync(connectionString, exceptions);
        Console.WriteLine($"seeded in {seedWatch.Elapsed.TotalSeconds:N1} s");

        var (http, api) = await startApi(new Dictionary<string, string> { ["Recon__Database__Schema"] = Schema });
        try
        {
            var queries = new (string Name, string Query)[]
            {
                ("no filter", string.Empty),
                ("periodId", $"periodId={sample.PeriodId}"),
                ("clientId", $"clientId={sample.ClientId}"),
                ("category", $"category={Category.RateChange}"),
                ("site", $"site={sample.Site}"),
                ("assignee", "assignee=reviewer2"),
                ("status", "status=open"),
                ("minImpact", "minImpact=5000"),
                ("q (text)", $"q={sample.JobFragment}"),
            };

            // Warm-up: JIT, Wolverine's generated handler, PostgreSQL's caches.
            foreach (var (_, query) in queries)
            {
                for (var i = 0; i < 5; i++)
                {
                    (await http.GetAsync($"/api/review-queue?{query}")).EnsureSuccessStatusCode();
                }
            }

            Console.WriteLine($"Load: {clients} concurrent clients × {requests} requests, first page (50 items), cycling through {queries.Length} query shapes…");
            var results = new List<(string Name, double Ms, bool Ok)>[clients];
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
            {
                var mine = results[client] = new List<(string, double, bool)>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var (name, query) = queries[(client + i) % queries.Length];
                    var watch = Stopwatch.StartNew();
                    bool ok;
                    try
                    {
                        using var response = await http.GetAsync($"/api/review-queue?{query}");
                        await response.Content.ReadAsByteArrayAsync();
                        ok = response.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }

                    mine.Add((name, watch.Elapsed.TotalMilliseconds, ok));
                }
            })));
            var seconds = wall.Elapsed.TotalSeconds;
            var all = results.SelectMany(r => r).ToList();

            Console.WriteLine();
            Console.WriteLine($"open exceptions in the queue        {exceptions,12:N0}");
            Console.WriteLine($"requests                            {all.Count,12:N0}   ({clients} concurrent clients)");
            Console.WriteLine($"errors                              {all.Count(r => !r.Ok),12:N0}");
            Console.WriteLine($"throughput                          {all.Count / seconds,12:N0} requests/s");
            Console.WriteLine($"latency p50 / p95 / p99 / max       {Line(all.Select(r => r.Ms).ToList())}");
            Console.WriteLine($"target                              p99 ≤ 100 ms → {(Percentile(all.Select(r => r.Ms).ToList(), 0.99) <= 100 ? "met" : "NOT met")}");
            Console.WriteLine();
            Console.WriteLine("per query shape (p50 / p95 / p99 / max, ms):");
            foreach (var group in all.GroupBy(r => r.Name))
            {
                Console.WriteLine($"  {group.Key,-12} {Line(group.Select(r => r.Ms).ToList())}   errors {group.Count(r => !r.Ok)}");
            }
        }
        finally
        {
            await Processes.StopAsync(api);
            http.Dispose();
        }
    }

    private static string Line(List<double> ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percentile(ms, 0.50),7:N1} {Percentile(ms, 0.95),7:N1} {Percentile(ms, 0.99),7:N1} {ms.Max(),7:N1} ms");

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Sample(Guid PeriodId, string ClientId, string Site, string JobFragment);

    /// <summary>Appends N <see cref="ExceptionOpenedForReview"/> case streams (seeded random, realistic spread), 2,000 per session, 4 sessions at a time.</summary>
    private static async Task<Sample> SeedAsync(string connectionString, int count)
    {
        using var store = DocumentStore.For(options => ReconStore.Configure(options, connectionString, Schema));
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var random = new Random(20261125);
        var categories = Category.All.Where(c => c != Category.Exact).ToArray();
        var periods = Clients.SelectMany(client => Months.Select(month => (Id: Guid.NewGuid(), Client: client, Month: month))).ToArray();
        var runs = periods.ToDictionary(p => p.Id, _ => Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var cases = new List<(Guid Id, object Event, string? Assignee)>(count);
        for (var i = 0; i < count; i++)
        {
            var period = periods[i % periods.Length];
            var site = $"{period.Client.ToUpperInvariant()}-S{random.Next(1, 60):D3}";
            var job = $"JOB-{period.Month.Replace("-", string.Empty, StringComparison.Ordinal)}-{i:D7}";
            var line = $"INV-{random.Next(10_000, 99_999)}/{random.Next(1, 9)}";
            var impact = Math.Round((decimal)Math.Exp(random.NextDouble() * 9.9), 2);
            var difference = random.Next(2) == 0 ? impact : -impact;
            var groupId = Guid.NewGuid();
            var figures = new CaseFigures(
                runs[period.Id], period.Id, period.Client, period.Month, "USD", groupId, categories[random.Next(categories.Length)],
                [job], [line], [site], null, null, 1000m, 1000m + difference, difference, impact, random.NextDouble(), random.Next(1, 500), "Seeded for the load benchmark", null);
            var id = ExceptionIds.Of(period.Id, groupId);
            cases.Add((id, new ExceptionOpenedForReview(id, figures, now.AddSeconds(-random.Next(0, 86_400 * 30))), random.Next(10) == 0 ? Reviewers[random.Next(Reviewers.Length)] : null));
        }

        var chunks = cases.Chunk(2_000).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, cancellationToken) =>
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "bench";
            foreach (var (id, opened, assignee) in chunk)
            {
                session.Events.StartStream<ReviewCase>(id, opened);
                if (assignee is not null)
                {
                    var state = ReviewCase.InitialState(((ExceptionOpenedForReview)opened).Exception);
                    session.Events.Append(id, new ExceptionAssigned(id, "bench", assignee, state, state with { Assignee = assignee }, now));
                }
            }

            await session.SaveChangesAsync(cancellationToken);
        });

        // Statistics and GIN pending lists as autovacuum leaves them on a live database (a bulk seed outruns it).
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using (var analyze = new Npgsql.NpgsqlCommand($"vacuum analyze {Schema}.mt_doc_reviewitem", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var first = (ExceptionOpenedForReview)cases[0].Event;
        return new Sample(first.Exception.PeriodId, first.Exception.ClientId, first.Exception.SiteCodes[0], first.Exception.ClientJobIds[0][4..12].ToLowerInvariant());
    }
}
