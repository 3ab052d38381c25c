namespace Recon.Domain.Reconciliation.Matching;

/// <summary>How records joined a draft group; kept for the explanation.</summary>
internal enum LinkBasis
{
    /// <summary>The line names the job by its canonical job reference.</summary>
    Reference,

    /// <summary>A configured exact key holds one value on exactly one job and one line.</summary>
    ExactKey,

    /// <summary>Scored above the threshold and chosen by the global assignment.</summary>
    Fuzzy,

    /// <summary>Lines or jobs whose quantities and totals add up to the other side.</summary>
    SubsetSum,

    /// <summary>A line reversing (or reversed by) a line of the group.</summary>
    CreditPartner,

    /// <summary>A second, identical line for a job already fully billed.</summary>
    Duplicate,
}

/// <summary>A group while the passes build it: job and line indexes, how they joined, the fuzzy evidence.</summary>
internal sealed class MatchDraft
{
    public List<int> Jobs { get; } = [];

    public List<int> Lines { get; } = [];

    public HashSet<LinkBasis> Bases { get; } = [];

    /// <summary>The chosen fuzzy score (1 when every link is a reference or an exact key).</summary>
    public double Score { get; set; } = 1.0;

    public string? ExactKey { get; set; }

    public List<RunnerUp> RunnersUp { get; } = [];

    public bool IsExact => Bases.All(basis => basis is LinkBasis.Reference or LinkBasis.ExactKey);
}
