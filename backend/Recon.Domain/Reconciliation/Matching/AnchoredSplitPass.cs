namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// Completes a split whose part lost its reference: a job whose referencing lines bill less than it takes the free,
/// unreferenced lines of its site and service within the date window whose quantities and totals fill the gap exactly.
/// Runs after the fuzzy pass on agreeing amounts, so a line that exactly bills another job is not taken as a part.
/// </summary>
internal static class AnchoredSplitPass
{
    public static void Run(Workspace workspace)
    {
        var rules = workspace.Rules;
        var freeLines = workspace.FreeLines()
            .Where(line => line.Reference is null && line.Total > 0m && line.Site is not null && line.Service is not null)
            .ToLookup(line => (line.Site!, line.Service!));
        for (var draft = 0; draft < workspace.Drafts.Count; draft++)
        {
            var group = workspace.Drafts[draft];
            if (group.Jobs.Count != 1 || workspace.Jobs[group.Jobs[0]] is not { Billable: true, Site: not null, Service: not null } job)
            {
                continue;
            }

            var net = workspace.NetLines(group);
            var quantity = net.Sum(line => line.Quantity);
            var total = net.Sum(line => line.Total);
            if (net.Count == 0 || net.Count >= rules.MaxSubsetSize || total >= job.Amount || quantity >= job.Quantity)
            {
                continue;
            }

            var candidates = freeLines[(job.Site, job.Service)]
                .Where(line => workspace.IsFree(line) && Math.Abs(line.Date.DayNumber - job.Date.DayNumber) <= rules.DateWindowDays)
                .OrderBy(line => Math.Abs(line.Date.DayNumber - job.Date.DayNumber)).ThenBy(line => line.Index)
                .Select(line => new SubsetItem(line.Index, line.Quantity, line.Total))
                .ToList();
            foreach (var index in SubsetSearch.Find(candidates, job.Quantity - quantity, job.Amount - total, 1, rules.MaxSubsetSize - net.Count) ?? [])
            {
                workspace.Add(draft, workspace.Lines[index], LinkBasis.SubsetSum);
            }
        }
    }
}
