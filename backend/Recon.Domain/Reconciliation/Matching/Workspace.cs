namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// The mutable state of one run's matching: every record's view, and which draft group holds it (-1 = none yet).
/// Passes only move records from "free" into drafts, so a record is never in two groups.
/// </summary>
internal sealed class Workspace
{
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);

    public Workspace(ReconciliationInput input)
    {
        Input = input;
        Rules = input.Rules;
        Jobs = new JobView[input.Jobs.Count];
        for (var i = 0; i < Jobs.Length; i++)
        {
            var job = input.Jobs[i];
            Jobs[i] = new JobView(i, job, Intern(job.SiteName), Intern(job.CanonicalService ?? job.ServiceType));
        }

        Lines = new LineView[input.Lines.Count];
        for (var i = 0; i < Lines.Length; i++)
        {
            var line = input.Lines[i];
            Lines[i] = new LineView(i, line, Intern(line.CustomerSite), Intern(line.CanonicalService ?? line.Description));
        }

        JobDraft = Enumerable.Repeat(-1, Jobs.Length).ToArray();
        LineDraft = Enumerable.Repeat(-1, Lines.Length).ToArray();
        JobsByReference = Jobs.Where(job => job.Reference is not null)
            .GroupBy(job => job.Reference!, StringComparer.Ordinal)
            .Where(group => group.Count() == 1) // a reference two jobs share identifies neither
            .ToDictionary(group => group.Key, group => group.Single().Index, StringComparer.Ordinal);
        Texts = _texts.OrderBy(entry => entry.Value).Select(entry => entry.Key).ToArray();
    }

    public ReconciliationInput Input { get; }

    public RuleConfiguration Rules { get; }

    public JobView[] Jobs { get; }

    public LineView[] Lines { get; }

    public int[] JobDraft { get; }

    public int[] LineDraft { get; }

    public List<MatchDraft> Drafts { get; } = [];

    public IReadOnlyDictionary<string, int> JobsByReference { get; }

    /// <summary>Distinct site and service texts, by interned id.</summary>
    public string[] Texts { get; }

    public bool IsFree(JobView job) => JobDraft[job.Index] < 0;

    public bool IsFree(LineView line) => LineDraft[line.Index] < 0;

    public int NewDraft(LinkBasis basis)
    {
        var draft = new MatchDraft();
        draft.Bases.Add(basis);
        Drafts.Add(draft);
        return Drafts.Count - 1;
    }

    public void Add(int draft, JobView job, LinkBasis basis)
    {
        if (JobDraft[job.Index] == draft)
        {
            return;
        }

        if (JobDraft[job.Index] >= 0)
        {
            throw new InvalidOperationException($"Job {job.Id} is already in a group.");
        }

        JobDraft[job.Index] = draft;
        Drafts[draft].Jobs.Add(job.Index);
        Drafts[draft].Bases.Add(basis);
    }

    public void Add(int draft, LineView line, LinkBasis basis)
    {
        if (LineDraft[line.Index] >= 0)
        {
            throw new InvalidOperationException($"Line {line.Id} is already in a group.");
        }

        LineDraft[line.Index] = draft;
        Drafts[draft].Lines.Add(line.Index);
        Drafts[draft].Bases.Add(basis);
    }

    public IEnumerable<JobView> FreeJobs() => Jobs.Where(IsFree);

    public IEnumerable<LineView> FreeLines() => Lines.Where(IsFree);

    /// <summary>A draft's lines that are not cancelled out by a reversing line of the same draft.</summary>
    public List<LineView> NetLines(MatchDraft draft)
    {
        var lines = draft.Lines.Select(index => Lines[index]).ToList();
        var cancelled = new HashSet<int>();
        foreach (var line in lines.Where(line => line.Total < 0m))
        {
            var reversed = lines.FirstOrDefault(other => !cancelled.Contains(other.Index) && other.Index != line.Index && line.Reverses(other));
            if (reversed is not null)
            {
                cancelled.Add(line.Index);
                cancelled.Add(reversed.Index);
            }
        }

        return lines.Where(line => !cancelled.Contains(line.Index)).ToList();
    }

    /// <summary>A single-job draft whose lines all cancel out: the job still waits for its real billing line.</summary>
    public bool IsOpen(int draft)
    {
        var group = Drafts[draft];
        return group.Jobs.Count == 1 && group.Lines.Count > 0 && NetLines(group).Count == 0;
    }

    private int Intern(string text)
    {
        if (!_texts.TryGetValue(text, out var id))
        {
            _texts[text] = id = _texts.Count;
        }

        return id;
    }
}
