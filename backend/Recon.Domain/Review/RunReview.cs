namespace Recon.Domain.Review;

/// <summary>A case of the period as a new run finds it.</summary>
public sealed record ExistingCase(CaseState State, bool CategoryOverridden);

/// <summary>
/// What a completed run does to the period's review cases: opens a case for each new exception, refreshes the
/// figures of the ones raised again (people's decisions carry over), and clears the ones no longer raised.
/// </summary>
public static class RunReview
{
    public const string Actor = "recon-run";

    public static IReadOnlyList<ICaseEvent> Sync(
        Guid runId, IReadOnlyList<(Guid ExceptionId, CaseFigures Exception)> raised, IReadOnlyDictionary<Guid, ExistingCase> existing, DateTimeOffset now)
    {
        var events = new List<ICaseEvent>(raised.Count);
        var seen = new HashSet<Guid>();
        foreach (var (exceptionId, exception) in raised)
        {
            seen.Add(exceptionId);
            if (!existing.TryGetValue(exceptionId, out var known))
            {
                events.Add(new ExceptionOpenedForReview(exceptionId, exception, now));
                continue;
            }

            var before = known.State;
            var after = before.Status switch
            {
                // People's open, pending and resolved decisions carry over; only the figures change.
                CaseStatus.Open or CaseStatus.PendingApproval or CaseStatus.Resolved => before,
                _ => ReviewCase.InitialState(exception) with { Assignee = before.Assignee },
            };
            // A reviewer's category stands; otherwise the engine's latest category.
            after = after with { Category = known.CategoryOverridden ? before.Category : exception.Category };

            events.Add(new ExceptionRefreshedByRun(exceptionId, exception, Actor, before, after, now));
        }

        foreach (var (exceptionId, known) in existing.OrderBy(pair => pair.Key))
        {
            if (!seen.Contains(exceptionId) && known.State.Status != CaseStatus.Cleared)
            {
                events.Add(new ExceptionClearedByRun(exceptionId, runId, Actor, known.State, known.State with { Status = CaseStatus.Cleared }, now));
            }
        }

        return events;
    }
}
