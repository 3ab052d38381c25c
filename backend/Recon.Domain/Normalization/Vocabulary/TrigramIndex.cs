namespace Recon.Domain.Normalization.Vocabulary;

/// <summary>
/// Candidate generation for fuzzy name resolution: an inverted index from character trigrams (of each word, padded) to
/// the names holding them. A text is compared only with the few names sharing the most trigrams with it, so resolving
/// n texts against m names costs about n × (trigrams per text × names per trigram), not n × m similarity scores.
/// </summary>
public sealed class TrigramIndex
{
    /// <summary>How many candidates <see cref="Candidates"/> returns at most.</summary>
    public const int DefaultCandidates = 16;

    /// <summary>A trigram held by more names than this says nothing; it is skipped when others are available.</summary>
    private const int CommonTrigram = 1024;

    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public TrigramIndex(IReadOnlyList<string> keys)
    {
        Keys = keys;
        for (var i = 0; i < keys.Count; i++)
        {
            foreach (var gram in Trigrams(keys[i]))
            {
                if (!_postings.TryGetValue(gram, out var list))
                {
                    _postings[gram] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }
    }

    public IReadOnlyList<string> Keys { get; }

    /// <summary>The indexes of the keys sharing the most (rarest) trigrams with <paramref name="key"/>, best first (ties by index).</summary>
    public IReadOnlyList<int> Candidates(string key, int max = DefaultCandidates)
    {
        var grams = Trigrams(key).ToList();
        if (grams.Count == 0 || Keys.Count == 0)
        {
            return [];
        }

        var postings = grams.Select(gram => _postings.GetValueOrDefault(gram)).OfType<List<int>>().ToList();
        var selective = postings.Where(list => list.Count <= CommonTrigram).ToList();
        // A shared trigram counts the less the more names hold it (an inverse document frequency).
        var counts = new Dictionary<int, double>();
        foreach (var list in selective.Count > 0 ? selective : postings)
        {
            var weight = 1.0 / Math.Log(2.0 + list.Count);
            foreach (var index in list)
            {
                counts[index] = counts.GetValueOrDefault(index) + weight;
            }
        }

        return counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).Take(max).Select(pair => pair.Key).ToList();
    }

    /// <summary>
    /// The distinct trigrams of each word of <paramref name="key"/>, the word padded with a space at both ends, and each
    /// word's consonant skeleton (its first letter and the consonants after it: "saljin" and a clerk's "sljn" share "~sljn").
    /// </summary>
    public static IEnumerable<string> Trigrams(string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 3 && Skeleton(word) is { Length: >= 3 } skeleton && seen.Add(skeleton))
            {
                yield return skeleton;
            }

            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                var gram = padded.Substring(i, 3);
                if (seen.Add(gram))
                {
                    yield return gram;
                }
            }
        }
    }

    private static string Skeleton(string word) =>
        "~" + word[0] + string.Concat(word.Skip(1).Where(c => c is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y')));
}
