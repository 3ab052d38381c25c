namespace Recon.Domain.Reconciliation;

/// <summary>Deterministic ids of a run's groups and matches, derived from their sorted source ids.</summary>
public static class ReconciliationIds
{
    /// <summary>The name-based UUID namespace of reconciliation groups.</summary>
    public static readonly Guid GroupNamespace = new("3c4f7a2e-5b8d-4e61-9a0f-1d2c3b4a5e6f");

    /// <summary>The name-based UUID namespace of match decisions.</summary>
    public static readonly Guid MatchNamespace = new("8e1b6d40-27c9-4f3a-b5e8-6a7d9c0f1e2b");

    public static Guid Group(IEnumerable<string> jobIds, IEnumerable<string> lineIds) => StableId.NameBased(GroupNamespace, Name(jobIds, lineIds));

    public static Guid Match(IEnumerable<string> jobIds, IEnumerable<string> lineIds) => StableId.NameBased(MatchNamespace, Name(jobIds, lineIds));

    private static string Name(IEnumerable<string> jobIds, IEnumerable<string> lineIds) =>
        "jobs:" + string.Join('\n', jobIds.Order(StringComparer.Ordinal)) + "\nlines:" + string.Join('\n', lineIds.Order(StringComparer.Ordinal));
}
