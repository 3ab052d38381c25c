namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// The fuzzy 1:1 pass over what the deterministic passes left: every free line with a positive total is scored against
/// its blocked candidates (free completed jobs, and jobs whose only lines cancel out); pairs at or above the threshold
/// are then assigned globally, best score first, ties broken by date distance, job order and line order, a record never
/// taken twice. It runs twice: first only pairs whose amounts agree (within one currency unit), so that exact-amount
/// evidence (and then the subset sums) is used before pairs whose amounts differ. A cancelled job is never matched
/// fuzzily: nothing is expected for it, so likeness alone is no evidence that a line bills it.
/// </summary>
internal static class FuzzyPass
{
    private const int KeptRunnersUp = 3;

    public static void Run(Workspace workspace, PairScorer scorer, bool amountsMustAgree)
    {
        var rules = workspace.Rules;
        // A cancelled job is a candidate too, but only for a line that bills it exactly (see PairScorer): cancelled but billed.
        var jobs = workspace.Jobs.Where(job => (job.Billable || workspace.IsFree(job)) && (workspace.IsFree(job) || workspace.IsOpen(workspace.JobDraft[job.Index]))).ToList();
        var lines = workspace.FreeLines().Where(line => line.Total > 0m).ToList();
        if (jobs.Count == 0 || lines.Count == 0)
        {
            return;
        }

        var index = new CandidateIndex(jobs, rules, workspace.Jobs.Length);
        var pairs = new List<Candidate>();
        var byLine = new Dictionary<int, List<Candidate>>();
        var byJob = new Dictionary<int, List<Candidate>>();
        foreach (var line in lines)
        {
            foreach (var job in index.Candidates(line))
            {
                var score = scorer.Score(job, line);
                if (score.Vetoed)
                {
                    continue;
                }

                var candidate = new Candidate(job.Index, line.Index, score.Score, Math.Abs(job.Date.DayNumber - line.Date.DayNumber));
                KeepBest(byLine, line.Index, candidate);
                if (score.Score >= rules.MatchThreshold && (!amountsMustAgree || score.Amount >= PairScorer.RoundingSimilarity))
                {
                    pairs.Add(candidate);
                    KeepBest(byJob, job.Index, candidate);
                }
            }
        }

        pairs.Sort(Candidate.BestFirst);
        var jobTaken = new HashSet<int>();
        var lineTaken = new HashSet<int>();
        foreach (var pair in pairs)
        {
            if (!jobTaken.Add(pair.Job))
            {
                continue;
            }

            if (!lineTaken.Add(pair.Line))
            {
                jobTaken.Remove(pair.Job);
                continue;
            }

            var job = workspace.Jobs[pair.Job];
            var draft = workspace.JobDraft[pair.Job];
            if (draft < 0)
            {
                draft = workspace.NewDraft(LinkBasis.Fuzzy);
                workspace.Add(draft, job, LinkBasis.Fuzzy);
            }

            workspace.Add(draft, workspace.Lines[pair.Line], LinkBasis.Fuzzy);
            var group = workspace.Drafts[draft];
            group.Score = pair.Score;
            group.RunnersUp.AddRange(byLine[pair.Line].Concat(byJob.GetValueOrDefault(pair.Job) ?? [])
                .Where(other => other != pair)
                .Distinct()
                .Order(Candidate.BestFirst)
                .Take(KeptRunnersUp)
                .Select(other => new RunnerUp([workspace.Jobs[other.Job].Id], [workspace.Lines[other.Line].Id], Math.Round(other.Score, 4))));
        }
    }

    private static void KeepBest(Dictionary<int, List<Candidate>> kept, int key, Candidate candidate)
    {
        if (!kept.TryGetValue(key, out var list))
        {
            kept[key] = list = [];
        }

        list.Add(candidate);
        if (list.Count > KeptRunnersUp + 1)
        {
            list.Sort(Candidate.BestFirst);
            list.RemoveAt(list.Count - 1);
        }
    }

    private readonly record struct Candidate(int Job, int Line, double Score, int Days)
    {
        public static Comparer<Candidate> BestFirst { get; } = Comparer<Candidate>.Create((a, b) =>
        {
            var order = b.Score.CompareTo(a.Score);
            order = order != 0 ? order : a.Days.CompareTo(b.Days);
            order = order != 0 ? order : a.Job.CompareTo(b.Job);
            return order != 0 ? order : a.Line.CompareTo(b.Line);
        });
    }
}
