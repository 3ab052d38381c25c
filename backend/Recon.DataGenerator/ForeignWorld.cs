using System.Globalization;
using System.Text;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator;

/// <summary>One service of the foreign world, as words: its name is <c>Qualifier Object Actions[0]</c>.</summary>
internal sealed record ServiceConcept(
    string Qualifier, string Object, string AltObject, string[] Actions, string Nickname, string Family,
    string Unit, int MinQty, int MaxQty, bool Halves, int MinRate, int MaxRate)
{
    public string Name => $"{Qualifier} {Object} {Actions[0]}";

    /// <summary>Synonyms that share a word with the name ("Facade Rinse").</summary>
    public string[] SharedSynonyms => [$"{Object} {Actions[0]}", $"{Object} {Actions[1]}", $"{Qualifier} {Object}", $"{Qualifier} {Actions[2]}"];

    /// <summary>Synonyms that share no word with the name ("Pellow Swill").</summary>
    public string[] UnsharedSynonyms => [$"{AltObject} {Actions[1]}", $"{Nickname} {Actions[2]}", $"{AltObject} {Actions[2]}"];
}

/// <summary>
/// The foreign world's own words. None of them is a word of <see cref="ServiceCatalog.Default"/>, of
/// <see cref="TextKey"/>'s abbreviations or of the classic generator's tables (a test proves it).
/// </summary>
internal static class ForeignVocabulary
{
    public static readonly ServiceConcept[] Concepts =
    [
        new("Glint", "Facade", "Frontage", ["Rinse", "Sluice", "Swill"], "Pellow", "wet", "visit", 1, 3, false, 180, 620),
        new("Brisk", "Atrium", "Concourse", ["Sweep", "Dusting", "Tidying"], "Vantry", "dry", "hour", 3, 12, true, 30, 52),
        new("Keen", "Tile", "Grout", ["Honing", "Burnish", "Sealing"], "Dravin", "dry", "visit", 1, 3, false, 210, 470),
        new("Verdant", "Hedge", "Verge", ["Trimming", "Clipping", "Shaping"], "Sorrel", "green", "hour", 2, 10, true, 42, 78),
        new("Frost", "Pathway", "Footway", ["Salting", "Sanding", "Thawing"], "Kelder", "green", "hour", 2, 8, true, 90, 150),
        new("Sentry", "Perimeter", "Boundary", ["Watch", "Rounds", "Vigil"], "Orrin", "watch", "hour", 8, 24, false, 30, 56),
        new("Hearth", "Boiler", "Furnace", ["Tuning", "Bleeding", "Flushing"], "Tamsin", "climate", "unit", 1, 6, false, 120, 280),
        new("Vermin", "Rafter", "Eaves", ["Baiting", "Trapping", "Proofing"], "Quillon", "critter", "visit", 1, 2, false, 90, 230),
        new("Haul", "Skip", "Dumpster", ["Emptying", "Hauling", "Lifting"], "Brannock", "haul", "lift", 1, 5, false, 60, 175),
        new("Lustre", "Upholstery", "Fabric", ["Refresh", "Spotting", "Extraction"], "Wendle", "wet", "room", 1, 6, false, 85, 190),
        new("Drain", "Gutter", "Downpipe", ["Rodding", "Unblocking", "Snaking"], "Cobbet", "wet", "visit", 1, 3, false, 140, 360),
        new("Bright", "Luminaire", "Lamp", ["Relamping", "Swapping", "Checks"], "Lanyard", "climate", "fixture", 2, 20, false, 18, 45),
        new("Aqua", "Cistern", "Tank", ["Descaling", "Chlorinating", "Testing"], "Mirrin", "wet", "unit", 1, 4, false, 150, 320),
        new("Flint", "Paving", "Cobble", ["Weeding", "Pointing", "Resanding"], "Thorley", "green", "hour", 3, 10, true, 40, 70),
        new("Vent", "Ductwork", "Flue", ["Sweeping", "Purging", "Scouring"], "Hallam", "climate", "run", 1, 8, false, 95, 210),
        new("Sharp", "Graffiti", "Tagging", ["Effacing", "Blasting", "Erasing"], "Quenby", "wet", "hour", 1, 6, true, 95, 165),
        new("Warden", "Lobby", "Foyer", ["Concierge", "Reception", "Desk"], "Ardley", "watch", "hour", 8, 16, false, 26, 44),
        new("Sterile", "Washroom", "Restroom", ["Sanitizing", "Hygiene", "Restock"], "Fennick", "dry", "visit", 1, 4, false, 60, 140),
        new("Orchard", "Tree", "Canopy", ["Pruning", "Felling", "Lopping"], "Gorsey", "green", "hour", 2, 10, true, 55, 95),
        new("Marine", "Jetty", "Pontoon", ["Scraping", "Antifouling", "Bracing"], "Skerrow", "wet", "visit", 1, 2, false, 260, 700),
    ];

    /// <summary>What a site is ("Halvor Quay").</summary>
    public static readonly string[] Kinds =
        ["Quay", "Wharf", "Garth", "Mews", "Steading", "Holm", "Reach", "Yard", "Croft", "Spinney", "Tarn", "Byre", "Staithe", "Wynd", "Loaning"];

    /// <summary>Numbered parts of sibling sites ("Halvor Quay Tract 1", "Halvor Quay Tract 2").</summary>
    public static readonly string[] Markers = ["Tract", "Berth", "Fold", "Plot"];

    /// <summary>The two halves of a sibling pair ("Halvor Quay Upper", "Halvor Quay Nether").</summary>
    public static readonly string[] Halves = ["Upper", "Nether"];

    /// <summary>
    /// How the ERP clerk abbreviates the foreign words; none of them is one TextKey knows, and each is nearer (edit
    /// distance) to its own word than to any other kind or marker.
    /// </summary>
    public static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["Quay"] = "Qy",
        ["Wharf"] = "Whf",
        ["Garth"] = "Gth",
        ["Steading"] = "Stdng",
        ["Holm"] = "Hlm",
        ["Reach"] = "Rch",
        ["Yard"] = "Yrd",
        ["Croft"] = "Cft",
        ["Spinney"] = "Spnny",
        ["Staithe"] = "Stthe",
        ["Loaning"] = "Loang",
        ["Tract"] = "Trct",
        ["Berth"] = "Brth",
        ["Fold"] = "Fld",
        ["Plot"] = "Plt",
    };

    // Syllables of the site names ("Hal" + "vor").
    public static readonly string[] Onsets = ["b", "br", "d", "dr", "f", "g", "gl", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "sk", "t", "th", "v", "w", "z", "qu"];
    public static readonly string[] Nuclei = ["a", "a", "e", "e", "i", "o", "o", "u", "ei", "ou"];
    public static readonly string[] Codas = ["", "", "", "l", "l", "n", "r", "r", "m", "th", "nd"];

    /// <summary>Every word of the classic world's tables that can be reached from here, lower case: built words must avoid them.</summary>
    public static readonly HashSet<string> ClassicWords = CollectClassicWords();

    /// <summary>The foreign world's fixed words, lower case: site stems must not repeat them either.</summary>
    public static readonly HashSet<string> FixedWords = Words(
        Concepts.SelectMany(c => new[] { c.Qualifier, c.Object, c.AltObject, c.Nickname }.Concat(c.Actions))
            .Concat(Kinds).Concat(Markers).Concat(Halves).Concat(Abbreviations.Values));

    public static HashSet<string> Words(IEnumerable<string> texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var word = new StringBuilder();
            foreach (var c in text.ToLowerInvariant().Append(' '))
            {
                if (char.IsLetter(c))
                {
                    word.Append(c);
                }
                else if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
        }

        return words;
    }

    /// <summary>True when <see cref="TextKey"/> would read <paramref name="word"/> as another word (an abbreviation it knows).</summary>
    public static bool TextKeyRewrites(string word) => !string.Equals(TextKey.Of(word), word, StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> CollectClassicWords() => Words(
        ServiceCatalog.Default.Services.SelectMany(service => service.Synonyms.Prepend(service.Name))
            .Concat(SiteFactory.Places).Concat(SiteFactory.Kinds).Concat(SiteFactory.Landmarks)
            .Concat(SiteFactory.Abbreviations.Keys).Concat(SiteFactory.Abbreviations.Values));
}

/// <summary>
/// A world that shares no word with Recon's own tables: 10–15 services of <see cref="ForeignVocabulary.Concepts"/>
/// (2–4 synonyms each, about a third sharing no word with the name, 1–2 related services), about jobs/20 sites named
/// by a syllable builder with sibling sites, <c>WO-yyMM-00001</c> job ids and <c>BL/yyMM/00001</c> invoices.
/// </summary>
internal sealed class ForeignWorld : IWorldVocabulary
{
    /// <summary>Up to this many sites, every messy site name is checked to be closer to its own site than to any other.</summary>
    public const int CheckedSiteCount = 250;

    private readonly SeededRandom _rng;
    private readonly int _siteCount;
    private readonly Dictionary<string, IReadOnlyList<string>> _synonymForms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _related = new(StringComparer.Ordinal);
    private readonly string _jobIdPrefix;
    private readonly string _invoicePrefix;
    private Dictionary<int, List<int>>? _siblings;
    private IReadOnlyList<int>? _siblingsOf;

    public ForeignWorld(SeededRandom rng, GeneratorOptions options, DateOnly firstDay)
    {
        _rng = rng;
        _siteCount = Math.Max(5, (options.JobCount + 10) / 20);
        _jobIdPrefix = firstDay.ToString("'WO-'yyMM'-'", CultureInfo.InvariantCulture);
        _invoicePrefix = firstDay.ToString("'BL/'yyMM'/'", CultureInfo.InvariantCulture);
        var (services, catalog) = DrawServices(rng.Fork("services"));
        Services = services;
        Catalog = catalog;
        Descriptions = DrawDescriptions(catalog, firstDay);
    }

    public GeneratorWorld Kind => GeneratorWorld.Foreign;

    public IReadOnlyList<GeneratedService> Catalog { get; }

    public IReadOnlyList<ServicePricing> Services { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Descriptions { get; }

    public NoiseProfile Noise(NoiseLevel level) => NoiseProfile.For(level) with
    {
        SiteVariant = level switch { NoiseLevel.Low => 0.35, NoiseLevel.Medium => 0.70, _ => 0.85 },
        DescriptionVariant = level switch { NoiseLevel.Low => 0.50, NoiseLevel.Medium => 0.75, _ => 0.90 },
    };

    public IReadOnlyList<SitePlan> CreateSites(SeededRandom rng) => ForeignSites.Create(rng, _rng.Fork("site-names"), Services, _siteCount);

    public string JobId(int index) => _jobIdPrefix + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    public string InvoiceNumber(int index) => _invoicePrefix + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    public string OtherService(SeededRandom rng, SitePlan site, string service) => rng.Pick(_related[service]);

    public int OtherSite(SeededRandom rng, IReadOnlyList<SitePlan> sites, IReadOnlyList<int> activeSites, int site)
    {
        if (_siblings is null || !ReferenceEquals(_siblingsOf, activeSites))
        {
            // Each active site's active siblings, made once per ledger (site_mismatch lines are many in a large month).
            var active = activeSites.ToHashSet();
            _siblings = Enumerable.Range(0, sites.Count)
                .Where(s => sites[s].Site.Family is not null && active.Contains(s))
                .GroupBy(s => sites[s].Site.Family!, StringComparer.Ordinal)
                .SelectMany(family => family.Select(s => (s, Others: family.Where(other => other != s).ToList())))
                .ToDictionary(entry => entry.s, entry => entry.Others);
            _siblingsOf = activeSites;
        }

        if (_siblings.TryGetValue(site, out var siblings) && siblings.Count > 0 && rng.Chance(0.6))
        {
            return rng.Pick(siblings);
        }

        int other;
        do
        {
            other = rng.Pick(activeSites);
        }
        while (other == site);
        return other;
    }

    /// <summary>Only case, separators (<c>-</c>, <c>/</c>, space, none), edge spaces and a leading <c>#</c> differ: upper-case alphanumerics give the job id's.</summary>
    public string OtherJobRefForm(SeededRandom rng, string canonical)
    {
        var parts = canonical.Split('-');
        return rng.Next(0, 10) switch
        {
            0 => canonical.ToLowerInvariant(),
            1 => string.Join('/', parts),
            2 => string.Join(' ', parts),
            3 => string.Concat(parts),
            4 => $" {canonical} ",
            5 => $"#{canonical}",
            6 => $"{parts[0].ToLowerInvariant()} {parts[1]}-{parts[2]}",
            7 => $"#{string.Concat(parts).ToLowerInvariant()}",
            8 => $"{parts[0][0]}{parts[0][1..].ToLowerInvariant()}-{parts[1]}-{parts[2]}",
            _ => $" #{string.Join('/', parts)}",
        };
    }

    /// <summary>As the classic world, except that a mis-billed service is always written as one of its synonyms.</summary>
    public string Describe(SeededRandom rng, LedgerLine line, NoiseProfile noise, IReadOnlyList<string> descriptions) =>
        line.Category == AnomalyCategory.ServiceMismatch ? rng.Pick(_synonymForms[line.ServiceType])
        : descriptions.Count > 1 && rng.Chance(noise.DescriptionVariant) ? descriptions[rng.Next(1, descriptions.Count)]
        : line.ServiceType;

    private (List<ServicePricing> Services, List<GeneratedService> Catalog) DrawServices(SeededRandom rng)
    {
        var concepts = ForeignVocabulary.Concepts.ToList();
        rng.Shuffle(concepts);
        concepts = concepts.Take(rng.Between(10, 15)).ToList();

        // About a third of all synonyms share no word with their service: one each, in a shuffled order, then a second.
        var counts = concepts.ConvertAll(_ => rng.Between(2, 4));
        var unshared = new int[concepts.Count];
        var target = (int)Math.Round(counts.Sum() / 3.0, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, concepts.Count).ToList();
        rng.Shuffle(order);
        for (var pass = 1; pass <= 2 && unshared.Sum() < target; pass++)
        {
            foreach (var i in order.Where(i => counts[i] > pass))
            {
                if (unshared.Sum() >= target)
                {
                    break;
                }

                unshared[i] = pass;
            }
        }

        var catalog = new List<GeneratedService>(concepts.Count);
        for (var i = 0; i < concepts.Count; i++)
        {
            var shared = concepts[i].SharedSynonyms.ToList();
            var apart = concepts[i].UnsharedSynonyms.ToList();
            rng.Shuffle(shared);
            rng.Shuffle(apart);
            var synonyms = shared.Take(counts[i] - unshared[i]).Concat(apart.Take(unshared[i])).ToList();
            rng.Shuffle(synonyms);
            catalog.Add(new GeneratedService(concepts[i].Name, synonyms, []));
        }

        // Related services: the ones of the same kind of work first, else any other.
        for (var i = 0; i < concepts.Count; i++)
        {
            var kin = Enumerable.Range(0, concepts.Count).Where(j => j != i && concepts[j].Family == concepts[i].Family).ToList();
            var others = Enumerable.Range(0, concepts.Count).Where(j => j != i && concepts[j].Family != concepts[i].Family).ToList();
            rng.Shuffle(kin);
            rng.Shuffle(others);
            var related = kin.Concat(others).Take(rng.Between(1, 2)).Select(j => concepts[j].Name).ToList();
            catalog[i] = catalog[i] with { RelatedServices = related };
            _related[catalog[i].Name] = related;
        }

        var services = concepts.ConvertAll(c => new ServicePricing(c.Name, c.Unit, c.MinQty, c.MaxQty, c.Halves, c.MinRate, c.MaxRate, null));
        return (services, catalog);
    }

    private Dictionary<string, IReadOnlyList<string>> DrawDescriptions(List<GeneratedService> catalog, DateOnly month)
    {
        var monthName = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var shortMonth = month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var service in catalog)
        {
            var forms = service.Synonyms
                .SelectMany(synonym => new[] { synonym, synonym, synonym.ToUpperInvariant(), synonym.ToLowerInvariant(), $"{synonym}, {monthName}", $"{synonym} - {shortMonth}" })
                .Distinct(StringComparer.Ordinal)
                .ToList();
            _synonymForms[service.Name] = forms;
            result[service.Name] = new[] { service.Name, service.Name.ToUpperInvariant(), $"{service.Name}, {monthName}" }
                .Concat(forms)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        return result;
    }
}

/// <summary>The foreign world's sites: syllable-built names, sibling sites, and the messy names the ERP writes for them.</summary>
internal static class ForeignSites
{
    private sealed record Draft(string Stem, string Kind, string? Marker, string? Tail, string? Family)
    {
        public string Name => string.Join(' ', new[] { Stem, Kind, Marker, Tail }.Where(part => part is not null));
    }

    public static IReadOnlyList<SitePlan> Create(SeededRandom rng, SeededRandom names, IReadOnlyList<ServicePricing> services, int count)
    {
        var stems = new StemBuilder(names);
        var drafts = new List<Draft>(count);
        while (drafts.Count < count)
        {
            var stem = stems.Next();
            var kind = names.Pick(ForeignVocabulary.Kinds);
            var remaining = count - drafts.Count;
            var roll = names.NextDouble();
            var size = drafts.Count == 0 ? names.Between(2, 3) : roll < 0.62 ? 1 : roll < 0.87 ? 2 : 3;
            size = Math.Min(size, remaining);
            var family = $"{stem} {kind}";
            if (size == 1)
            {
                drafts.Add(new Draft(stem, kind, null, null, null));
            }
            else if (size == 2 && names.Chance(0.3))
            {
                drafts.AddRange(ForeignVocabulary.Halves.Select(half => new Draft(stem, kind, null, half, family)));
            }
            else
            {
                var marker = names.Pick(ForeignVocabulary.Markers);
                drafts.AddRange(Enumerable.Range(1, size).Select(n => new Draft(stem, kind, marker, n.ToString(CultureInfo.InvariantCulture), family)));
            }
        }

        var codes = Enumerable.Range(1, count * 3).ToList();
        rng.Shuffle(codes);
        var siteCodes = codes.Take(count).Order().Select(code => string.Create(CultureInfo.InvariantCulture, $"LOC-{code:D4}")).ToList();
        var renderer = new SiteNameRenderer(stems, drafts.Select(draft => draft.Name).ToList(), count <= ForeignWorld.CheckedSiteCount);

        var plans = new List<SitePlan>(count);
        for (var i = 0; i < count; i++)
        {
            var draft = drafts[i];
            var site = new GeneratedSite(siteCodes[i], draft.Name, renderer.LedgerNames(rng, i, draft.Stem, draft.Kind, draft.Marker, draft.Tail))
            {
                Family = draft.Family,
            };
            var offered = services.ToList();
            rng.Shuffle(offered);
            var sold = offered.Take(Math.Min(offered.Count, rng.Between(3, 7)))
                .Select(pricing => (pricing, pricing.DrawRate(rng)))
                .ToList();
            var po = rng.Chance(0.9) ? string.Create(CultureInfo.InvariantCulture, $"PO-{rng.Between(40000, 89999)}") : null;
            var contacts = Enumerable.Range(0, rng.Between(1, 3)).Select(_ => SiteFactory.Email(rng)).ToList();
            plans.Add(new SitePlan(site, rng.Between(1, 10), sold, po, contacts));
        }

        return plans;
    }

    /// <summary>
    /// The ERP's renderings of a site: other case, its own abbreviations, a truncated or vowel-less stem, a typing slip,
    /// doubled spaces. The distinguishing token of a sibling (<c>1</c>, <c>2</c>, <c>Upper</c>) is never altered but for case.
    /// A stem is only truncated, stripped of vowels or slipped by at most two edits and when the altered stem is strictly
    /// nearer to its own stem than to any other (<see cref="StemBuilder.IsClosestTo"/>); up to
    /// <see cref="ForeignWorld.CheckedSiteCount"/> sites, each whole rendering is also checked to be strictly closer (edit
    /// distance of lower-case letters and digits) to its own site's name than to any other's.
    /// </summary>
    private sealed class SiteNameRenderer(StemBuilder stems, IReadOnlyList<string> names, bool check)
    {
        private readonly string[] _keys = names.Select(Key).ToArray();
        private readonly Dictionary<string, bool> _readAsWritten = new(StringComparer.Ordinal);

        public List<string> LedgerNames(SeededRandom rng, int index, string stem, string kind, string? marker, string? tail)
        {
            var shortKind = ForeignVocabulary.Abbreviations.GetValueOrDefault(kind, kind);
            var shortMarker = marker is null ? null : ForeignVocabulary.Abbreviations[marker];
            var truncated = stem[..(stem.Length - (stem.Length >= 6 ? 2 : 1))];
            var skeleton = Skeleton(stem);
            var slipped = Slip(rng, stem);
            var name = Join(stem, kind, marker, tail);

            var candidates = new List<string>
            {
                name.ToLowerInvariant(),
                name.ToUpperInvariant(),
                Join(stem, shortKind, marker, tail),
                Join(stem, kind, shortMarker, tail),
                Join(stem, shortKind, shortMarker, tail),
                Join(stem, shortKind, shortMarker, tail).ToLowerInvariant(),
                Join(stem, shortKind, shortMarker, tail).ToUpperInvariant(),
                Join(stem.ToUpperInvariant(), kind.ToLowerInvariant(), marker?.ToLowerInvariant(), tail?.ToLowerInvariant()),
                name.Replace(" ", "  ", StringComparison.Ordinal),
                Join(stem, shortKind, marker, tail).Replace(" ", "  ", StringComparison.Ordinal).ToLowerInvariant(),
            };
            // An altered stem goes with abbreviated words only where every rendering is checked against every site.
            var (comboKind, comboMarker) = check ? (shortKind, shortMarker) : (kind, marker);
            if (stems.IsClosestTo(truncated, stem))
            {
                candidates.Add(Join(truncated, kind, marker, tail));
                candidates.Add(Join(truncated + ".", comboKind, comboMarker, tail));
                candidates.Add(Join(truncated, comboKind, marker, tail).ToUpperInvariant());
            }

            if (skeleton.Length >= 3 && stems.IsClosestTo(skeleton, stem))
            {
                candidates.Add(Join(skeleton, kind, marker, tail));
                candidates.Add(Join(skeleton, comboKind, comboMarker, tail).ToUpperInvariant());
            }

            if (slipped is not null)
            {
                candidates.Add(Join(slipped, kind, marker, tail));
                candidates.Add(Join(slipped, comboKind, marker, tail).ToLowerInvariant());
                candidates.Add(Join(slipped, kind, marker, tail).Replace(" ", "  ", StringComparison.Ordinal));
            }

            var result = new List<string> { name };
            result.AddRange(candidates
                .Where(candidate => candidate != name && ReadAsWritten(candidate) && (!check || ClosestToOwn(candidate, index)))
                .Distinct(StringComparer.Ordinal));
            return result;
        }

        /// <summary>The key two renderings are compared by: lower case, letters and digits, single spaces.</summary>
        public static string Key(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(c);
                }
                else if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }

            return builder.ToString().TrimEnd();
        }

        private static string Join(string stem, string kind, string? marker, string? tail) =>
            string.Join(' ', new[] { stem, kind, marker, tail }.Where(part => part is not null));

        /// <summary>No word of a rendering is one TextKey would spell out as something else.</summary>
        private bool ReadAsWritten(string candidate) =>
            Key(candidate).Split(' ').All(word =>
            {
                if (!_readAsWritten.TryGetValue(word, out var plain))
                {
                    _readAsWritten[word] = plain = word.All(char.IsAsciiDigit) || !ForeignVocabulary.TextKeyRewrites(word);
                }

                return plain;
            });

        private bool ClosestToOwn(string candidate, int index)
        {
            var key = Key(candidate);
            var own = Levenshtein.Distance(key, _keys[index], int.MaxValue);
            for (var other = 0; other < _keys.Length; other++)
            {
                if (other != index && Levenshtein.Distance(key, _keys[other], own) <= own)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The stem without the vowels after its first letter ("Hlvr"), when that drops at most two letters; else the stem.</summary>
        private static string Skeleton(string stem)
        {
            var skeleton = stem[0] + new string(stem[1..].Where(c => "aeiouAEIOU".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
            return stem.Length - skeleton.Length <= 2 ? skeleton : stem;
        }

        /// <summary>One letter dropped or doubled after the second, when the slip is still nearest to its own stem; else null.</summary>
        private string? Slip(SeededRandom rng, string stem)
        {
            var at = rng.Between(2, stem.Length - 2);
            var slipped = rng.Chance(0.5) ? stem.Remove(at, 1) : stem.Insert(at, stem[at].ToString());
            return stems.IsClosestTo(slipped, stem) ? slipped : null;
        }
    }
}

/// <summary>
/// Builds unique site stems from syllables ("Hal" + "vor"), none a word of the classic tables, the foreign fixed words, or
/// an abbreviation TextKey knows, and none within one edit of another (an index of each stem and its one-letter deletions).
/// </summary>
internal sealed class StemBuilder(SeededRandom rng)
{
    private readonly Dictionary<string, string?> _neighbourhood = new(StringComparer.Ordinal); // key → its only stem, or null when shared
    private readonly List<string> _all = [];
    private readonly List<string> _lower = [];
    private readonly HashSet<string> _stems = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All => _all;

    public string Next()
    {
        for (var attempt = 0; ; attempt++)
        {
            var syllables = attempt > 200 ? 4 : attempt > 50 || rng.Chance(0.1) ? 3 : 2;
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
            {
                word.Append(rng.Pick(ForeignVocabulary.Onsets)).Append(rng.Pick(ForeignVocabulary.Nuclei)).Append(rng.Pick(ForeignVocabulary.Codas));
            }

            var lower = word.ToString();
            if (lower.Length is < 5 or > 11 || lower.Count(c => "aeiou".IndexOf(c, StringComparison.Ordinal) < 0) < 3
                || ForeignVocabulary.ClassicWords.Contains(lower) || ForeignVocabulary.FixedWords.Contains(lower)
                || Keys(lower).Any(_neighbourhood.ContainsKey) || ForeignVocabulary.TextKeyRewrites(lower))
            {
                continue;
            }

            foreach (var key in Keys(lower))
            {
                _neighbourhood[key] = lower;
            }

            _stems.Add(lower);
            _lower.Add(lower);
            var stem = char.ToUpperInvariant(lower[0]) + lower[1..];
            _all.Add(stem);
            return stem;
        }
    }

    private readonly Dictionary<(string, string), bool> _closest = [];
    private Dictionary<string, List<int>>? _within2;

    /// <summary>
    /// True when <paramref name="altered"/> is at most two edits from the stem <paramref name="own"/> and strictly nearer to
    /// it than to every other stem: exact, since every stem within two edits shares a two-letter deletion with it.
    /// </summary>
    public bool IsClosestTo(string altered, string own)
    {
        if (!_closest.TryGetValue((altered, own), out var closest))
        {
            _closest[(altered, own)] = closest = Closest(altered, own);
        }

        return closest;
    }

    private bool Closest(string altered, string own)
    {
        var word = altered.ToLowerInvariant();
        var ownWord = own.ToLowerInvariant();
        var distance = Levenshtein.Distance(word, ownWord, 2);
        if (word == ownWord || distance > 2)
        {
            return false;
        }

        _within2 ??= IndexWithin2();
        var seen = new HashSet<int>();
        // A stem within `distance` edits shares a key of at most that many deletions of the word (the index holds two).
        foreach (var key in Deletions(word, distance))
        {
            if (!_within2.TryGetValue(key, out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                var other = _lower[id];
                if (Math.Abs(other.Length - word.Length) <= distance && other != ownWord && seen.Add(id)
                    && Levenshtein.Distance(word, other, distance) <= distance)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private Dictionary<string, List<int>> IndexWithin2()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < _all.Count; id++)
        {
            foreach (var key in Deletions(_lower[id], 2))
            {
                if (!index.TryGetValue(key, out var ids))
                {
                    index[key] = ids = [];
                }

                if (ids.Count == 0 || ids[^1] != id)
                {
                    ids.Add(id);
                }
            }
        }

        return index;
    }

    /// <summary>The word and every word made by deleting up to <paramref name="depth"/> of its letters (with repeats).</summary>
    private static IEnumerable<string> Deletions(string word, int depth)
    {
        yield return word;
        if (depth == 0)
        {
            yield break;
        }

        for (var i = 0; i < word.Length; i++)
        {
            foreach (var deeper in Deletions(word.Remove(i, 1), depth - 1))
            {
                yield return deeper;
            }
        }
    }

    private static IEnumerable<string> Keys(string word)
    {
        yield return word;
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
        }
    }
}

/// <summary>Edit distance (insert, delete, substitute), giving up once it exceeds a bound.</summary>
internal static class Levenshtein
{
    /// <summary>The distance of <paramref name="a"/> and <paramref name="b"/>, or some value above <paramref name="bound"/> once it exceeds it.</summary>
    public static int Distance(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound == int.MaxValue ? bound : bound + 1;
        }

        Span<int> previous = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 64 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
