using System.Globalization;
using System.Text;
using Recon.Domain.Reconciliation;

namespace Recon.DataGenerator.Scoring;

/// <summary>One group as the engine decided it: its jobs and lines, its category, and whether it was raised as an exception.</summary>
public sealed record EngineGroup(IReadOnlyList<string> JobIds, IReadOnlyList<string> LineIds, string Category, bool IsException)
{
    /// <summary>The groups of an engine result, as the engine made them.</summary>
    public static IReadOnlyList<EngineGroup> Of(ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Groups.Select(group => new EngineGroup(group.ClientJobIds, group.LedgerLineIds, group.Category, group.IsException)).ToList();
    }
}

/// <summary>A run's totals: completed jobs' sum, every line's sum (credits negative), and ledger − client.</summary>
public sealed record EngineTotals(decimal ClientTotal, decimal LedgerTotal, decimal Variance)
{
    public static EngineTotals Of(RunKpis kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return new EngineTotals(kpis.ClientTotal, kpis.LedgerTotal, kpis.Variance);
    }
}

/// <summary>
/// One non-exact category's score: truth groups, engine groups, and true positives (a truth group of the category
/// for which an engine group holds exactly the same jobs and lines with that category). Precision is null when the
/// engine made no group of the category, recall when the truth has none; F1 is then 0.
/// </summary>
public sealed record CategoryScore(string Category, int TruthGroups, int EngineGroups, int TruePositives)
{
    public int FalsePositives => EngineGroups - TruePositives;

    public int FalseNegatives => TruthGroups - TruePositives;

    public double? Precision => EngineGroups == 0 ? null : (double)TruePositives / EngineGroups;

    public double? Recall => TruthGroups == 0 ? null : (double)TruePositives / TruthGroups;

    public double F1 => Precision is { } p && Recall is { } r && p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/// <summary>A truth group the engine did not reproduce (same jobs, same lines, same category), and what the engine made of its records.</summary>
public sealed record Misclassification(TruthGroup Truth, IReadOnlyList<EngineGroup> Found)
{
    public override string ToString() =>
        $"{Truth.Category} [{string.Join(' ', Truth.ClientJobIds)} | {string.Join(' ', Truth.LedgerLineIds)}] {Truth.Variance:0.00} → "
        + (Found.Count == 0 ? "nothing" : string.Join("; ", Found.Select(Describe)));

    private static string Describe(EngineGroup group) =>
        $"{group.Category}{(group.IsException ? "!" : "")} [{string.Join(' ', group.JobIds)} | {string.Join(' ', group.LineIds)}]";
}

/// <summary>
/// How close a run is to a generated month's ground truth: the one scorer of the engine's tests, the API's accuracy
/// test and <c>./ops/recon bench accuracy</c>. Every metric is defined in <c>docs/reconciliation.md</c>, "Measuring
/// accuracy", and computed here only.
/// </summary>
public sealed class AccuracyScore
{
    private AccuracyScore()
    {
    }

    /// <summary>The 13 categories scored one by one: every category of the ground truth but <c>exact</c>.</summary>
    public static IReadOnlyList<string> ScoredCategories { get; } =
        AnomalyCategory.Definitions.Keys.Where(c => c != Category.Exact).Order(StringComparer.Ordinal).ToList();

    /// <summary>(job, line) pairs inside truth groups holding both.</summary>
    public int TruthLinks { get; private init; }

    /// <summary>(job, line) pairs inside engine groups holding both.</summary>
    public int EngineLinks { get; private init; }

    /// <summary>Engine links that are truth links.</summary>
    public int CorrectLinks { get; private init; }

    public double LinkPrecision => Ratio(CorrectLinks, EngineLinks);

    public double LinkRecall => Ratio(CorrectLinks, TruthLinks);

    public double LinkF1 => HarmonicMean(LinkPrecision, LinkRecall);

    /// <summary>Truth links whose ledger line was written with a blank job reference.</summary>
    public int BlankRefLinks { get; private init; }

    /// <summary>Of <see cref="BlankRefLinks"/>, those the engine made.</summary>
    public int BlankRefCorrectLinks { get; private init; }

    public double BlankRefRecall => Ratio(BlankRefCorrectLinks, BlankRefLinks);

    /// <summary>Truth <c>exact</c> groups holding a job and a line.</summary>
    public int ExactPairGroups { get; private init; }

    /// <summary>Of <see cref="ExactPairGroups"/>, those with a record in an engine group raised as an exception.</summary>
    public int ExactPairsInExceptions { get; private init; }

    /// <summary><see cref="ExactPairsInExceptions"/> over <see cref="ExactPairGroups"/> (0 when there are none).</summary>
    public double ExactPairsInExceptionsShare => ExactPairGroups == 0 ? 0 : (double)ExactPairsInExceptions / ExactPairGroups;

    /// <summary>Truth groups, and those an engine group reproduces exactly (same jobs, same lines, same category).</summary>
    public int TruthGroups { get; private init; }

    public int CorrectGroups { get; private init; }

    /// <summary>The share of truth groups reproduced exactly, category included.</summary>
    public double GroupAccuracy => Ratio(CorrectGroups, TruthGroups);

    /// <summary>The 13 non-exact categories, each scored (those with neither a truth nor an engine group included, with zeros).</summary>
    public IReadOnlyList<CategoryScore> Categories { get; private init; } = [];

    /// <summary>The categories macro-F1 averages: those with a truth group or an engine group.</summary>
    public IReadOnlyList<CategoryScore> ScoredInMacroF1 => Categories.Where(c => c.TruthGroups > 0 || c.EngineGroups > 0).ToList();

    /// <summary>The mean F1 over <see cref="ScoredInMacroF1"/> (1 when none is).</summary>
    public double MacroF1 => ScoredInMacroF1 is { Count: > 0 } scored ? scored.Average(c => c.F1) : 1;

    /// <summary>Engine groups of a category the ground truth never uses (<c>other</c>); they count as misses of the truth groups they hold.</summary>
    public int EngineGroupsOutsideTruthCategories { get; private init; }

    public GroundTruthTotals Truth { get; private init; } = null!;

    public EngineTotals Engine { get; private init; } = null!;

    /// <summary>Client total, ledger total and variance each equal to the truth's, to the cent.</summary>
    public bool TotalsMatch =>
        Cents(Engine.ClientTotal) == Cents(Truth.ClientTotal) && Cents(Engine.LedgerTotal) == Cents(Truth.LedgerTotal) && Cents(Engine.Variance) == Cents(Truth.Variance);

    /// <summary>Engine groups raised as exceptions.</summary>
    public int ExceptionsRaised { get; private init; }

    /// <summary>Truth groups that are not <c>exact</c>.</summary>
    public int TrueAnomalyGroups { get; private init; }

    /// <summary>Truth groups not reproduced exactly, largest variance first.</summary>
    public IReadOnlyList<Misclassification> Misclassified { get; private init; } = [];

    /// <summary>
    /// Scores <paramref name="groups"/> against the month's ground truth; the job references are read from the ledger
    /// as the CSV writes it (<see cref="GeneratedMonth.Render(int)"/>).
    /// </summary>
    public static AccuracyScore Of(GeneratedMonth month, IReadOnlyList<EngineGroup> groups, EngineTotals totals)
    {
        ArgumentNullException.ThrowIfNull(month);
        return Of(month.GroundTruth, WrittenJobRefs(month), groups, totals);
    }

    /// <summary>The job reference of every ledger line as the ledger CSV writes it (blank when none is written), by line id.</summary>
    public static IReadOnlyDictionary<string, string> WrittenJobRefs(GeneratedMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var refs = new Dictionary<string, string>(month.LedgerLines.Count, StringComparer.Ordinal);
        for (var i = 0; i < month.LedgerLines.Count; i++)
        {
            refs[month.LedgerLines[i].LineId] = month.Render(i).JobRef;
        }

        return refs;
    }

    /// <param name="truth">The month's ground truth.</param>
    /// <param name="jobRefs">Every ledger line's job reference as written (raw), by line id: blank or whitespace is a blank reference.</param>
    /// <param name="groups">The engine's groups.</param>
    /// <param name="totals">The run's totals.</param>
    public static AccuracyScore Of(GroundTruth truth, IReadOnlyDictionary<string, string> jobRefs, IReadOnlyList<EngineGroup> groups, EngineTotals totals)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(jobRefs);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(totals);

        var truthLinks = Links(truth.Groups.Select(g => (g.ClientJobIds, g.LedgerLineIds)));
        var engineLinks = Links(groups.Select(g => (g.JobIds, g.LineIds)));
        var correctLinks = engineLinks.Count(truthLinks.Contains);
        var blankRefLinks = truthLinks.Where(link => string.IsNullOrWhiteSpace(jobRefs.GetValueOrDefault(link.Line))).ToList();

        var engineByKey = new Dictionary<string, List<EngineGroup>>(StringComparer.Ordinal);
        var engineByRecord = new Dictionary<string, EngineGroup>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var key = Key(group.JobIds, group.LineIds);
            if (!engineByKey.TryGetValue(key, out var same))
            {
                engineByKey[key] = same = [];
            }

            same.Add(group);
            foreach (var id in group.JobIds.Concat(group.LineIds))
            {
                engineByRecord[id] = group;
            }
        }

        var truePositives = new HashSet<EngineGroup>(ReferenceEqualityComparer.Instance);
        var truthByCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var tpByCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var misclassified = new List<Misclassification>();
        var exactPairs = 0;
        var exactPairsInExceptions = 0;
        foreach (var group in truth.Groups)
        {
            truthByCategory[group.Category] = truthByCategory.GetValueOrDefault(group.Category) + 1;
            var found = engineByKey.GetValueOrDefault(Key(group.ClientJobIds, group.LedgerLineIds))?.FirstOrDefault(e => e.Category == group.Category);
            if (found is not null)
            {
                truePositives.Add(found);
                tpByCategory[group.Category] = tpByCategory.GetValueOrDefault(group.Category) + 1;
            }

            var holding = group.ClientJobIds.Concat(group.LedgerLineIds)
                .Select(id => engineByRecord.GetValueOrDefault(id))
                .OfType<EngineGroup>()
                .Distinct<EngineGroup>(ReferenceEqualityComparer.Instance)
                .ToList();
            if (found is null)
            {
                misclassified.Add(new Misclassification(group, holding));
            }

            if (group.Category == Category.Exact && group.ClientJobIds.Count > 0 && group.LedgerLineIds.Count > 0)
            {
                exactPairs++;
                exactPairsInExceptions += holding.Any(e => e.IsException) ? 1 : 0;
            }
        }

        var engineByCategory = groups.GroupBy(g => g.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new AccuracyScore
        {
            TruthLinks = truthLinks.Count,
            EngineLinks = engineLinks.Count,
            CorrectLinks = correctLinks,
            BlankRefLinks = blankRefLinks.Count,
            BlankRefCorrectLinks = blankRefLinks.Count(engineLinks.Contains),
            ExactPairGroups = exactPairs,
            ExactPairsInExceptions = exactPairsInExceptions,
            TruthGroups = truth.Groups.Count,
            CorrectGroups = truePositives.Count,
            Categories = ScoredCategories
                .Select(c => new CategoryScore(c, truthByCategory.GetValueOrDefault(c), engineByCategory.GetValueOrDefault(c), tpByCategory.GetValueOrDefault(c)))
                .ToList(),
            EngineGroupsOutsideTruthCategories = groups.Count(g => !AnomalyCategory.Definitions.ContainsKey(g.Category)),
            Truth = truth.Totals,
            Engine = totals,
            ExceptionsRaised = groups.Count(g => g.IsException),
            TrueAnomalyGroups = truth.Groups.Count(g => g.Category != Category.Exact),
            Misclassified = misclassified
                .OrderByDescending(m => Math.Abs(m.Truth.Variance))
                .ThenBy(m => m.Truth.Category, StringComparer.Ordinal)
                .ThenBy(m => m.Truth.ClientJobIds.Concat(m.Truth.LedgerLineIds).FirstOrDefault(), StringComparer.Ordinal)
                .ToList(),
        };
    }

    /// <summary>One aligned block: every metric, each category, the confusions, and the first <paramref name="worst"/> misclassified groups.</summary>
    public string Report(int worst = 20)
    {
        var text = new StringBuilder();
        Line(text, "link precision", $"{LinkPrecision,8:P2}  ({CorrectLinks:N0} / {EngineLinks:N0} engine links)");
        Line(text, "link recall", $"{LinkRecall,8:P2}  ({CorrectLinks:N0} / {TruthLinks:N0} true links)");
        Line(text, "link F1", $"{LinkF1,8:P2}");
        Line(text, "blank-ref recall", $"{BlankRefRecall,8:P2}  ({BlankRefCorrectLinks:N0} / {BlankRefLinks:N0} true links of lines with a blank job_ref)");
        Line(text, "exceptions on exact pairs", $"{ExactPairsInExceptionsShare,8:P2}  ({ExactPairsInExceptions:N0} / {ExactPairGroups:N0} exact job-line groups)");
        Line(text, "group accuracy", $"{GroupAccuracy,8:P2}  ({CorrectGroups:N0} / {TruthGroups:N0} truth groups reproduced with their category)");
        Line(text, "category macro-F1", $"{MacroF1,8:P2}  (over {ScoredInMacroF1.Count} of {Categories.Count} non-exact categories; those with no truth and no engine group left out)");
        Line(text, "exceptions raised", $"{ExceptionsRaised,8:N0}  vs {TrueAnomalyGroups:N0} true anomaly groups{(EngineGroupsOutsideTruthCategories > 0 ? $"; {EngineGroupsOutsideTruthCategories:N0} engine groups of a category the truth never uses" : "")}");
        Line(text, "client total", $"{Engine.ClientTotal,16:N2}  truth {Truth.ClientTotal:N2}");
        Line(text, "ledger total", $"{Engine.LedgerTotal,16:N2}  truth {Truth.LedgerTotal:N2}");
        Line(text, "variance", $"{Engine.Variance,16:N2}  truth {Truth.Variance:N2}  {(TotalsMatch ? "equal to the cent" : "DIFFERENT")}");
        text.Append(CultureInfo.InvariantCulture, $"  {"category",-22}{"truth",7}{"engine",8}{"TP",6}{"FP",6}{"FN",6}{"precision",11}{"recall",9}{"F1",9}\n");
        foreach (var c in Categories)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {c.Category,-22}{c.TruthGroups,7:N0}{c.EngineGroups,8:N0}{c.TruePositives,6:N0}{c.FalsePositives,6:N0}{c.FalseNegatives,6:N0}{Percent(c.Precision),11}{Percent(c.Recall),9}{c.F1,9:P1}\n");
        }

        var confusions = Misclassified
            .GroupBy(m => $"{m.Truth.Category} → {string.Join(", ", m.Found.Select(f => f.Category).Distinct().Order(StringComparer.Ordinal))}", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (confusions.Count > 0)
        {
            text.Append("  confusions (truth → engine):");
            text.Append(string.Join(',', confusions.Take(12).Select(g => string.Create(CultureInfo.InvariantCulture, $" {g.Key} ×{g.Count()}"))));
            text.Append('\n');
        }

        foreach (var miss in Misclassified.Take(worst))
        {
            text.Append(CultureInfo.InvariantCulture, $"  ✗ {miss}\n");
        }

        if (Misclassified.Count > worst)
        {
            text.Append(CultureInfo.InvariantCulture, $"  … and {Misclassified.Count - worst:N0} more misclassified truth groups\n");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, FormattableString value) =>
        text.Append(CultureInfo.InvariantCulture, $"  {label,-27}{value.ToString(CultureInfo.InvariantCulture)}\n");

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static double HarmonicMean(double a, double b) => a + b == 0 ? 0 : 2 * a * b / (a + b);

    private static HashSet<(string Job, string Line)> Links(IEnumerable<(IReadOnlyList<string> Jobs, IReadOnlyList<string> Lines)> groups) =>
        groups.SelectMany(group => group.Jobs.SelectMany(job => group.Lines.Select(line => (job, line)))).ToHashSet();

    private static string Key(IEnumerable<string> jobs, IEnumerable<string> lines) =>
        string.Join('\n', jobs.Order(StringComparer.Ordinal)) + "\n|\n" + string.Join('\n', lines.Order(StringComparer.Ordinal));
}
