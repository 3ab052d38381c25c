namespace Recon.Domain.Normalization.Vocabulary;

/// <summary>A known mapping as the decider sees it: what it means, whether a user confirmed it, whether it is still in force.</summary>
public sealed record KnownMapping(string Text, string Target, bool Confirmed, bool Active);

/// <summary>A client's vocabulary as the decider needs it.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="ServiceNames">Service key → the client's name of it.</param>
/// <param name="Services">Text key → its service mapping.</param>
/// <param name="SiteAliases">(site code, alias key) → the alias.</param>
public sealed record VocabularyState(
    string ClientId,
    IReadOnlyDictionary<string, string> ServiceNames,
    IReadOnlyDictionary<string, KnownMapping> Services,
    IReadOnlyDictionary<(string SiteCode, string Key), KnownMapping> SiteAliases);

/// <summary>Decides on users' changes to a client's vocabulary: confirming what a text means, revoking a mapping.</summary>
public static class VocabularyDecider
{
    public static Decision<ServiceMappingConfirmed> Confirm(VocabularyState state, string text, string service, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var key = ServiceVocabulary.Key(text);
        if (!state.ServiceNames.TryGetValue(ServiceVocabulary.Key(service), out var name))
        {
            return Reject<ServiceMappingConfirmed>(RejectionKind.NotFound, "Unknown service",
                $"Client '{state.ClientId}' has no service '{service}' in its jobs. Known: {string.Join(", ", state.ServiceNames.Values.Order(StringComparer.Ordinal))}.");
        }

        if (key.Length == 0)
        {
            return Reject<ServiceMappingConfirmed>(RejectionKind.Refused, "Nothing to map", $"'{text}' has no letters or words to map.");
        }

        if (state.ServiceNames.TryGetValue(key, out var named))
        {
            return Reject<ServiceMappingConfirmed>(RejectionKind.Conflict, named == name ? "Already the service's name" : "Names another service",
                $"'{text}' is how the client's jobs write '{named}'; it cannot be mapped{(named == name ? " again" : $" to '{name}'")}.");
        }

        if (state.Services.TryGetValue(key, out var known) && known is { Active: true, Confirmed: true } && known.Target == name)
        {
            return Reject<ServiceMappingConfirmed>(RejectionKind.Conflict, "Mapping already confirmed", $"'{text}' already means '{name}'.");
        }

        return new Decision<ServiceMappingConfirmed>.Accepted(new ServiceMappingConfirmed(state.ClientId, TextKey.Tidy(text), name, user, now));
    }

    public static Decision<ServiceMappingRevoked> RevokeService(VocabularyState state, string text, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Services.TryGetValue(ServiceVocabulary.Key(text), out var known) || !known.Active)
        {
            return Reject<ServiceMappingRevoked>(RejectionKind.NotFound, "No such mapping", $"Client '{state.ClientId}' has no mapping in force for '{text}'.");
        }

        return new Decision<ServiceMappingRevoked>.Accepted(new ServiceMappingRevoked(state.ClientId, known.Text, known.Target, user, now));
    }

    public static Decision<SiteAliasRevoked> RevokeSiteAlias(VocabularyState state, string siteCode, string alias, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var match = state.SiteAliases.FirstOrDefault(pair =>
            string.Equals(pair.Key.SiteCode, siteCode.Trim(), StringComparison.OrdinalIgnoreCase) && pair.Key.Key == TextKey.Of(alias) && pair.Value.Active);
        if (match.Value is null)
        {
            return Reject<SiteAliasRevoked>(RejectionKind.NotFound, "No such alias", $"Site {siteCode} of client '{state.ClientId}' has no alias '{alias}' in force.");
        }

        return new Decision<SiteAliasRevoked>.Accepted(new SiteAliasRevoked(state.ClientId, match.Value.Target, match.Value.Text, user, now));
    }

    private static Decision<TEvent>.Rejected Reject<TEvent>(RejectionKind kind, string title, string detail) => new(new Rejection(kind, title, detail));
}
