namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// Blocking for the fuzzy pass, so a line is scored against a few jobs, not all. Two keys: the canonical site with the
/// date window (finds service mismatches and amount changes), and the canonical service with the amount band and the
/// date window (finds site mismatches and lines whose site did not resolve). A line with neither canonical value is
/// looked up by amount (within one currency unit) in every service.
/// </summary>
internal sealed class CandidateIndex
{
    private readonly Dictionary<string, (int[] Days, JobView[] Jobs)> _bySite = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal[] Amounts, JobView[] Jobs)> _byService = new(StringComparer.Ordinal);
    private readonly RuleConfiguration _rules;
    private readonly int[] _stamps;
    private int _stamp;

    public CandidateIndex(IReadOnlyCollection<JobView> jobs, RuleConfiguration rules, int jobCount)
    {
        _rules = rules;
        _stamps = new int[jobCount];
        foreach (var site in jobs.Where(job => job.Site is not null).GroupBy(job => job.Site!, StringComparer.Ordinal))
        {
            var sorted = site.OrderBy(job => job.Date).ThenBy(job => job.Index).ToArray();
            _bySite[site.Key] = (sorted.Select(job => job.Date.DayNumber).ToArray(), sorted);
        }

        foreach (var service in jobs.Where(job => job.Service is not null).GroupBy(job => job.Service!, StringComparer.Ordinal))
        {
            var sorted = service.OrderBy(job => job.Amount).ThenBy(job => job.Index).ToArray();
            _byService[service.Key] = (sorted.Select(job => job.Amount).ToArray(), sorted);
        }
    }

    /// <summary>The distinct jobs sharing a blocking key with <paramref name="line"/>, each once.</summary>
    public List<JobView> Candidates(LineView line)
    {
        _stamp++;
        var result = new List<JobView>();
        var day = line.Date.DayNumber;
        var window = _rules.DateWindowDays;
        if (line.Site is not null && _bySite.TryGetValue(line.Site, out var site))
        {
            for (var i = LowerBound(site.Days, day - window); i < site.Days.Length && site.Days[i] <= day + window; i++)
            {
                Take(site.Jobs[i], result);
            }
        }

        var band = (decimal)_rules.AmountBand;
        if (line.Service is not null)
        {
            if (_byService.TryGetValue(line.Service, out var service))
            {
                TakeAmountRange(service, line.Total * (1m - band), line.Total * (1m + band), day, result);
            }
        }
        else if (line.Site is null)
        {
            foreach (var service in _byService.Values)
            {
                TakeAmountRange(service, line.Total - 1m, line.Total + 1m, day, result);
            }
        }

        return result;
    }

    private void TakeAmountRange((decimal[] Amounts, JobView[] Jobs) index, decimal from, decimal to, int day, List<JobView> result)
    {
        for (var i = LowerBound(index.Amounts, from); i < index.Amounts.Length && index.Amounts[i] <= to; i++)
        {
            if (Math.Abs(index.Jobs[i].Date.DayNumber - day) <= _rules.DateWindowDays)
            {
                Take(index.Jobs[i], result);
            }
        }
    }

    private void Take(JobView job, List<JobView> result)
    {
        if (_stamps[job.Index] != _stamp)
        {
            _stamps[job.Index] = _stamp;
            result.Add(job);
        }
    }

    private static int LowerBound<T>(T[] sorted, T value)
        where T : IComparable<T>
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle].CompareTo(value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
