using FuzzySharp;
using Recon.Domain.Normalization.Vocabulary;

namespace Recon.Domain.Normalization;

/// <summary>A client site: its code, its canonical name and the other names it is known by.</summary>
public sealed record Site(string Code, string Name, IReadOnlyList<string> Aliases);

public enum SiteResolutionMethod
{
    Unresolved,
    Code,
    Name,
    Alias,
    Fuzzy,
}

/// <summary>How a raw site was resolved, and how sure we are (0-100).</summary>
public sealed record SiteResolution(Site? Site, SiteResolutionMethod Method, int Score)
{
    public static readonly SiteResolution Unresolved = new(null, SiteResolutionMethod.Unresolved, 0);
}

/// <summary>
/// The canonical sites of a client. Resolves a site code or a name as written in an export — abbreviated, misspelled,
/// in another case — to one canonical site. Immutable: learning an alias gives a new registry.
/// </summary>
public sealed class SiteRegistry
{
    /// <summary>Names scoring at least this against one site (and clearly better than the next) resolve fuzzily.</summary>
    public const int FuzzyThreshold = 86;

    private const int AmbiguityMargin = 4;

    private readonly Dictionary<string, Site> _byCode;
    private readonly Dictionary<string, (Site Site, SiteResolutionMethod Method)> _byKey;
    private readonly List<(string Key, Site Site)> _keys;
    private readonly HashSet<string> _ambiguousKeys = new(StringComparer.Ordinal);
    private readonly Lazy<(TrigramIndex Index, List<(string Key, Site Site)> Names)> _fuzzy;

    public SiteRegistry(IEnumerable<Site> sites)
    {
        Sites = sites.ToList();
        _byCode = new Dictionary<string, Site>(StringComparer.OrdinalIgnoreCase);
        _byKey = new Dictionary<string, (Site, SiteResolutionMethod)>(StringComparer.Ordinal);
        _keys = [];
        _fuzzy = new Lazy<(TrigramIndex, List<(string, Site)>)>(() =>
        {
            var names = _keys.Where(candidate => !_ambiguousKeys.Contains(candidate.Key)).ToList();
            return (new TrigramIndex(names.ConvertAll(candidate => candidate.Key)), names);
        });
        foreach (var site in Sites)
        {
            if (!_byCode.TryAdd(site.Code.Trim(), site))
            {
                throw new ArgumentException($"Site code '{site.Code}' appears twice.", nameof(sites));
            }

            Register(TextKey.Of(site.Name), site, SiteResolutionMethod.Name);
            foreach (var alias in site.Aliases)
            {
                Register(TextKey.Of(alias), site, SiteResolutionMethod.Alias);
            }
        }
    }

    public static SiteRegistry Empty { get; } = new([]);

    public IReadOnlyList<Site> Sites { get; }

    public SiteResolution Resolve(string? code, string? name)
    {
        if (!string.IsNullOrWhiteSpace(code) && _byCode.TryGetValue(code.Trim(), out var byCode))
        {
            return new SiteResolution(byCode, SiteResolutionMethod.Code, 100);
        }

        var key = TextKey.Of(name);
        if (key.Length == 0)
        {
            return SiteResolution.Unresolved;
        }

        if (_ambiguousKeys.Contains(key))
        {
            return SiteResolution.Unresolved;
        }

        if (_byKey.TryGetValue(key, out var exact))
        {
            return new SiteResolution(exact.Site, exact.Method, 100);
        }

        return ResolveFuzzily(key);
    }

    /// <summary>A new registry in which <paramref name="alias"/> also names the site <paramref name="code"/>.</summary>
    public SiteRegistry WithAlias(string code, string alias)
    {
        if (!_byCode.TryGetValue(code, out var site))
        {
            throw new ArgumentException($"No site has code '{code}'.", nameof(code));
        }

        if (_byKey.TryGetValue(TextKey.Of(alias), out var known) && known.Site.Code == site.Code)
        {
            return this;
        }

        return new SiteRegistry(Sites.Select(s => s.Code == site.Code ? s with { Aliases = [.. s.Aliases, TextKey.Tidy(alias)] } : s));
    }

    /// <summary>
    /// Scores the name only against the site names and aliases sharing the most trigrams with it (<see cref="TrigramIndex"/>),
    /// so the cost does not grow with the number of sites.
    /// </summary>
    /// <summary>A new registry with every (code, alias) added at once; unknown codes and names already known for the site are skipped.</summary>
    public SiteRegistry WithAliases(IEnumerable<(string Code, string Alias)> aliases)
    {
        var added = aliases
            .Where(pair => _byCode.ContainsKey(pair.Code) && !(_byKey.TryGetValue(TextKey.Of(pair.Alias), out var known) && known.Site.Code == _byCode[pair.Code].Code))
            .GroupBy(pair => _byCode[pair.Code].Code, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => TextKey.Tidy(pair.Alias)).ToList(), StringComparer.Ordinal);
        return added.Count == 0 ? this : new SiteRegistry(Sites.Select(s => added.TryGetValue(s.Code, out var more) ? s with { Aliases = [.. s.Aliases, .. more] } : s));
    }

    private SiteResolution ResolveFuzzily(string key)
    {
        var (index, names) = _fuzzy.Value;
        var scored = index.Candidates(key)
            .Select(i => names[i])
            .Select(candidate => (candidate.Site, candidate.Key, Score: Math.Max(Fuzz.TokenSortRatio(key, candidate.Key), Fuzz.Ratio(key, candidate.Key))))
            .GroupBy(candidate => candidate.Site.Code)
            .Select(group => group.MaxBy(candidate => candidate.Score))
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Site.Code, StringComparer.Ordinal)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < FuzzyThreshold)
        {
            return SiteResolution.Unresolved;
        }

        var tied = scored.TakeWhile(candidate => scored[0].Score - candidate.Score < AmbiguityMargin).ToList();
        if (tied.Count == 1)
        {
            return new SiteResolution(scored[0].Site, SiteResolutionMethod.Fuzzy, scored[0].Score);
        }

        return Sibling(key, tied.ConvertAll(candidate => (candidate.Site, TextKey.Of(candidate.Site.Name)))) is { } sibling
            ? new SiteResolution(sibling, SiteResolutionMethod.Fuzzy, scored[0].Score)
            : SiteResolution.Unresolved;
    }

    /// <summary>
    /// Sibling sites ("… Tract 1", "… Tract 2"; "… Wing East", "… Wing West") read alike: the text names one of them only
    /// when it holds, exactly, the words only that one's name has, and none of the words only the others' names have
    /// (names, not aliases: an alias may abbreviate the shared words differently).
    /// </summary>
    private static Site? Sibling(string key, List<(Site Site, string Key)> tied)
    {
        var words = key.Split(' ').ToHashSet(StringComparer.Ordinal);
        var tokens = tied.ConvertAll(candidate => candidate.Key.Split(' ').ToHashSet(StringComparer.Ordinal));
        var named = new List<Site>();
        for (var i = 0; i < tied.Count; i++)
        {
            var own = tokens[i].Where(word => tokens.Where((_, j) => j != i).All(other => !other.Contains(word))).ToList();
            if (own.Count > 0 && own.Any(words.Contains) && own.All(word => words.Contains(word) || !IsDistinguishing(word)))
            {
                named.Add(tied[i].Site);
            }
            else if (own.Any(words.Contains))
            {
                return null; // the text holds some of this one's own words too: it reads as more than one
            }
        }

        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>A word that tells siblings apart as it stands (a number, a letter, a short word); longer ones may be abbreviated.</summary>
    private static bool IsDistinguishing(string word) => word.Length <= 2 || word.All(char.IsAsciiDigit);

    private void Register(string key, Site site, SiteResolutionMethod method)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (_byKey.TryGetValue(key, out var existing) && existing.Site.Code != site.Code)
        {
            // Two sites share this name: it identifies neither, so it never resolves (their codes still do).
            _ambiguousKeys.Add(key);
            return;
        }

        _byKey[key] = (site, method);
        _keys.Add((key, site));
    }
}
