namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// 1:N and N:1 matches among records nothing else explained, within a block of one canonical site and service.
/// Split billing: a free job and 2..MaxSubsetSize free unreferenced lines within the date window whose quantities and
/// totals add up to the job's. Consolidated billing: a free unreferenced line and 2..MaxSubsetSize free completed jobs
/// dated in the 31 days up to the line's date, the latest on the line's date, whose quantities and amounts add up to
/// the line's.
/// </summary>
internal static class SubsetSumPass
{
    private const int ConsolidationDays = 31;

    public static void Run(Workspace workspace)
    {
        var rules = workspace.Rules;
        if (rules.MaxSubsetSize < 2)
        {
            return;
        }

        var freeLines = workspace.FreeLines()
            .Where(line => line.Reference is null && line.Total > 0m && line.Site is not null && line.Service is not null)
            .ToLookup(line => (line.Site!, line.Service!));
        foreach (var job in workspace.FreeJobs().Where(job => job.Billable && job.Site is not null && job.Service is not null).ToList())
        {
            var candidates = freeLines[(job.Site!, job.Service!)]
                .Where(line => workspace.IsFree(line) && Math.Abs(line.Date.DayNumber - job.Date.DayNumber) <= rules.DateWindowDays)
                .OrderBy(line => Math.Abs(line.Date.DayNumber - job.Date.DayNumber)).ThenBy(line => line.Index)
                .Select(line => new SubsetItem(line.Index, line.Quantity, line.Total))
                .ToList();
            if (SubsetSearch.Find(candidates, job.Quantity, job.Amount, 2, rules.MaxSubsetSize) is { } found)
            {
                var draft = workspace.NewDraft(LinkBasis.SubsetSum);
                workspace.Add(draft, job, LinkBasis.SubsetSum);
                foreach (var index in found)
                {
                    workspace.Add(draft, workspace.Lines[index], LinkBasis.SubsetSum);
                }
            }
        }

        var freeJobs = workspace.FreeJobs()
            .Where(job => job.Billable && job.Site is not null && job.Service is not null)
            .ToLookup(job => (job.Site!, job.Service!));
        foreach (var line in workspace.FreeLines().Where(line => line.Reference is null && line.Total > 0m && line.Site is not null && line.Service is not null).ToList())
        {
            var candidates = freeJobs[(line.Site!, line.Service!)]
                .Where(job => workspace.IsFree(job) && job.Date <= line.Date && line.Date.DayNumber - job.Date.DayNumber <= ConsolidationDays)
                .OrderByDescending(job => job.Date).ThenBy(job => job.Index)
                .Select(job => new SubsetItem(job.Index, job.Quantity, job.Amount))
                .ToList();
            if (SubsetSearch.FindIncluding(candidates, index => workspace.Jobs[index].Date == line.Date, line.Quantity, line.Total, 2, rules.MaxSubsetSize) is { } found)
            {
                var draft = workspace.NewDraft(LinkBasis.SubsetSum);
                foreach (var index in found.Order())
                {
                    workspace.Add(draft, workspace.Jobs[index], LinkBasis.SubsetSum);
                }

                workspace.Add(draft, line, LinkBasis.SubsetSum);
            }
        }
    }
}
