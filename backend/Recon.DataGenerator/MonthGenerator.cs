namespace Recon.DataGenerator;

/// <summary>
/// Generates a realistic month for one client: its jobs, our ERP's ledger lines with known anomalies, and the ground
/// truth. A pure function of <see cref="GeneratorOptions"/>: no clock, no I/O, no process-dependent hashing.
/// </summary>
public static class MonthGenerator
{
    public static GeneratedMonth Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var firstDay = options.FirstDay();
        var world = WorldVocabulary.For(options, firstDay);
        var profile = world.Noise(options.Noise);
        var root = new SeededRandom(SeededRandom.Mix(
            SeededRandom.Mix(unchecked((ulong)(long)options.Seed), StableHash.Of(options.ClientId)),
            StableHash.Of(options.Month)));

        var sites = world.CreateSites(root.Fork("sites"));
        var jobs = JobFactory.Create(root.Fork("jobs"), options, firstDay, sites, world);
        var plan = CategoryPlanner.Assign(root.Fork("anomalies"), profile, jobs, firstDay);
        var ledger = LedgerBuilder.Build(root.Fork("ledger"), options, firstDay, sites, jobs, plan, world);
        var renderBase = root.Fork("render").NextUInt64();

        return new GeneratedMonth(
            options,
            profile,
            world,
            sites.Select(site => site.Site).ToList(),
            jobs.Select(job => job.Job).ToList(),
            ledger.Lines,
            renderBase,
            GroundTruthBuilder.Build(options, jobs, ledger));
    }
}

/// <summary>A job while the month is being made: the client's record plus what the ledger needs to know about it.</summary>
internal sealed class JobDraft
{
    public required int Site { get; init; }

    public required int Service { get; init; }

    public required DateOnly Date { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal Rate { get; init; }

    public required decimal Amount { get; init; }

    public required ClientJob Job { get; init; }

    public bool Cancelled => !Job.IsCompleted;
}

internal static class JobFactory
{
    public static List<JobDraft> Create(SeededRandom rng, GeneratorOptions options, DateOnly firstDay, IReadOnlyList<SitePlan> sites, IWorldVocabulary world)
    {
        var daysInMonth = DateTime.DaysInMonth(firstDay.Year, firstDay.Month);
        var dayWeights = Enumerable.Range(0, daysInMonth)
            .Select(offset => firstDay.AddDays(offset).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 4)
            .ToArray();
        var dayPicker = new WeightedPicker(dayWeights);
        var sitePicker = new WeightedPicker(sites.Select(site => site.Weight).ToArray());

        var drawn = new List<(int Site, int Service, DateOnly Date, decimal Quantity, decimal Rate)>(options.JobCount);
        for (var k = 0; k < options.JobCount; k++)
        {
            var site = sitePicker.Pick(rng);
            var service = rng.Next(0, sites[site].Services.Count);
            var (pricing, rate) = sites[site].Services[service];
            drawn.Add((site, service, firstDay.AddDays(dayPicker.Pick(rng)), pricing.DrawQuantity(rng), rate));
        }

        // Job numbers follow the service dates, as a client's system numbers jobs when it books them.
        var ordered = drawn.Select((job, k) => (job, k)).OrderBy(x => x.job.Date).ThenBy(x => x.k).Select(x => x.job).ToList();
        var cancelled = PickCancelled(rng, ordered.Count);

        var jobs = new List<JobDraft>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (siteIndex, service, date, quantity, rate) = ordered[i];
            var site = sites[siteIndex];
            var amount = Money.Round(quantity * rate);
            var po = site.PoNumber is not null && rng.Chance(0.92) ? site.PoNumber : null;
            var job = new ClientJob(
                world.JobId(i),
                options.ClientId,
                site.Site.Code,
                site.Site.Name,
                site.Services[service].Pricing.Name,
                date,
                quantity,
                rate,
                amount,
                options.Currency,
                cancelled.Contains(i) ? JobStatuses.Cancelled : JobStatuses.Completed,
                po,
                rng.Pick(site.Contacts));
            jobs.Add(new JobDraft { Site = siteIndex, Service = service, Date = date, Quantity = quantity, Rate = rate, Amount = amount, Job = job });
        }

        return jobs;
    }

    private static HashSet<int> PickCancelled(SeededRandom rng, int count)
    {
        var target = (int)Math.Round(count * NoiseProfile.CancelledRate, MidpointRounding.AwayFromZero);
        var indexes = Enumerable.Range(0, count).ToList();
        rng.Shuffle(indexes);
        return indexes.Take(target).ToHashSet();
    }
}

/// <summary>Picks an index with probability proportional to its weight.</summary>
internal sealed class WeightedPicker
{
    private readonly long[] _cumulative;

    public WeightedPicker(IReadOnlyList<int> weights)
    {
        _cumulative = new long[weights.Count];
        long total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            _cumulative[i] = total;
        }
    }

    public int Pick(SeededRandom rng)
    {
        var ticket = (long)(rng.NextUInt64() % (ulong)_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, ticket + 1);
        return index >= 0 ? index : ~index;
    }
}

/// <summary>Which category each job falls in, and which jobs are billed together as one line.</summary>
internal sealed class CategoryPlan(string[] categories, Dictionary<int, List<int>> consolidated, int missingInClient)
{
    public string[] Categories { get; } = categories;

    /// <summary>Consolidated groups, keyed by their first (lowest-numbered) job.</summary>
    public Dictionary<int, List<int>> Consolidated { get; } = consolidated;

    public int MissingInClient { get; } = missingInClient;
}

internal static class CategoryPlanner
{
    public static CategoryPlan Assign(SeededRandom rng, NoiseProfile profile, List<JobDraft> jobs, DateOnly firstDay)
    {
        var categories = new string?[jobs.Count];
        var completed = Enumerable.Range(0, jobs.Count).Where(i => !jobs[i].Cancelled).ToList();
        rng.Shuffle(completed);

        var anomalous = profile.AnomalyRate * completed.Count;
        var totalWeight = NoiseProfile.JobAnomalyWeights.Sum(entry => entry.Weight);
        var quotas = NoiseProfile.JobAnomalyWeights.ToDictionary(
            entry => entry.Category,
            entry => (int)Math.Round(anomalous * entry.Weight / totalWeight, MidpointRounding.AwayFromZero),
            StringComparer.Ordinal);

        var consolidated = Consolidate(rng, jobs, completed, categories, quotas[AnomalyCategory.ConsolidatedBilling]);

        // Cut-off errors happen to jobs done at the very start or end of the month.
        var lastDay = firstDay.AddMonths(1).AddDays(-1);
        var periodQuota = quotas[AnomalyCategory.PeriodMismatch];
        var nearEdge = completed.Where(i => jobs[i].Date.Day <= 3 || jobs[i].Date.Day >= lastDay.Day - 2);
        periodQuota -= Take(nearEdge, categories, AnomalyCategory.PeriodMismatch, periodQuota);
        Take(completed, categories, AnomalyCategory.PeriodMismatch, periodQuota);

        foreach (var (category, _) in NoiseProfile.JobAnomalyWeights)
        {
            if (category is not (AnomalyCategory.ConsolidatedBilling or AnomalyCategory.PeriodMismatch))
            {
                Take(completed, categories, category, quotas[category]);
            }
        }

        var cancelled = Enumerable.Range(0, jobs.Count).Where(i => jobs[i].Cancelled).ToList();
        rng.Shuffle(cancelled);
        var billedCancelled = (int)Math.Round(cancelled.Count * profile.CancelledBilledShare, MidpointRounding.AwayFromZero);
        Take(cancelled, categories, AnomalyCategory.CancelledButBilled, billedCancelled);

        var final = categories.Select(category => category ?? AnomalyCategory.Exact).ToArray();
        var missingInClient = (int)Math.Round(jobs.Count * profile.MissingInClientRate, MidpointRounding.AwayFromZero);
        return new CategoryPlan(final, consolidated, missingInClient);
    }

    private static int Take(IEnumerable<int> candidates, string?[] categories, string category, int count)
    {
        var taken = 0;
        foreach (var i in candidates)
        {
            if (taken >= count)
            {
                break;
            }

            if (categories[i] is null)
            {
                categories[i] = category;
                taken++;
            }
        }

        return taken;
    }

    /// <summary>Groups of 2–3 jobs of one site and service, until about <paramref name="quota"/> jobs are grouped.</summary>
    private static Dictionary<int, List<int>> Consolidate(SeededRandom rng, List<JobDraft> jobs, List<int> completed, string?[] categories, int quota)
    {
        var groups = new Dictionary<int, List<int>>();
        if (quota < 2)
        {
            return groups;
        }

        var buckets = new Dictionary<(int Site, int Service), List<int>>();
        foreach (var i in completed)
        {
            var key = (jobs[i].Site, jobs[i].Service);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = [];
            }

            bucket.Add(i);
        }

        var cursors = new Dictionary<(int Site, int Service), int>();
        var grouped = 0;
        foreach (var first in completed)
        {
            if (grouped >= quota)
            {
                break;
            }

            if (categories[first] is not null)
            {
                continue;
            }

            var key = (jobs[first].Site, jobs[first].Service);
            var bucket = buckets[key];
            var cursor = cursors.GetValueOrDefault(key);
            var members = new List<int> { first };
            var size = Math.Min(rng.Between(2, 3), Math.Max(2, quota - grouped));
            for (var c = cursor; c < bucket.Count && members.Count < size; c++)
            {
                var candidate = bucket[c];
                if (candidate != first && categories[candidate] is null)
                {
                    members.Add(candidate);
                }
            }

            while (cursor < bucket.Count && (categories[bucket[cursor]] is not null || bucket[cursor] == first))
            {
                cursor++;
            }

            cursors[key] = cursor;
            if (members.Count < 2)
            {
                continue;
            }

            members.Sort();
            foreach (var member in members)
            {
                categories[member] = AnomalyCategory.ConsolidatedBilling;
            }

            groups[members[0]] = members;
            grouped += members.Count;
        }

        return groups;
    }
}
