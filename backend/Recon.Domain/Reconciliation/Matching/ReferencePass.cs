namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// The deterministic pass: a line whose canonical job reference names exactly one job of the period joins that job's
/// group (all lines naming one job end up together: a match, a split, a duplicate or a credit reversal).
/// </summary>
internal static class ReferencePass
{
    public static void Run(Workspace workspace)
    {
        foreach (var line in workspace.Lines)
        {
            if (line.Reference is null || !workspace.JobsByReference.TryGetValue(line.Reference, out var jobIndex))
            {
                continue;
            }

            var job = workspace.Jobs[jobIndex];
            var draft = workspace.JobDraft[jobIndex];
            if (draft < 0)
            {
                draft = workspace.NewDraft(LinkBasis.Reference);
                workspace.Add(draft, job, LinkBasis.Reference);
            }

            workspace.Add(draft, line, LinkBasis.Reference);
        }
    }
}
