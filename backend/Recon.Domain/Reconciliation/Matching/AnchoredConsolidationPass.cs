namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// Completes a consolidated line that names its first job: a job whose one line bills more than it takes the free
/// completed jobs of the same site and service, dated from the job's date to the line's, that fill the excess exactly,
/// the latest of them dated on the line's date (a consolidated line is dated at the last service it bills). Runs
/// before any fuzzy pass (a reference plus exact sums is stronger evidence than likeness), but leaves alone a job that a
/// free unreferenced line bills exactly (same site, service, date and amount): that line is its likelier billing.
/// </summary>
internal static class AnchoredConsolidationPass
{
    public static void Run(Workspace workspace)
    {
        var rules = workspace.Rules;
        var billedExactly = workspace.FreeLines()
            .Where(line => line.Reference is null && line.Site is not null && line.Service is not null)
            .Select(line => (line.Site!, line.Service!, line.Date, line.Total))
            .ToHashSet();
        var freeJobs = workspace.FreeJobs()
            .Where(job => job.Billable && job.Site is not null && job.Service is not null && !billedExactly.Contains((job.Site, job.Service, job.Date, job.Amount)))
            .ToLookup(job => (job.Site!, job.Service!));
        for (var draft = 0; draft < workspace.Drafts.Count; draft++)
        {
            var group = workspace.Drafts[draft];
            if (group.Jobs.Count != 1 || workspace.Jobs[group.Jobs[0]] is not { Billable: true, Site: not null, Service: not null } job)
            {
                continue;
            }

            var net = workspace.NetLines(group);
            if (net.Count != 1 || net[0].Total <= job.Amount || net[0].Quantity <= job.Quantity)
            {
                continue;
            }

            var line = net[0];
            var candidates = freeJobs[(job.Site, job.Service)]
                .Where(other => workspace.IsFree(other) && other.Date >= job.Date && other.Date <= line.Date)
                .OrderByDescending(other => other.Date).ThenBy(other => other.Index)
                .Select(other => new SubsetItem(other.Index, other.Quantity, other.Amount))
                .ToList();
            var quantity = line.Quantity - job.Quantity;
            var amount = line.Total - job.Amount;
            var found = job.Date == line.Date
                ? SubsetSearch.Find(candidates, quantity, amount, 1, rules.MaxSubsetSize - 1)
                : SubsetSearch.FindIncluding(candidates, index => workspace.Jobs[index].Date == line.Date, quantity, amount, 1, rules.MaxSubsetSize - 1);
            foreach (var index in found ?? [])
            {
                workspace.Add(draft, workspace.Jobs[index], LinkBasis.SubsetSum);
            }
        }
    }
}
