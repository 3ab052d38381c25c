using System.Globalization;

namespace Recon.Domain.Reconciliation.Matching;

/// <summary>
/// Explains a matched group: both sides' normalized values per field, each field's similarity and weight, the score
/// against the threshold, the runners-up and one sentence. Several records on a side are summed (amount, quantity);
/// site and service take the weakest line's similarity, the date the closest pair of dates.
/// </summary>
internal sealed class ExplanationBuilder(Workspace workspace, PairScorer scorer)
{
    /// <summary>A subset-sum match is an inference from totals alone: its confidence is its score times this.</summary>
    public const double SubsetSumConfidence = 0.9;

    private readonly RuleConfiguration _rules = workspace.Rules;

    public (MatchExplanation Explanation, double Confidence) Explain(MatchDraft draft)
    {
        var jobs = draft.Jobs.Select(index => workspace.Jobs[index]).OrderBy(job => job.Index).ToList();
        var lines = draft.Lines.Select(index => workspace.Lines[index]).OrderBy(line => line.Index).ToList();
        var job = jobs[0];
        var site = lines.Min(line => scorer.SiteSimilarity(job, line));
        var service = lines.Min(line => scorer.ServiceSimilarity(job, line));
        var days = jobs.SelectMany(j => lines.Select(line => Math.Abs(j.Date.DayNumber - line.Date.DayNumber))).Min();
        var date = PairScorer.DateSimilarity(days, _rules.DateWindowDays);
        var clientAmount = jobs.Sum(j => j.Amount);
        var ledgerAmount = lines.Sum(line => line.Total);
        var amount = PairScorer.AmountSimilarity(clientAmount, ledgerAmount, _rules.AmountBand);
        if (jobs.Count == 1 && lines.Count == 1 && PairScorer.OneFactorDiffers(job, lines[0]))
        {
            amount = Math.Max(amount, PairScorer.OneFactorSimilarity);
        }

        var reference = ReferenceSimilarity(jobs, lines);
        var combined = scorer.Combine(site, service, date, amount, reference);

        var score = draft.IsExact ? 1.0 : draft.Bases.Contains(LinkBasis.Fuzzy) ? draft.Score : combined;
        var confidence = draft.IsExact ? 1.0 : draft.Bases.Contains(LinkBasis.SubsetSum) ? score * SubsetSumConfidence : score;

        var fields = new List<FieldComparison>
        {
            new("site", Distinct(jobs.Select(j => Site(j.Site, j.SiteName))), Distinct(lines.Select(line => Site(line.Site, line.SiteText))), Round(site), _rules.SiteWeight),
            new("service", Distinct(jobs.Select(j => j.ServiceText)), Distinct(lines.Select(line => line.ServiceText)), Round(service), _rules.ServiceWeight),
            new("service_date", Distinct(jobs.Select(j => Date(j.Date))), Distinct(lines.Select(line => Date(line.Date))), Round(date), _rules.DateWeight),
            new("amount", Money(clientAmount), Money(ledgerAmount), Round(amount), _rules.AmountWeight),
            new("reference", Distinct(jobs.Select(j => j.Reference ?? j.Id)), lines.Any(line => line.Reference is not null) ? Distinct(lines.Select(line => line.Reference ?? "-")) : null, reference is { } r ? Round(r) : 0, reference is null ? 0 : _rules.ReferenceWeight),
            new("quantity", Number(jobs.Sum(j => j.Quantity)), Number(lines.Sum(line => line.Quantity)), jobs.Sum(j => j.Quantity) == lines.Sum(line => line.Quantity) ? 1 : 0, 0),
            new("unit_rate", Distinct(jobs.Select(j => Money(j.Rate))), Distinct(lines.Select(line => Money(line.Price))), jobs.Select(j => j.Rate).Distinct().SequenceEqual(lines.Select(line => line.Price).Distinct()) ? 1 : 0, 0),
        };

        var uses = lines.SelectMany(line => workspace.Input.Vocabulary?.GetValueOrDefault(line.Id) ?? []).Distinct().ToList();
        var summary = $"{How(draft, jobs, lines, score)} {Differences(fields, clientAmount, ledgerAmount)}{Vocabulary(uses)}";
        return (new MatchExplanation(_rules.Version, Round(score), _rules.MatchThreshold, fields, draft.RunnersUp.ToList(), summary, uses.Count == 0 ? null : uses), Round(confidence));
    }

    private string How(MatchDraft draft, List<JobView> jobs, List<LineView> lines, double score)
    {
        var jobIds = string.Join(", ", jobs.Select(job => job.Id));
        var lineIds = string.Join(", ", lines.Select(line => line.Id));
        var parts = new List<string>();
        if (draft.Bases.Contains(LinkBasis.Reference))
        {
            parts.Add($"Line(s) {string.Join(", ", lines.Where(line => line.Reference is not null && jobs.Any(job => job.Reference == line.Reference)).Select(line => line.Id))} name job {jobIds} by its job reference.");
        }

        if (draft.Bases.Contains(LinkBasis.ExactKey))
        {
            parts.Add($"Job {jobIds} and line {lineIds} share the exact key {draft.ExactKey}.");
        }

        if (draft.Bases.Contains(LinkBasis.Fuzzy))
        {
            parts.Add(FormattableString.Invariant($"Matched without a usable job reference at score {score:0.000} (threshold {_rules.MatchThreshold:0.00}), the best assignment among {draft.RunnersUp.Count + 1} candidate(s)."));
        }

        if (draft.Bases.Contains(LinkBasis.SubsetSum))
        {
            parts.Add(jobs.Count > 1
                ? $"Jobs {jobIds} add up to the quantity and amount of line(s) {lineIds} (subset sum within site and service)."
                : $"Lines {lineIds} add up to the quantity and amount of job {jobIds} (subset sum within site and service).");
        }

        if (draft.Bases.Contains(LinkBasis.CreditPartner))
        {
            parts.Add("A line without a reference joined as the reversal (or original) of a line of the group.");
        }

        if (draft.Bases.Contains(LinkBasis.Duplicate))
        {
            parts.Add("A line without a reference repeats a line that already bills the job in full.");
        }

        return string.Join(' ', parts);
    }

    private static string Differences(List<FieldComparison> fields, decimal clientAmount, decimal ledgerAmount)
    {
        var differing = fields.Where(field => field.Similarity < 1 && (field.Weight > 0 || field.Field is "quantity" or "unit_rate"))
            .Select(field => field.Field == "amount"
                ? FormattableString.Invariant($"amount ({ledgerAmount - clientAmount:+0.00;-0.00})")
                : $"{field.Field} ({field.ClientValue} vs {field.LedgerValue})")
            .ToList();
        return differing.Count == 0 ? "All compared fields agree." : $"Differs in {string.Join(", ", differing)}.";
    }

    /// <summary>Says which texts were read through the vocabulary, and on what authority.</summary>
    private static string Vocabulary(List<Normalization.Vocabulary.VocabularyUse> uses) => uses.Count == 0 ? string.Empty
        : " Read through the client's vocabulary: " + string.Join("; ", uses.Select(use => use.Origin switch
        {
            "learned" => FormattableString.Invariant($"{use.Field} '{use.Text}' means {use.Meaning} (learned by recon-run from {use.Support} reference-confirmed pair(s))"),
            "confirmed" => $"{use.Field} '{use.Text}' means {use.Meaning} (confirmed by a user)",
            "seed" => $"{use.Field} '{use.Text}' means {use.Meaning} (built-in catalog)",
            "alias" => $"{use.Field} '{use.Text}' is a known alias of {use.Meaning}",
            _ => FormattableString.Invariant($"{use.Field} '{use.Text}' reads as {use.Meaning} (similarity {use.Score})"),
        })) + ".";

    private static double? ReferenceSimilarity(List<JobView> jobs, List<LineView> lines)
    {
        var compared = lines.Where(line => line.Reference is not null).ToList();
        if (compared.Count == 0)
        {
            return null;
        }

        return compared.Min(line => jobs.Max(job => PairScorer.ReferenceSimilarity(job.Reference, line.Reference) is double value && !double.IsNaN(value) ? value : 0));
    }

    private static string Distinct(IEnumerable<string> values) => string.Join("; ", values.Distinct(StringComparer.Ordinal));

    private static string Site(string? code, string text) => code is null ? text : $"{code} {text}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
