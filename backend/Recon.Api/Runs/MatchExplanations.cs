using Marten;
using Recon.Api.Infrastructure;
using Recon.Domain.Reconciliation;
using Recon.Domain.Runs;

namespace Recon.Api.Runs;

/// <summary>
/// The explanations of a run's matches, read from their <see cref="MatchDecided"/> events rather than stored twice:
/// by the event's version (<see cref="RunMatchView.EventVersion"/>, the stream's primary key). A match whose view has
/// no true version — runs recorded before their appends gave the inline projection the versions had 0 past their first
/// append batch — is found by its match id among the run stream's events instead (only a <see cref="MatchDecided"/> holds an explanation), so such a run is still listed whole.
/// </summary>
public static class MatchExplanations
{
    public static async Task<IReadOnlyDictionary<Guid, MatchExplanation>> LoadAsync(
        IQuerySession session, Guid runId, IReadOnlyList<RunMatchView> matches, CancellationToken cancellationToken)
    {
        var explanations = new Dictionary<Guid, MatchExplanation>();
        var versions = matches.Where(m => m.EventVersion > 0).Select(m => m.EventVersion).ToArray();
        if (versions.Length > 0)
        {
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == runId && versions.Contains(e.Version))
                .ToListAsync(cancellationToken);
            foreach (var decided in events.Select(e => e.Data).OfType<MatchDecided>())
            {
                explanations[decided.MatchId] = decided.Explanation;
            }
        }

        var missing = matches.Where(m => !explanations.ContainsKey(m.MatchId)).Select(m => m.MatchId.ToString()).ToArray();
        if (missing.Length == 0)
        {
            return explanations;
        }

        var options = session.DocumentStore.Options;
        var serializer = options.Serializer();
        var found = await StoreSql.ReadAsync(
            session,
            $"select e.data from {options.Events.DatabaseSchemaName}.mt_events as e where e.stream_id = $1 and e.data -> 'explanation' is not null and e.data ->> 'matchId' = any($2)",
            [runId, missing],
            reader => serializer.FromJson<MatchDecided>(reader, 0),
            cancellationToken);
        foreach (var decided in found)
        {
            explanations[decided.MatchId] = decided.Explanation;
        }

        return explanations;
    }
}
