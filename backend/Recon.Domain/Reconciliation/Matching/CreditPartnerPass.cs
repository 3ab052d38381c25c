namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// A group's line whose reversal (or original) carries no job reference still belongs with it: a free line with the
/// same service and date and exactly negated quantity and total joins the group (credit reversals).
/// </summary>
internal static class CreditPartnerPass
{
    public static void Run(Workspace workspace)
    {
        var free = new Dictionary<(string Service, DateOnly Date, decimal Quantity, decimal Total), Queue<LineView>>();
        foreach (var line in workspace.FreeLines().Where(line => line.Reference is null && line.Total != 0m))
        {
            var key = (line.ServiceText, line.Date, line.Quantity, line.Total);
            if (!free.TryGetValue(key, out var queue))
            {
                free[key] = queue = new Queue<LineView>();
            }

            queue.Enqueue(line);
        }

        if (free.Count == 0)
        {
            return;
        }

        for (var draft = 0; draft < workspace.Drafts.Count; draft++)
        {
            foreach (var line in workspace.NetLines(workspace.Drafts[draft]))
            {
                if (free.TryGetValue((line.ServiceText, line.Date, -line.Quantity, -line.Total), out var queue) && queue.Count > 0)
                {
                    workspace.Add(draft, queue.Dequeue(), LinkBasis.CreditPartner);
                }
            }
        }
    }
}
