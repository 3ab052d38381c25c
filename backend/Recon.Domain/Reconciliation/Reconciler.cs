using Recon.Domain.Reconciliation.Classification;
using Recon.Domain.Reconciliation.Kpis;
using Recon.Domain.Reconciliation.Matching;
using Recon.Domain.Reconciliation.Rates;
using Recon.Domain.Reconciliation.Routing;

namespace Recon.Domain.Reconciliation;

/// <summary>
/// The reconciliation engine: a pure function of its input (no I/O, no clock, no randomness). Passes, in order:
/// job reference, configured exact keys, credit partners, reference-anchored consolidation, fuzzy 1:1 on agreeing
/// amounts, reference-anchored split completion, 1:N and N:1 subset sums, fuzzy 1:1 on the rest, duplicates; then differences, classification, routing, rate anomalies and KPIs.
/// See docs/reconciliation.md.
/// </summary>
public static class Reconciler
{
    public static ReconciliationResult Reconcile(ReconciliationInput input, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var workspace = new Workspace(input);
        var scorer = new PairScorer(workspace);
        progress?.Report(0.05);

        ReferencePass.Run(workspace);
        ExactKeyPass.Run(workspace);
        CreditPartnerPass.Run(workspace);
        AnchoredConsolidationPass.Run(workspace);
        progress?.Report(0.2);

        FuzzyPass.Run(workspace, scorer, amountsMustAgree: true);
        progress?.Report(0.4);

        AnchoredSplitPass.Run(workspace);
        SubsetSumPass.Run(workspace);
        progress?.Report(0.5);

        FuzzyPass.Run(workspace, scorer, amountsMustAgree: false);
        DuplicatePass.Run(workspace);
        progress?.Report(0.7);

        var drafts = Complete(workspace);
        var groups = BuildGroups(workspace, drafts);
        progress?.Report(0.85);

        var clientTotal = input.Jobs.Where(job => job.IsBillable).Sum(job => job.Amount.Amount);
        groups = Route(groups, clientTotal, input.Rules);
        var (anomalies, ratesThisMonth) = RateAnomalyDetector.Detect(input.Month, BilledRates(workspace, groups), input.RateHistory, input.Rules);
        var currency = input.Jobs.Select(job => job.Amount.Currency).Concat(input.Lines.Select(line => line.LineTotal.Currency)).FirstOrDefault() ?? string.Empty;
        var kpis = KpiCalculator.Calculate(input, groups, currency);
        progress?.Report(1.0);
        return new ReconciliationResult(groups, anomalies, ratesThisMonth, kpis);
    }

    /// <summary>Every record nothing matched becomes a group of its own.</summary>
    private static List<MatchDraft> Complete(Workspace workspace)
    {
        var drafts = workspace.Drafts.ToList();
        foreach (var job in workspace.FreeJobs())
        {
            var draft = new MatchDraft();
            draft.Jobs.Add(job.Index);
            drafts.Add(draft);
        }

        foreach (var line in workspace.FreeLines())
        {
            var draft = new MatchDraft();
            draft.Lines.Add(line.Index);
            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>Groups are built independently (in parallel, in order): each with its own scorer, as the caches are not shared.</summary>
    private static List<ReconciliationGroup> BuildGroups(Workspace workspace, List<MatchDraft> drafts)
    {
        using var explainers = new ThreadLocal<ExplanationBuilder>(() => new ExplanationBuilder(workspace, new PairScorer(workspace)));
        return drafts.AsParallel().AsOrdered()
            .Select(draft => BuildGroup(workspace, explainers.Value!, draft))
            .ToList()
            .OrderBy(group => group.ClientJobIds.Count == 0 ? 1 : 0)
            .ThenBy(group => group.ClientJobIds.Count > 0 ? group.ClientJobIds[0] : group.LedgerLineIds[0], StringComparer.Ordinal)
            .ToList();
    }

    private static ReconciliationGroup BuildGroup(Workspace workspace, ExplanationBuilder explainer, MatchDraft draft)
    {
        var input = workspace.Input;
        var jobs = draft.Jobs.Select(index => input.Jobs[index]).OrderBy(job => job.JobId, StringComparer.Ordinal).ToList();
        var lines = draft.Lines.Select(index => input.Lines[index]).OrderBy(line => line.LineId, StringComparer.Ordinal).ToList();
        var jobIds = jobs.Select(job => job.JobId).ToList();
        var lineIds = lines.Select(line => line.LineId).ToList();

        MatchDecision? match = null;
        var confidence = 1.0;
        if (jobs.Count > 0 && lines.Count > 0)
        {
            var (explanation, matchConfidence) = explainer.Explain(draft);
            var method = draft.IsExact ? MatchMethod.Exact : MatchMethod.Fuzzy;
            match = new MatchDecision(ReconciliationIds.Match(jobIds, lineIds), jobIds, lineIds, method, matchConfidence, explanation);
            confidence = matchConfidence;
        }

        var facts = GroupFacts.Of(input.Month, jobs, lines, match?.Method);
        var classification = GroupClassifiers.Classify(facts);
        var figures = facts.Figures;
        return new ReconciliationGroup(
            ReconciliationIds.Group(jobIds, lineIds),
            classification.Category,
            jobIds,
            lineIds,
            match,
            figures.ClientAmount,
            figures.LedgerAmount,
            figures.Difference,
            figures.DifferencePercent,
            figures.QuantityDifference,
            figures.UnitRateDifference,
            classification.Impact,
            Math.Round(confidence * classification.Confidence, 4, MidpointRounding.AwayFromZero),
            classification.Reason,
            null);
    }

    private static List<ReconciliationGroup> Route(List<ReconciliationGroup> groups, decimal clientTotal, RuleConfiguration rules)
    {
        var exceptions = groups.Where(group => group.IsException)
            .Select(group => new RoutedItem(group.GroupId, group.Category, group.Impact, group.Confidence))
            .ToList();
        var resolutions = ExceptionRouter.Route(exceptions, clientTotal, rules);
        return groups.ConvertAll(group => resolutions.TryGetValue(group.GroupId, out var resolution) ? group with { Resolution = resolution } : group);
    }

    private static IEnumerable<BilledRate> BilledRates(Workspace workspace, List<ReconciliationGroup> groups)
    {
        var jobsOfLine = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in groups.Where(group => group.ClientJobIds.Count > 0))
        {
            foreach (var lineId in group.LedgerLineIds)
            {
                jobsOfLine[lineId] = group.ClientJobIds;
            }
        }

        return workspace.Lines
            .Where(line => line.Quantity > 0m && line.Total > 0m && line.Site is not null && line.Service is not null)
            .Select(line => new BilledRate(line.Site!, line.Service!, line.Price, line.Id, jobsOfLine.GetValueOrDefault(line.Id) ?? []));
    }
}
