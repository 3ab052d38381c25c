using System.Globalization;
using System.Text;
using Recon.DataGenerator;
using Recon.Domain.Reconciliation;

namespace Recon.Domain.Tests.Reconciliation.Accuracy;

/// <summary>
/// How close a run is to a generated month's ground truth.
/// <list type="bullet">
/// <item>Pairs: every (job id, line id) combination inside a group. Precision = true pairs the engine made / pairs the
/// engine made; recall = true pairs the engine made / true pairs.</item>
/// <item>Category accuracy: the share of ground-truth groups for which the engine has a group holding exactly the same
/// jobs and lines, with the same category.</item>
/// <item>Totals: the run's client total, ledger total and variance against the ground truth's, to the cent.</item>
/// </list>
/// </summary>
public sealed record AccuracyScore(
    int TruthPairs,
    int EnginePairs,
    int CorrectPairs,
    int TruthGroups,
    int CorrectGroups,
    decimal TruthVariance,
    decimal EngineVariance,
    bool TotalsMatch,
    IReadOnlyDictionary<string, (int Groups, int Correct)> ByCategory,
    IReadOnlyList<string> Misclassified)
{
    public double PairPrecision => EnginePairs == 0 ? 1 : (double)CorrectPairs / EnginePairs;

    public double PairRecall => TruthPairs == 0 ? 1 : (double)CorrectPairs / TruthPairs;

    public double CategoryAccuracy => TruthGroups == 0 ? 1 : (double)CorrectGroups / TruthGroups;

    public static AccuracyScore Of(GroundTruth truth, ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(result);
        var truthPairs = Pairs(truth.Groups.Select(group => (group.ClientJobIds, group.LedgerLineIds)));
        var enginePairs = Pairs(result.Groups.Select(group => (group.ClientJobIds, group.LedgerLineIds)));
        var correctPairs = enginePairs.Count(truthPairs.Contains);

        var engineGroups = new Dictionary<string, ReconciliationGroup>(StringComparer.Ordinal);
        foreach (var group in result.Groups)
        {
            engineGroups[Key(group.ClientJobIds, group.LedgerLineIds)] = group;
        }

        var engineByRecord = new Dictionary<string, ReconciliationGroup>(StringComparer.Ordinal);
        foreach (var group in result.Groups)
        {
            foreach (var id in group.ClientJobIds.Concat(group.LedgerLineIds))
            {
                engineByRecord[id] = group;
            }
        }

        var byCategory = new SortedDictionary<string, (int Groups, int Correct)>(StringComparer.Ordinal);
        var misclassified = new List<string>();
        var correctGroups = 0;
        foreach (var group in truth.Groups)
        {
            var engine = engineGroups.GetValueOrDefault(Key(group.ClientJobIds, group.LedgerLineIds));
            var correct = engine is not null && engine.Category == group.Category;
            correctGroups += correct ? 1 : 0;
            var (groups, right) = byCategory.GetValueOrDefault(group.Category);
            byCategory[group.Category] = (groups + 1, right + (correct ? 1 : 0));
            if (!correct)
            {
                misclassified.Add($"{group.Category} [{string.Join(' ', group.ClientJobIds)} | {string.Join(' ', group.LedgerLineIds)}] → {Describe(engine ?? engineByRecord[group.ClientJobIds.Concat(group.LedgerLineIds).First()])}");
            }
        }

        var totalsMatch = result.Kpis.ClientTotal == truth.Totals.ClientTotal
            && result.Kpis.LedgerTotal == truth.Totals.LedgerTotal
            && result.Kpis.Variance == truth.Totals.Variance;
        return new AccuracyScore(
            truthPairs.Count, enginePairs.Count, correctPairs, truth.Groups.Count, correctGroups, truth.Totals.Variance, result.Kpis.Variance, totalsMatch, byCategory, misclassified);
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"pair precision {PairPrecision:P2} ({CorrectPairs}/{EnginePairs}), recall {PairRecall:P2} ({CorrectPairs}/{TruthPairs}), ");
        text.Append(CultureInfo.InvariantCulture, $"category accuracy {CategoryAccuracy:P2} ({CorrectGroups}/{TruthGroups}), variance {EngineVariance:0.00} vs truth {TruthVariance:0.00}");
        foreach (var (category, (groups, correct)) in ByCategory.Where(entry => entry.Value.Correct < entry.Value.Groups))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {category}: {correct}/{groups}");
        }

        return text.ToString();
    }

    private static string Describe(ReconciliationGroup group) =>
        $"{group.Category} [{string.Join(' ', group.ClientJobIds)} | {string.Join(' ', group.LedgerLineIds)}] {group.Match?.Method.ToString() ?? "unmatched"} {group.Match?.Confidence:0.000}";

    private static HashSet<(string Job, string Line)> Pairs(IEnumerable<(IReadOnlyList<string> Jobs, IReadOnlyList<string> Lines)> groups) =>
        groups.SelectMany(group => group.Jobs.SelectMany(job => group.Lines.Select(line => (job, line)))).ToHashSet();

    private static string Key(IEnumerable<string> jobs, IEnumerable<string> lines) =>
        string.Join('\n', jobs.Order(StringComparer.Ordinal)) + "\n|\n" + string.Join('\n', lines.Order(StringComparer.Ordinal));
}
