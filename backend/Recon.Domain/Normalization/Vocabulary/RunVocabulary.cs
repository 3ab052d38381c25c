using Recon.Domain.Ingestion;

namespace Recon.Domain.Normalization.Vocabulary;

/// <summary>A text of the ledger that means nothing known: how many lines carry it, their amount, a few of them.</summary>
public sealed record UnmappedText(string Text, int Lines, decimal Amount, IReadOnlyList<string> ExampleLineIds);

/// <summary>What a run could not read: descriptions and site names that resolve to none of the client's services or sites.</summary>
public sealed record DataQualityFindings(IReadOnlyList<UnmappedText> Descriptions, IReadOnlyList<UnmappedText> Sites)
{
    public static readonly DataQualityFindings None = new([], []);
}

/// <summary>How one field of a line was read through the vocabulary (anything but the name itself or a site code).</summary>
/// <param name="Field"><c>service</c> or <c>site</c>.</param>
/// <param name="Text">The ledger's text.</param>
/// <param name="Meaning">The service name or site code it was read as.</param>
/// <param name="Origin"><c>learned</c>, <c>confirmed</c>, <c>seed</c>, <c>similar</c> (services); <c>alias</c>, <c>learned</c>, <c>similar</c> (sites).</param>
/// <param name="Support">For a learned mapping, the reference-confirmed pairs behind it; else 0.</param>
/// <param name="Score">How alike the text and the name are (0-100); 100 for mappings.</param>
public sealed record VocabularyUse(string Field, string Text, string Meaning, string Origin, int Support, int Score);

/// <summary>What a client's reference data holds for a run: learned and confirmed mappings, revocations, the seed.</summary>
/// <param name="ServiceMappings">Active service mappings (revoked ones left out).</param>
/// <param name="RevokedServices">(key, service) pairs users revoked.</param>
/// <param name="RevokedSites">(key, site code) pairs users revoked.</param>
/// <param name="SiteSupport">Support of learned site aliases by (key, site code), for explanations.</param>
/// <param name="Seed">The optional built-in catalog, or null.</param>
public sealed record StoredVocabulary(
    IReadOnlyList<VocabularyMapping> ServiceMappings,
    IReadOnlySet<(string Key, string Target)> RevokedServices,
    IReadOnlySet<(string Key, string Target)> RevokedSites,
    IReadOnlyDictionary<(string Key, string Target), int> SiteSupport,
    ServiceCatalog? Seed)
{
    public static StoredVocabulary Empty(ServiceCatalog? seed = null) =>
        new([], new HashSet<(string, string)>(), new HashSet<(string, string)>(), new Dictionary<(string, string), int>(), seed);
}

/// <summary>A run's records read through the client's vocabulary, what the run learned, and what it could not read.</summary>
public sealed record PreparedRecords(
    IReadOnlyList<ClientJobRecord> Jobs,
    IReadOnlyList<LedgerLineRecord> Lines,
    IReadOnlyList<LearnedMapping> LearnedServices,
    IReadOnlyList<LearnedMapping> LearnedSites,
    DataQualityFindings DataQuality,
    IReadOnlyDictionary<string, IReadOnlyList<VocabularyUse>> Uses);

/// <summary>
/// The first step of a run (pure): the canonical service types are those the jobs carry; every line's description,
/// site name and job reference are read again with the client's current vocabulary, what the period's
/// reference-confirmed pairs teach is learned and applied, and what still means nothing is reported as data quality.
/// </summary>
public static class RunVocabulary
{
    /// <summary>Example lines kept per unmapped text.</summary>
    public const int Examples = 3;

    public static PreparedRecords Prepare(IReadOnlyList<ClientJobRecord> jobs, IReadOnlyList<LedgerLineRecord> lines, SiteRegistry sites, StoredVocabulary stored)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(stored);

        // The client's name of a service is its most frequent spelling in the period's jobs.
        var names = jobs.GroupBy(job => ServiceVocabulary.Key(job.ServiceType), StringComparer.Ordinal)
            .Where(group => group.Key.Length > 0)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.GroupBy(job => TextKey.Tidy(job.ServiceType), StringComparer.Ordinal)
                .OrderByDescending(spelling => spelling.Count()).ThenBy(spelling => spelling.Key, StringComparer.Ordinal).First().Key)
            .ToList();
        var vocabulary = new ServiceVocabulary(names, stored.ServiceMappings, stored.Seed);
        var canonicalJobs = jobs.Select(job => job with { CanonicalService = vocabulary.Canonical(job.ServiceType) }).ToList();

        var (learnedServices, learnedSites) = VocabularyLearner.Learn(canonicalJobs, lines, vocabulary, sites, stored.RevokedServices.Union(stored.RevokedSites).ToHashSet());
        if (learnedServices.Count > 0)
        {
            vocabulary = new ServiceVocabulary(
                names,
                stored.ServiceMappings
                    .Where(mapping => mapping.Origin == MappingOrigin.Confirmed || learnedServices.All(learned => learned.Key != ServiceVocabulary.Key(mapping.Text)))
                    .Concat(learnedServices.Select(learned => new VocabularyMapping(learned.Text, learned.Target, MappingOrigin.Learned, learned.Support, 1, "recon-run"))),
                stored.Seed);
        }

        var registry = sites.WithAliases(learnedSites.Select(learned => (learned.Target, learned.Text)));
        var siteSupport = learnedSites.ToDictionary(learned => (learned.Key, learned.Target), learned => learned.Support);
        var uses = new Dictionary<string, IReadOnlyList<VocabularyUse>>(StringComparer.Ordinal);
        var resolvedLines = new List<LedgerLineRecord>(lines.Count);
        foreach (var line in lines)
        {
            var service = vocabulary.Resolve(line.Description);
            var site = registry.Resolve(null, line.CustomerSite);
            resolvedLines.Add(line with
            {
                CanonicalJobRef = JobReference.CanonicalOrNull(line.JobRef),
                CanonicalService = service.Target,
                CanonicalSiteCode = site.Site?.Code,
            });

            var used = new List<VocabularyUse>(2);
            if (service is { Target: { } meaning, Origin: not MappingOrigin.Name and not null })
            {
                used.Add(new VocabularyUse("service", TextKey.Tidy(line.Description), meaning, Origin(service.Origin.Value), service.Mapping?.Support ?? 0, service.Score));
            }

            if (site is { Site: { } named, Method: SiteResolutionMethod.Alias or SiteResolutionMethod.Fuzzy })
            {
                var key = (TextKey.Of(line.CustomerSite), named.Code);
                var support = siteSupport.GetValueOrDefault(key, stored.SiteSupport.GetValueOrDefault(key));
                used.Add(new VocabularyUse("site", TextKey.Tidy(line.CustomerSite), named.Code, site.Method == SiteResolutionMethod.Fuzzy ? "similar" : support > 0 ? "learned" : "alias", support, site.Score));
            }

            if (used.Count > 0)
            {
                uses[line.LineId] = used;
            }
        }

        var findings = new DataQualityFindings(
            Unmapped(resolvedLines.Where(line => line.CanonicalService is null), line => line.Description, ServiceVocabulary.Key),
            Unmapped(resolvedLines.Where(line => line.CanonicalSiteCode is null), line => line.CustomerSite, text => TextKey.Of(text)));
        return new PreparedRecords(canonicalJobs, resolvedLines, learnedServices, learnedSites, findings, uses);
    }

    private static string Origin(MappingOrigin origin) => origin switch
    {
        MappingOrigin.Confirmed => "confirmed",
        MappingOrigin.Learned => "learned",
        MappingOrigin.Seed => "seed",
        MappingOrigin.Similar => "similar",
        _ => "name",
    };

    private static List<UnmappedText> Unmapped(IEnumerable<LedgerLineRecord> lines, Func<LedgerLineRecord, string> text, Func<string, string> key) =>
        lines.Where(line => key(text(line)).Length > 0)
            .GroupBy(line => key(text(line)), StringComparer.Ordinal)
            .Select(group =>
            {
                var ordered = group.OrderBy(line => line.LineId, StringComparer.Ordinal).ToList();
                return new UnmappedText(TextKey.Tidy(text(ordered[0])), ordered.Count, ordered.Sum(line => line.LineTotal.Amount), ordered.Take(Examples).Select(line => line.LineId).ToList());
            })
            .OrderByDescending(unmapped => unmapped.Lines)
            .ThenBy(unmapped => unmapped.Text, StringComparer.Ordinal)
            .ToList();
}
