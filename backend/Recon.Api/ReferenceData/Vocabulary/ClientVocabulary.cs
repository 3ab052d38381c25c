using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;
using Recon.Domain.Normalization.Vocabulary;

namespace Recon.Api.ReferenceData.Vocabulary;

/// <summary>A mapping of a ledger text to a client's service or site, with where it came from and what supports it.</summary>
public sealed class VocabularyEntry
{
    public string Text { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>The service name, or the site code.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary><c>learned</c> (by recon-run) or <c>confirmed</c> (by a user).</summary>
    public string Origin { get; set; } = string.Empty;

    /// <summary>Reference-confirmed pairs behind a learned mapping, by period (a period's latest run counts).</summary>
    public Dictionary<Guid, int> SupportByPeriod { get; set; } = [];

    /// <summary>The runs that learned it, oldest first.</summary>
    public List<Guid> Runs { get; set; } = [];

    public string By { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string? RevokedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public int Support => SupportByPeriod.Values.Sum();

    public bool Active => RevokedAt is null;
}

/// <summary>
/// A client's vocabulary (one document per client): its service types (as its jobs carry them) and every mapping of
/// ledger texts onto services and sites, learned, confirmed or revoked. Built inline from the client's reference
/// stream and its job batches; runs read it, the vocabulary page shows it.
/// </summary>
public sealed class ClientVocabulary
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Service key → the name the client's jobs give it.</summary>
    public Dictionary<string, string> ServiceNames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Text key → its mapping onto a service (revoked ones kept, marked).</summary>
    public Dictionary<string, VocabularyEntry> Services { get; set; } = new(StringComparer.Ordinal);

    /// <summary>"site code|text key" → its mapping onto a site (revoked ones kept, marked).</summary>
    public Dictionary<string, VocabularyEntry> Sites { get; set; } = new(StringComparer.Ordinal);

    public static string SiteEntryKey(string siteCode, string aliasKey) => $"{siteCode.ToUpperInvariant()}|{aliasKey}";

    /// <summary>What a run reads of it.</summary>
    public static StoredVocabulary Stored(ClientVocabulary? vocabulary, ServiceCatalog? seed)
    {
        if (vocabulary is null)
        {
            return StoredVocabulary.Empty(seed);
        }

        return new StoredVocabulary(
            vocabulary.Services.Values.Where(entry => entry.Active)
                .Select(entry => new VocabularyMapping(entry.Text, entry.Target, entry.Origin == "confirmed" ? MappingOrigin.Confirmed : MappingOrigin.Learned, entry.Support, entry.Runs.Count, entry.By))
                .ToList(),
            vocabulary.Services.Values.Where(entry => !entry.Active).Select(entry => (entry.Key, entry.Target)).ToHashSet(),
            vocabulary.Sites.Values.Where(entry => !entry.Active).Select(entry => (entry.Key, entry.Target)).ToHashSet(),
            vocabulary.Sites.Values.Where(entry => entry.Active && entry.Origin == "learned").ToDictionary(entry => (entry.Key, entry.Target), entry => entry.Support),
            seed);
    }
}

public sealed partial class ClientVocabularyProjection : MultiStreamProjection<ClientVocabulary, string>
{
    public ClientVocabularyProjection()
    {
        Identity<ClientJobsNormalized>(e => e.ClientId);
        Identity<ServiceMappingLearned>(e => e.ClientId);
        Identity<ServiceMappingConfirmed>(e => e.ClientId);
        Identity<ServiceMappingRevoked>(e => e.ClientId);
        Identity<SiteAliasLearned>(e => e.ClientId);
        Identity<SiteAliasAdded>(e => e.ClientId);
        Identity<SiteAliasRevoked>(e => e.ClientId);
    }

    public static void Apply(ClientJobsNormalized e, ClientVocabulary vocabulary)
    {
        foreach (var text in e.Jobs.Select(job => job.Record.ServiceType).Distinct(StringComparer.Ordinal))
        {
            var key = ServiceVocabulary.Key(text);
            if (key.Length > 0)
            {
                vocabulary.ServiceNames.TryAdd(key, TextKey.Tidy(text));
            }
        }
    }

    public static void Apply(ServiceMappingLearned e, ClientVocabulary vocabulary)
    {
        var key = ServiceVocabulary.Key(e.Text);
        if (vocabulary.Services.TryGetValue(key, out var entry) && entry.Active && entry.Origin == "confirmed")
        {
            return; // a user's word outranks what runs learn
        }

        if (entry is null || !entry.Active || entry.Target != e.Service)
        {
            vocabulary.Services[key] = entry = new VocabularyEntry { Text = e.Text, Key = key, Target = e.Service, Origin = "learned", By = e.LearnedBy, At = e.LearnedAt };
        }

        entry.SupportByPeriod[e.PeriodId] = e.Support;
        if (!entry.Runs.Contains(e.RunId))
        {
            entry.Runs.Add(e.RunId);
        }
    }

    public static void Apply(ServiceMappingConfirmed e, ClientVocabulary vocabulary)
    {
        var key = ServiceVocabulary.Key(e.Text);
        vocabulary.Services[key] = new VocabularyEntry { Text = e.Text, Key = key, Target = e.Service, Origin = "confirmed", By = e.ConfirmedBy, At = e.ConfirmedAt };
    }

    public static void Apply(ServiceMappingRevoked e, ClientVocabulary vocabulary)
    {
        if (vocabulary.Services.TryGetValue(ServiceVocabulary.Key(e.Text), out var entry) && entry.Target == e.Service)
        {
            entry.RevokedBy = e.RevokedBy;
            entry.RevokedAt = e.RevokedAt;
        }
    }

    public static void Apply(SiteAliasLearned e, ClientVocabulary vocabulary)
    {
        var key = TextKey.Of(e.Alias);
        var entryKey = ClientVocabulary.SiteEntryKey(e.SiteCode, key);
        if (!vocabulary.Sites.TryGetValue(entryKey, out var entry) || !entry.Active)
        {
            vocabulary.Sites[entryKey] = entry = new VocabularyEntry { Text = e.Alias, Key = key, Target = e.SiteCode, Origin = "learned", By = e.LearnedBy, At = e.LearnedAt };
        }

        if (entry.Origin == "learned")
        {
            entry.SupportByPeriod[e.PeriodId] = e.Support;
            if (!entry.Runs.Contains(e.RunId))
            {
                entry.Runs.Add(e.RunId);
            }
        }
    }

    public static void Apply(SiteAliasAdded e, ClientVocabulary vocabulary)
    {
        var key = TextKey.Of(e.Alias);
        var learnedByRun = e.AddedBy == Runs.ExecuteRunHandler.Actor;
        vocabulary.Sites[ClientVocabulary.SiteEntryKey(e.SiteCode, key)] = new VocabularyEntry
        {
            Text = e.Alias,
            Key = key,
            Target = e.SiteCode,
            Origin = learnedByRun ? "learned" : "confirmed",
            By = e.AddedBy,
            At = e.AddedAt,
        };
    }

    public static void Apply(SiteAliasRevoked e, ClientVocabulary vocabulary)
    {
        if (vocabulary.Sites.TryGetValue(ClientVocabulary.SiteEntryKey(e.SiteCode, TextKey.Of(e.Alias)), out var entry))
        {
            entry.RevokedBy = e.RevokedBy;
            entry.RevokedAt = e.RevokedAt;
        }
    }
}

public static class VocabularyModule
{
    public static StoreOptions AddVocabulary(this StoreOptions options)
    {
        options.Projections.Add<ClientVocabularyProjection>(ProjectionLifecycle.Inline);
        return options;
    }
}
