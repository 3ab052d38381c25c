using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Runs;

namespace Recon.Api.Runs;

/// <summary>Turns an engine result into the run's events, in a stable order: per group its match, exception and routing; then anomalies; then completion.</summary>
public static class RunEvents
{
    public static IEnumerable<object> From(RunStarted started, RunSummary run, ReconciliationResult result, DateTimeOffset now)
    {
        var sequence = 0;
        foreach (var group in result.Groups)
        {
            sequence++;
            if (group.Match is { } match)
            {
                yield return new MatchDecided(
                    started.RunId, match.MatchId, group.GroupId, sequence, group.Category, match.ClientJobIds, match.LedgerLineIds, match.Method, match.Confidence, group.Impact, match.Explanation);
            }

            if (!group.IsException)
            {
                continue;
            }

            var exceptionId = ExceptionIds.Of(started.PeriodId, group.GroupId);
            yield return new ExceptionRaised(
                started.RunId,
                started.PeriodId,
                exceptionId,
                sequence,
                group.Category,
                group.ClientJobIds,
                group.LedgerLineIds,
                group.Match?.MatchId,
                group.Match?.Method,
                group.ClientAmount,
                group.LedgerAmount,
                group.Difference,
                group.DifferencePercent,
                group.QuantityDifference,
                group.UnitRateDifference,
                group.Impact,
                group.Confidence,
                group.Reason);

            switch (group.Resolution)
            {
                case { AutoResolved: true } resolved:
                    yield return new ExceptionAutoResolved(started.RunId, exceptionId, resolved.Policy, resolved.Reason);
                    break;
                case { } routed:
                    yield return new ExceptionRoutedToReview(started.RunId, exceptionId, routed.Priority, routed.Reason);
                    break;
                default:
                    throw new InvalidOperationException($"The engine left exception {group.GroupId} without a resolution.");
            }
        }

        foreach (var anomaly in result.RateAnomalies)
        {
            yield return new RateAnomalyFlagged(started.RunId, anomaly);
        }

        yield return new RunCompleted(started.RunId, started.PeriodId, run.ClientId, run.Month, result.Kpis, result.RatesThisMonth, now);
    }
}

/// <summary>The exceptions of a run as review cases see them: figures, records, sites and the engine's suggestion.</summary>
public static class RunCases
{
    public static IReadOnlyList<(Guid ExceptionId, CaseFigures Figures)> From(RunStarted started, RunSummary run, RunSnapshot snapshot, ReconciliationResult result)
    {
        var jobSites = snapshot.Jobs.ToDictionary(job => job.JobId, job => job.CanonicalSiteCode ?? job.SiteCode, StringComparer.Ordinal);
        var lineSites = snapshot.Lines.ToDictionary(line => line.LineId, line => line.CanonicalSiteCode, StringComparer.Ordinal);
        var cases = new List<(Guid, CaseFigures)>();
        foreach (var group in result.Groups.Where(group => group.IsException))
        {
            var sites = group.ClientJobIds.Select(id => jobSites.GetValueOrDefault(id))
                .Concat(group.LedgerLineIds.Select(id => lineSites.GetValueOrDefault(id)))
                .OfType<string>()
                .Where(site => site.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
            var figures = new CaseFigures(
                started.RunId,
                started.PeriodId,
                run.ClientId,
                run.Month,
                result.Kpis.Currency,
                group.GroupId,
                group.Category,
                group.ClientJobIds,
                group.LedgerLineIds,
                sites,
                group.Match?.MatchId,
                group.Match?.Method,
                group.ClientAmount,
                group.LedgerAmount,
                group.Difference,
                group.Impact,
                group.Confidence,
                group.Resolution is { AutoResolved: false } routed ? routed.Priority : null,
                group.Reason,
                group.Resolution is { AutoResolved: true } auto ? $"autoResolved: {auto.Policy}" : null);
            cases.Add((ExceptionIds.Of(started.PeriodId, group.GroupId), figures));
        }

        return cases;
    }
}
