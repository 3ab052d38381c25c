using Recon.Domain.Ingestion;

namespace Recon.Domain.Normalization.Vocabulary;

/// <summary>A mapping a run's records teach: text → service name (or site code), with the pairs that taught it.</summary>
public sealed record LearnedMapping(string Text, string Key, string Target, int Support, int Against);

/// <summary>
/// Learns what the ledger's texts mean from the pairs that prove it: a line naming exactly one job by its job reference,
/// billing the job's amount on the job's date. Such a pair says its description means the job's service and its site
/// name the job's site. A text is learned only when enough pairs say so and almost none say otherwise, so a handful of
/// genuinely mis-billed lines (which carry their job's reference too) cannot teach a wrong mapping.
/// </summary>
public static class VocabularyLearner
{
    /// <summary>Pairs needed before a description is learned.</summary>
    public const int MinimumServiceSupport = 2;

    /// <summary>Pairs needed before a site name that already resolves (fuzzily) to another site is learned for this one.</summary>
    public const int MinimumContestedSiteSupport = 3;

    /// <summary>The share of a description's confirmed pairs that must agree on its meaning…</summary>
    public const double Dominance = 0.6;

    /// <summary>…and how many times the next meaning's pairs the leading one needs (mis-billings scatter over related services).</summary>
    public const int LeadOverRunnerUp = 3;

    /// <summary>The share of a contested site name's confirmed pairs that must agree.</summary>
    public const double SiteDominance = 0.9;

    /// <summary>
    /// The descriptions and site names the confirmed pairs teach, beyond what <paramref name="services"/> and
    /// <paramref name="sites"/> already know exactly. Deterministic: ordered by key.
    /// </summary>
    /// <param name="jobs">The period's jobs, their canonical service and site already set.</param>
    /// <param name="lines">The period's lines.</param>
    /// <param name="services">The vocabulary the run starts with.</param>
    /// <param name="sites">The site registry the run starts with.</param>
    /// <param name="revoked">(key, target) pairs users revoked: never learned again.</param>
    public static (IReadOnlyList<LearnedMapping> Services, IReadOnlyList<LearnedMapping> Sites) Learn(
        IReadOnlyList<ClientJobRecord> jobs,
        IReadOnlyList<LedgerLineRecord> lines,
        ServiceVocabulary services,
        SiteRegistry sites,
        IReadOnlySet<(string Key, string Target)> revoked)
    {
        var byReference = new Dictionary<string, ClientJobRecord?>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (JobReference.CanonicalOrNull(job.JobId) is { } reference)
            {
                byReference[reference] = byReference.ContainsKey(reference) ? null : job;
            }
        }

        var serviceVotes = new SortedDictionary<string, Votes>(StringComparer.Ordinal);
        var siteVotes = new SortedDictionary<string, Votes>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (JobReference.CanonicalOrNull(line.JobRef) is not { } reference
                || byReference.GetValueOrDefault(reference) is not { IsBillable: true } job
                || job.Amount.Amount != line.LineTotal.Amount || job.ServiceDate != line.ServiceDate)
            {
                continue;
            }

            var serviceKey = ServiceVocabulary.Key(line.Description);
            if (job.CanonicalService is { } service && serviceKey.Length > 0
                && services.Resolve(line.Description).Origin is not (MappingOrigin.Name or MappingOrigin.Confirmed))
            {
                Vote(serviceVotes, serviceKey, line.Description, service);
            }

            var siteKey = TextKey.Of(line.CustomerSite);
            if (job.CanonicalSiteCode is { } site && siteKey.Length > 0
                && sites.Resolve(null, line.CustomerSite).Method is not (SiteResolutionMethod.Code or SiteResolutionMethod.Name or SiteResolutionMethod.Alias))
            {
                Vote(siteVotes, siteKey, line.CustomerSite, site);
            }
        }

        var learnedServices = new List<LearnedMapping>();
        foreach (var (key, votes) in serviceVotes)
        {
            var (target, support, against, runnerUp) = votes.Leader();
            if (support >= MinimumServiceSupport && support >= Dominance * (support + against) && support >= LeadOverRunnerUp * runnerUp && !revoked.Contains((key, target)))
            {
                learnedServices.Add(new LearnedMapping(votes.Text, key, target, support, against));
            }
        }

        var learnedSites = new List<LearnedMapping>();
        foreach (var (key, votes) in siteVotes)
        {
            var (target, support, against, _) = votes.Leader();
            var current = sites.Resolve(null, votes.Text).Site?.Code;
            var contested = current is not null && !string.Equals(current, target, StringComparison.OrdinalIgnoreCase);
            var enough = contested ? support >= MinimumContestedSiteSupport && support >= SiteDominance * (support + against) : against == 0;
            if (enough && !revoked.Contains((key, target)))
            {
                learnedSites.Add(new LearnedMapping(votes.Text, key, target, support, against));
            }
        }

        return (learnedServices, learnedSites);
    }

    private static void Vote(SortedDictionary<string, Votes> votes, string key, string text, string target)
    {
        if (!votes.TryGetValue(key, out var tally))
        {
            votes[key] = tally = new Votes(TextKey.Tidy(text));
        }

        tally.Add(target);
    }

    private sealed class Votes(string text)
    {
        private readonly SortedDictionary<string, int> _byTarget = new(StringComparer.Ordinal);

        public string Text { get; } = text;

        public void Add(string target) => _byTarget[target] = _byTarget.GetValueOrDefault(target) + 1;

        public (string Target, int Support, int Against, int RunnerUp) Leader()
        {
            var ranked = _byTarget.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            return (ranked[0].Key, ranked[0].Value, _byTarget.Values.Sum() - ranked[0].Value, ranked.Count > 1 ? ranked[1].Value : 0);
        }
    }
}
