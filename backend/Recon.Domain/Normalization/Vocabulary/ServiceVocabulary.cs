using FuzzySharp;

namespace Recon.Domain.Normalization.Vocabulary;

/// <summary>How a text came to mean a service (or a site).</summary>
public enum MappingOrigin
{
    /// <summary>The text is the name itself, written differently (case, punctuation, a month suffix).</summary>
    Name,

    /// <summary>A user confirmed the mapping.</summary>
    Confirmed,

    /// <summary>Learned by runs from pairs confirmed by their job reference, amount and date.</summary>
    Learned,

    /// <summary>The optional built-in catalog's synonym of a service the client has.</summary>
    Seed,

    /// <summary>Close enough in words and characters to one name, and clearly closer than to any other.</summary>
    Similar,
}

/// <summary>A text that means one of a client's services, with where that knowledge came from.</summary>
/// <param name="Text">The text as first seen.</param>
/// <param name="Target">The service name (or site code) it means.</param>
/// <param name="Origin">Learned or confirmed.</param>
/// <param name="Support">For a learned mapping, how many reference-confirmed pairs taught it (over all runs).</param>
/// <param name="Runs">For a learned mapping, how many runs taught it.</param>
/// <param name="By">Who confirmed it, or the run actor.</param>
public sealed record VocabularyMapping(string Text, string Target, MappingOrigin Origin, int Support, int Runs, string By);

/// <summary>What a text resolved to: the service (null when nothing confidently), how, how sure (0-100), and the mapping used.</summary>
public sealed record TextResolution(string? Target, MappingOrigin? Origin, int Score, VocabularyMapping? Mapping)
{
    public static readonly TextResolution Unresolved = new(null, null, 0, null);

    public bool Resolved => Target is not null;
}

/// <summary>
/// A client's service vocabulary: the canonical service types are those the client's jobs carry; ledger descriptions
/// resolve onto them by (in order) the name itself, a mapping a user confirmed, a mapping runs learned, the optional
/// seed catalog, then similarity in words and characters among the few candidates a trigram index proposes. A text
/// that resolves to nothing stays unresolved: it is a data-quality finding, never a mismatch.
/// </summary>
public sealed class ServiceVocabulary
{
    /// <summary>A similar text resolves at this score (0-100) or more…</summary>
    public const int SimilarityThreshold = 85;

    /// <summary>…and only when the next service scores at least this much lower.</summary>
    public const int AmbiguityMargin = 5;

    private static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VocabularyMapping> _confirmed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VocabularyMapping> _learned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _seedToClient = new(StringComparer.Ordinal);
    private readonly ServiceCatalog? _seed;
    private readonly Lazy<(TrigramIndex Index, List<(string Key, string Service)> Texts)> _similar;
    private readonly Dictionary<string, TextResolution> _resolved = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="serviceNames">The service types the client's jobs carry (the first spelling of each key is the name).</param>
    /// <param name="mappings">Confirmed and learned mappings (revoked ones left out); a mapping to a service the client does not have is ignored.</param>
    /// <param name="seed">The optional built-in catalog, or null.</param>
    public ServiceVocabulary(IEnumerable<string> serviceNames, IEnumerable<VocabularyMapping> mappings, ServiceCatalog? seed = null)
    {
        foreach (var name in serviceNames)
        {
            var key = Key(name);
            if (key.Length > 0)
            {
                _names.TryAdd(key, TextKey.Tidy(name));
            }
        }

        foreach (var mapping in mappings)
        {
            var key = Key(mapping.Text);
            if (key.Length == 0 || _names.ContainsKey(key) || Canonical(mapping.Target) is not { } target)
            {
                continue;
            }

            var table = mapping.Origin == MappingOrigin.Confirmed ? _confirmed : _learned;
            table[key] = mapping with { Target = target };
        }

        _seed = seed is { Services.Count: > 0 } ? seed : null;
        if (_seed is not null)
        {
            foreach (var name in _names.Values)
            {
                if (_seed.Resolve(name).Service is { } service)
                {
                    _seedToClient.TryAdd(service.Name, name);
                }
            }
        }

        _similar = new Lazy<(TrigramIndex, List<(string, string)>)>(() =>
        {
            var texts = _names.Select(pair => (pair.Key, pair.Value))
                .Concat(_confirmed.Select(pair => (pair.Key, pair.Value.Target)))
                .Concat(_learned.Select(pair => (pair.Key, pair.Value.Target)))
                .ToList();
            return (new TrigramIndex(texts.ConvertAll(text => text.Item1)), texts);
        });
    }

    public static ServiceVocabulary Empty { get; } = new([], []);

    /// <summary>The client's service names.</summary>
    public IReadOnlyCollection<string> Services => _names.Values;

    public IReadOnlyCollection<VocabularyMapping> Mappings => [.. _confirmed.Values, .. _learned.Values];

    /// <summary>The comparison key of a service text: <see cref="TextKey"/>, without month names and numbers ("Janitorial, October 2026").</summary>
    public static string Key(string? text)
    {
        var key = TextKey.Of(text);
        if (key.Length == 0)
        {
            return key;
        }

        var words = key.Split(' ').Where(word => !CalendarWords.Contains(word) && !word.All(char.IsAsciiDigit)).ToList();
        return words.Count == 0 ? key : string.Join(' ', words);
    }

    /// <summary>The client's name of the service <paramref name="text"/> names exactly (its key), or null.</summary>
    public string? Canonical(string? text) => _names.GetValueOrDefault(Key(text));

    /// <summary>The service a text means, and how it was resolved. Thread-safe; each distinct key is resolved once.</summary>
    public TextResolution Resolve(string? text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return TextResolution.Unresolved;
        }

        lock (_gate)
        {
            if (_resolved.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var resolution = ResolveKey(key, text!);
        lock (_gate)
        {
            _resolved[key] = resolution;
        }

        return resolution;
    }

    private TextResolution ResolveKey(string key, string text)
    {
        if (_names.TryGetValue(key, out var name))
        {
            return new TextResolution(name, MappingOrigin.Name, 100, null);
        }

        if (_confirmed.TryGetValue(key, out var confirmed))
        {
            return new TextResolution(confirmed.Target, MappingOrigin.Confirmed, 100, confirmed);
        }

        if (_learned.TryGetValue(key, out var learned))
        {
            return new TextResolution(learned.Target, MappingOrigin.Learned, 100, learned);
        }

        if (_seed?.Resolve(text) is { Service: { } seeded } seedResolution && _seedToClient.TryGetValue(seeded.Name, out var client))
        {
            return new TextResolution(client, MappingOrigin.Seed, seedResolution.Score, null);
        }

        return Similar(key);
    }

    private TextResolution Similar(string key)
    {
        var (index, texts) = _similar.Value;
        var best = index.Candidates(key)
            .Select(i => texts[i])
            .Select(candidate => (candidate.Service, Score: Math.Max(Fuzz.TokenSetRatio(key, candidate.Key), Fuzz.Ratio(key, candidate.Key))))
            .GroupBy(candidate => candidate.Service, StringComparer.Ordinal)
            .Select(group => (Service: group.Key, Score: group.Max(candidate => candidate.Score)))
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Service, StringComparer.Ordinal)
            .Take(2)
            .ToList();
        if (best.Count == 0 || best[0].Score < SimilarityThreshold || (best.Count > 1 && best[0].Score - best[1].Score < AmbiguityMargin))
        {
            return new TextResolution(null, null, best.Count == 0 ? 0 : best[0].Score, null);
        }

        return new TextResolution(best[0].Service, MappingOrigin.Similar, best[0].Score, null);
    }
}
