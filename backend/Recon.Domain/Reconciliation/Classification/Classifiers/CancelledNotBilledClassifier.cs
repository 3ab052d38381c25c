namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A cancelled job with no line: nothing was expected, so it is exact (not an exception).</summary>
public sealed class CancelledNotBilledClassifier : IGroupClassifier
{
    public int Order => 40;

    public Classification? Classify(GroupFacts group) =>
        group.HasLines || !group.HasJobs || group.Jobs.Any(job => job.IsBillable)
            ? null
            : new Classification(Category.Exact, $"Job {string.Join(", ", group.Jobs.Select(job => job.JobId))} was cancelled and correctly not billed.", 1.0, 0m);
}
