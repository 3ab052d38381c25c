namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A matched line billed under another service than the job's: service_mismatch; the billed amount is at stake.</summary>
public sealed class ServiceMismatchClassifier : IGroupClassifier
{
    public int Order => 110;

    public Classification? Classify(GroupFacts group)
    {
        if (!group.HasJobs)
        {
            return null;
        }

        var job = group.Jobs[0];
        var other = group.Lines.FirstOrDefault(line => !GroupFacts.SameService(job, line));
        if (other is null)
        {
            return null;
        }

        return new Classification(
            Category.ServiceMismatch,
            $"Line {other.LineId} is billed as '{other.CanonicalService ?? other.Description}'; job {job.JobId} was {job.CanonicalService ?? job.ServiceType}.",
            0.9,
            Math.Max(Math.Abs(group.Figures.LedgerAmount), Math.Abs(group.Figures.Difference)));
    }
}
