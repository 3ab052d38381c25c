namespace Recon.Domain.Normalization.Vocabulary;

/// <summary>
/// A run learned that a ledger description means one of the client's services: <paramref name="Support"/> pairs of
/// this run's period, each linked by its job reference with agreeing amount and date, billed that text for that
/// service (and at least <see cref="VocabularyLearner.Dominance"/> of the text's confirmed pairs agreed).
/// </summary>
public sealed record ServiceMappingLearned(string ClientId, string Text, string Service, int Support, Guid RunId, Guid PeriodId, string LearnedBy, DateTimeOffset LearnedAt);

/// <summary>A user confirmed that a ledger description means one of the client's services.</summary>
public sealed record ServiceMappingConfirmed(string ClientId, string Text, string Service, string ConfirmedBy, DateTimeOffset ConfirmedAt);

/// <summary>A user revoked a mapping (learned or confirmed); runs no longer use it and do not learn it again.</summary>
public sealed record ServiceMappingRevoked(string ClientId, string Text, string Service, string RevokedBy, DateTimeOffset RevokedAt);

/// <summary>A run learned that a ledger site name names one of the client's sites (as <see cref="ServiceMappingLearned"/>).</summary>
public sealed record SiteAliasLearned(string ClientId, string SiteCode, string Alias, int Support, Guid RunId, Guid PeriodId, string LearnedBy, DateTimeOffset LearnedAt);

/// <summary>A user revoked a site alias (learned or added); runs no longer use it and do not learn it again.</summary>
public sealed record SiteAliasRevoked(string ClientId, string SiteCode, string Alias, string RevokedBy, DateTimeOffset RevokedAt);
