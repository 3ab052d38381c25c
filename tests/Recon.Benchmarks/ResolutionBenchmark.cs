using System.Diagnostics;
using System.Globalization;
using FuzzySharp;
using Recon.Domain.Normalization;

/// <summary>
/// Site-name resolution at scale (`resolution` mode): N sites with invented names (siblings included), M distinct
/// messy spellings of them (dropped vowels, truncated words, a typing slip, another case), resolved by the registry's
/// trigram-indexed fuzzy search; beside it, the brute-force search it replaced (every spelling scored against every
/// name) timed on a sample and extrapolated. Prints time, texts/s and how many resolved right, wrong or not at all.
/// Usage: ./ops/recon bench resolution [--sites 5000] [--texts 50000] [--seed 7]
/// </summary>
internal static class ResolutionBenchmark
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "tas", "vu", "bor", "ne", "qui", "sal", "dro", "fen", "gar", "hul", "jin", "ost", "pra", "wen", "yl", "zor"];
    private static readonly string[] Kinds = ["Quay", "Tract", "Yards", "Loft", "Works", "Court", "Heights", "Mews"];
    private static readonly string[] Siblings = ["Wing North", "Wing South", "Block 1", "Block 2", "Block 3"];

    public static void Run(string[] args)
    {
        var siteCount = Option(args, "--sites", 5000);
        var textCount = Option(args, "--texts", 50_000);
        var random = new Random(Option(args, "--seed", 7));
        var sites = new List<Site>(siteCount);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (sites.Count < siteCount)
        {
            var stem = $"{Word(random)} {Kinds[random.Next(Kinds.Length)]}";
            var family = random.Next(4) == 0 ? Siblings.Take(2 + random.Next(3)).Select(s => $"{stem} {s}").ToList() : [stem];
            foreach (var name in family.Where(names.Add).TakeWhile(_ => sites.Count < siteCount))
            {
                sites.Add(new Site($"S-{sites.Count + 1:00000}", name, []));
            }
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (texts.Count < textCount)
        {
            var site = sites[random.Next(sites.Count)];
            texts.TryAdd(Messy(random, site.Name), site.Code);
        }

        var list = texts.ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Site resolution: {siteCount:N0} sites, {textCount:N0} distinct spellings, {Environment.ProcessorCount} cores"));
        var watch = Stopwatch.StartNew();
        var registry = new SiteRegistry(sites);
        int right = 0, wrong = 0, none = 0;
        foreach (var (text, code) in list)
        {
            var resolved = registry.Resolve(null, text).Site?.Code;
            if (resolved is null)
            {
                none++;
            }
            else if (resolved == code)
            {
                right++;
            }
            else
            {
                wrong++;
            }
        }

        var indexed = watch.Elapsed.TotalSeconds;
        var sample = list.Take(Math.Min(500, list.Count)).ToList();
        var keys = sites.Select(site => (Key: TextKey.Of(site.Name), site.Code)).ToList();
        var sampleRight = 0;
        watch.Restart();
        foreach (var (text, code) in sample)
        {
            // The search the index replaced: every name scored, the best taken when clear of the threshold and the runner-up.
            var key = TextKey.Of(text);
            var best = keys.Select(candidate => (candidate.Code, Score: Math.Max(Fuzz.TokenSortRatio(key, candidate.Key), Fuzz.Ratio(key, candidate.Key))))
                .OrderByDescending(candidate => candidate.Score).Take(2).ToList();
            var chosen = best[0].Score >= SiteRegistry.FuzzyThreshold && (best.Count < 2 || best[0].Score - best[1].Score >= 4) ? best[0].Code : null;
            sampleRight += chosen == code ? 1 : 0;
        }

        var bruteForce = watch.Elapsed.TotalSeconds * list.Count / sample.Count;
        var sampleIndexedRight = sample.Count(pair => registry.Resolve(null, pair.Key).Site?.Code == pair.Value);
        Console.WriteLine("search              seconds   texts/s     right    wrong  unresolved");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trigram index    {indexed,10:N2}{list.Count / indexed,10:N0}{right,10:N0}{wrong,9:N0}{none,12:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"brute force      {bruteForce,10:N2}{list.Count / bruteForce,10:N0}   (every name scored; timed on {sample.Count} texts, extrapolated)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed-up ×{bruteForce / indexed:N1}; on the sample, right: index {sampleIndexedRight}, brute force {sampleRight} of {sample.Count}"));
    }

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)])) is var word
            ? char.ToUpperInvariant(word[0]) + word[1..] : string.Empty;

    /// <summary>A clerk's spelling: the distinguishing sibling token is never touched.</summary>
    private static string Messy(Random random, string name)
    {
        var words = name.Split(' ');
        var editable = words.Length > 2 && Siblings.Any(s => name.EndsWith(s, StringComparison.Ordinal)) ? words.Length - 2 : words.Length;
        for (var i = 0; i < editable; i++)
        {
            words[i] = random.Next(5) switch
            {
                0 when words[i].Length > 4 => words[i][..^1],
                1 => words[i][0] + string.Concat(words[i][1..].Where(c => "aeiou".IndexOf(c, StringComparison.Ordinal) < 0)),
                2 when words[i].Length > 3 => Swap(words[i], 1 + random.Next(words[i].Length - 2)),
                3 => words[i].ToUpperInvariant(),
                _ => words[i],
            };
        }

        return string.Join(random.Next(6) == 0 ? "  " : " ", words);
    }

    private static string Swap(string word, int at) => string.Concat(word[..at], word[at + 1].ToString(), word[at].ToString(), word[(at + 2)..]);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
