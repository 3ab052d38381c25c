namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// A free, unreferenced line identical (site, service, date, quantity, price, total) to a line of a single-job group
/// that already bills the job in full is that job billed again: it joins the group (duplicate billing). Runs after the
/// fuzzy and subset passes, so an identical line that belongs to another, identical job is matched there first.
/// </summary>
internal static class DuplicatePass
{
    public static void Run(Workspace workspace)
    {
        var billed = new Dictionary<(string Site, string Service, DateOnly Date, decimal Quantity, decimal Price, decimal Total), int>();
        for (var draft = 0; draft < workspace.Drafts.Count; draft++)
        {
            var group = workspace.Drafts[draft];
            if (group.Jobs.Count != 1)
            {
                continue;
            }

            var net = workspace.NetLines(group);
            if (net.Count == 0 || net.Sum(line => line.Total) < workspace.Jobs[group.Jobs[0]].Amount)
            {
                continue;
            }

            foreach (var line in net)
            {
                billed.TryAdd(Key(line), draft);
            }
        }

        foreach (var line in workspace.FreeLines().Where(line => line.Reference is null && line.Total > 0m).ToList())
        {
            if (billed.TryGetValue(Key(line), out var draft))
            {
                workspace.Add(draft, line, LinkBasis.Duplicate);
            }
        }
    }

    private static (string, string, DateOnly, decimal, decimal, decimal) Key(LineView line) =>
        (line.Site ?? line.SiteText, line.ServiceText, line.Date, line.Quantity, line.Price, line.Total);
}
