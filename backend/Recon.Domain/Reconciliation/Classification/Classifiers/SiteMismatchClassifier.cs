namespace Recon.Domain.Reconciliation.Classification.Classifiers;

/// <summary>A matched line billed to another site than the job's: site_mismatch; the billed amount is at stake.</summary>
public sealed class SiteMismatchClassifier : IGroupClassifier
{
    public int Order => 100;

    public Classification? Classify(GroupFacts group)
    {
        if (!group.HasJobs)
        {
            return null;
        }

        var job = group.Jobs[0];
        var other = group.Lines.FirstOrDefault(line => !GroupFacts.SameSite(job, line));
        if (other is null)
        {
            return null;
        }

        return new Classification(
            Category.SiteMismatch,
            $"Line {other.LineId} is billed to '{other.CustomerSite}' ({other.CanonicalSiteCode ?? "unresolved"}); job {job.JobId} was at {job.CanonicalSiteCode ?? job.SiteName}.",
            0.9,
            Math.Max(Math.Abs(group.Figures.LedgerAmount), Math.Abs(group.Figures.Difference)));
    }
}
