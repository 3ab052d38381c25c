using System.Globalization;
using System.Text;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator;

/// <summary>One site of the client: where jobs happen, what is done there and at which contract rates.</summary>
internal sealed class SitePlan(GeneratedSite site, int weight, IReadOnlyList<(ServicePricing Pricing, decimal Rate)> services, string? poNumber, IReadOnlyList<string> contacts)
{
    public GeneratedSite Site { get; } = site;

    public int Weight { get; } = weight;

    public IReadOnlyList<(ServicePricing Pricing, decimal Rate)> Services { get; } = services;

    public string? PoNumber { get; } = poNumber;

    public IReadOnlyList<string> Contacts { get; } = contacts;
}

/// <summary>Makes a client's 15–40 sites with realistic names, and the messy names the ERP writes for them.</summary>
internal static class SiteFactory
{
    internal static readonly string[] Places =
    [
        "Riverside", "Lakeside", "Hillcrest", "Oakwood", "Maple Grove", "Cedar Ridge", "Pine Valley", "Westgate", "Eastfield",
        "Northgate", "Southpoint", "Bayview", "Summit", "Meadowbrook", "Willow Creek", "Stonebridge", "Brookfield", "Fairview",
        "Greenfield", "Parkside", "Clearwater", "Silver Lake", "Granite Falls", "Ashford", "Briarwood", "Crestview", "Elmhurst",
        "Foxhill", "Highland", "Ironwood", "Juniper", "Larkspur", "Millbrook", "Redwood", "Sunnyvale", "Thornbury", "Valley View",
        "Copper Canyon", "Harborview", "Kingsbridge", "Lincoln", "Madison", "Franklin", "Jefferson", "Wellington", "Rosewood",
    ];

    internal static readonly string[] Kinds =
    [
        "Office Park", "Distribution Center", "Medical Center", "Business Park", "Corporate Campus", "Warehouse", "Logistics Hub",
        "Shopping Center", "Retail Plaza", "Community College", "Elementary School", "High School", "Public Library", "Data Center",
        "Research Park", "Apartments", "Senior Living", "Fitness Center", "Conference Center", "Manufacturing Plant",
        "Headquarters", "Office Tower", "Transit Depot", "Community Hospital",
    ];

    internal static readonly string[] Landmarks =
    [
        "St. Mary's Hospital", "St. Luke's Medical Center", "North Distribution Center", "South Distribution Center",
        "City Hall Annex", "Mount Hope Clinic", "Fort Lee Depot", "Union Station Offices", "Harbor Point, Building C",
        "Lakeview Plaza, Tower B", "Main Street Branch", "Airport Road Warehouse", "Memorial Park Pavilion",
        "Kingsway Avenue Headquarters", "Central Public Library", "Jefferson Street Garage", "Sunset Boulevard Offices",
        "O'Hare Cargo Building", "Queen's Court Residences", "Pioneer Square, Suite 400",
    ];

    // Word → how an ERP clerk abbreviates it; every one is read back by TextKey.
    internal static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["North"] = "N",
        ["South"] = "S",
        ["East"] = "E",
        ["West"] = "W",
        ["Center"] = "Ctr",
        ["Street"] = "St",
        ["Avenue"] = "Ave",
        ["Road"] = "Rd",
        ["Boulevard"] = "Blvd",
        ["Building"] = "Bldg",
        ["Hospital"] = "Hosp",
        ["Headquarters"] = "HQ",
        ["Warehouse"] = "Whse",
        ["Office"] = "Ofc",
        ["Mount"] = "Mt",
        ["Fort"] = "Ft",
        ["Park"] = "Pk",
        ["Square"] = "Sq",
        ["Suite"] = "Ste",
        ["and"] = "&",
    };

    private static readonly string[] FirstNames =
    [
        "maria", "james", "aisha", "wei", "olga", "daniel", "priya", "carlos", "emma", "kofi", "sofia", "liam", "fatima", "noah",
        "yuki", "lucas", "amara", "ethan", "chloe", "mateo", "hannah", "omar", "grace", "ivan", "zoe", "raj", "elena", "samuel",
    ];

    private static readonly string[] LastNames =
    [
        "gonzalez", "smith", "okafor", "chen", "petrova", "miller", "sharma", "silva", "johnson", "mensah", "rossi", "obrien",
        "haddad", "kim", "tanaka", "martin", "nguyen", "walker", "dubois", "novak", "fischer", "patel", "garcia", "kowalski",
    ];

    private static readonly string[] MailDomains = ["example.com", "example.net", "example.org", "mail.example.com"];

    public static IReadOnlyList<SitePlan> Create(SeededRandom rng, IReadOnlyList<ServicePricing> services)
    {
        var count = rng.Between(15, 40);
        var names = DrawNames(rng, count);
        var codes = Enumerable.Range(1, count * 3).ToList();
        rng.Shuffle(codes);
        var siteCodes = codes.Take(count).Order().Select(code => string.Create(CultureInfo.InvariantCulture, $"S-{code:D3}")).ToList();

        var registry = new SiteRegistry(names.Select((name, i) => new Site(siteCodes[i], name, [])));
        var plans = new List<SitePlan>(count);
        for (var i = 0; i < count; i++)
        {
            var site = new GeneratedSite(siteCodes[i], names[i], LedgerNames(rng, registry, siteCodes[i], names[i]));
            var offered = services.ToList();
            rng.Shuffle(offered);
            var sold = offered.Take(Math.Min(offered.Count, rng.Between(3, 7)))
                .Select(pricing => (pricing, pricing.DrawRate(rng)))
                .ToList();
            var po = rng.Chance(0.9) ? string.Create(CultureInfo.InvariantCulture, $"PO-{rng.Between(40000, 89999)}") : null;
            var contacts = Enumerable.Range(0, rng.Between(1, 3)).Select(_ => Email(rng)).ToList();
            plans.Add(new SitePlan(site, rng.Between(1, 10), sold, po, contacts));
        }

        return plans;
    }

    private static List<string> DrawNames(SeededRandom rng, int count)
    {
        var names = new List<string>(count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var places = Places.ToList();
        var landmarks = Landmarks.ToList();
        rng.Shuffle(places);
        rng.Shuffle(landmarks);
        int nextPlace = 0, nextLandmark = 0;
        while (names.Count < count)
        {
            var name = rng.Chance(0.3) && nextLandmark < landmarks.Count
                ? landmarks[nextLandmark++]
                : $"{places[nextPlace++ % places.Count]} {rng.Pick(Kinds)}";
            if (keys.Add(TextKey.Of(name)))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The canonical name, then the messy forms of it that the registry of all sites reads back as this site.</summary>
    private static List<string> LedgerNames(SeededRandom rng, SiteRegistry registry, string code, string name)
    {
        var abbreviated = Abbreviate(name, all: true);
        var candidates = new List<string>
        {
            name.ToLowerInvariant(),
            name.ToUpperInvariant(),
            abbreviated,
            abbreviated.ToLowerInvariant(),
            abbreviated.ToUpperInvariant(),
            Abbreviate(name, all: false),
            name.Replace("Distribution Center", "DC", StringComparison.Ordinal),
            name.Replace("'", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal),
            name.Replace(" ", "  ", StringComparison.Ordinal),
            Misspell(rng, name),
            Misspell(rng, name).ToLowerInvariant(),
            Misspell(rng, abbreviated),
        };

        var result = new List<string> { name };
        result.AddRange(candidates
            .Where(candidate => candidate != name && registry.Resolve(null, candidate).Site?.Code == code)
            .Distinct(StringComparer.Ordinal));
        return result;
    }

    private static string Abbreviate(string name, bool all)
    {
        var words = name.Split(' ');
        var done = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (done && !all)
            {
                break;
            }

            var bare = words[i].TrimEnd(',');
            if (Abbreviations.TryGetValue(bare, out var abbreviation))
            {
                words[i] = abbreviation + words[i][bare.Length..];
                done = true;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>One typing slip in one long word: a letter dropped, two swapped, or one doubled.</summary>
    private static string Misspell(SeededRandom rng, string name)
    {
        var words = name.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 6 && words[i].All(char.IsAsciiLetter)).ToList();
        if (candidates.Count == 0)
        {
            return name;
        }

        var index = rng.Pick(candidates);
        var word = new StringBuilder(words[index]);
        var at = rng.Between(1, word.Length - 2);
        switch (rng.Next(0, 3))
        {
            case 0:
                word.Remove(at, 1);
                break;
            case 1:
                (word[at], word[at + 1]) = (word[at + 1], word[at]);
                break;
            default:
                word.Insert(at, word[at]);
                break;
        }

        words[index] = word.ToString();
        return string.Join(' ', words);
    }

    internal static string Email(SeededRandom rng)
    {
        var first = rng.Pick(FirstNames);
        var last = rng.Pick(LastNames);
        var local = rng.Next(0, 4) switch
        {
            0 => $"{first}.{last}",
            1 => $"{first[0]}{last}",
            2 => string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{rng.Between(1, 99)}"),
            _ => $"{first}_{last}",
        };
        return $"{local}@{rng.Pick(MailDomains)}";
    }
}
