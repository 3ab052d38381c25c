using Marten;
using Wolverine.Http;

namespace Recon.Api.ReferenceData.Vocabulary;

public static class GetClientVocabularyEndpoint
{
    [WolverineGet("/api/clients/{clientId}/vocabulary", OperationId = "getClientVocabulary")]
    [Tags("Reference data")]
    [EndpointSummary("A client's vocabulary: its services and sites with the ledger texts mapped onto them")]
    [EndpointDescription("Services are those the client's jobs carry. Each mapping says whether recon-run learned it (with its support: reference-confirmed pairs, and the runs) or a user confirmed it, and whether it was revoked.")]
    public static async Task<ClientVocabularyView> Get(string clientId, IQuerySession session, CancellationToken cancellationToken)
    {
        var client = VocabularyStates.Client(clientId);
        var vocabulary = await session.LoadAsync<ClientVocabulary>(client, cancellationToken);
        var registry = await ReferenceCatalogs.SiteRegistryAsync(session, client, cancellationToken);
        var mappings = (vocabulary?.Services.Values ?? Enumerable.Empty<VocabularyEntry>()).ToLookup(entry => entry.Target, StringComparer.Ordinal);
        var aliases = (vocabulary?.Sites.Values ?? Enumerable.Empty<VocabularyEntry>()).ToLookup(entry => entry.Target, StringComparer.OrdinalIgnoreCase);
        return new ClientVocabularyView(
            client,
            (vocabulary?.ServiceNames.Values ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal)
                .Select(name => new ServiceVocabularyView(name, Ordered(mappings[name]))).ToList(),
            registry.Sites.OrderBy(site => site.Code, StringComparer.Ordinal)
                .Select(site => new SiteVocabularyView(site.Code, site.Name, Ordered(aliases[site.Code]))).ToList());
    }

    private static List<MappingView> Ordered(IEnumerable<VocabularyEntry> entries) =>
        entries.OrderBy(entry => entry.Active ? 0 : 1).ThenByDescending(entry => entry.Support).ThenBy(entry => entry.Text, StringComparer.Ordinal)
            .Select(MappingView.Of).ToList();
}
