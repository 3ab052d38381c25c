using FuzzySharp;
using Recon.Domain.Normalization;

namespace Recon.Domain.Reconciliation.Matching;

/// <summary>The similarities of one job and one line, field by field, and their weighted score.</summary>
/// <remarks><c>Reference</c> is null when it was not compared (the line carries no job reference).</remarks>
/// <remarks>
/// <c>Vetoed</c>: never a candidate — outside the date window, naming another job, or uncorroborated: site and service are
/// shared by many jobs, so a pair must also agree on the amount (within one currency unit) or on the service date.
/// </remarks>
internal readonly record struct PairScore(double Score, bool Vetoed, double Site, double Service, double Date, double Amount, double? Reference);

/// <summary>
/// Scores a job against a line: site, service, date, amount and reference similarity, weighted by the rules. FuzzySharp
/// runs only when canonical values differ or are unknown, and once per distinct pair of texts.
/// </summary>
internal sealed class PairScorer(Workspace workspace)
{
    /// <summary>A line's reference that differs from the job's counts only as a typo of it at this ratio or more.</summary>
    public const double ReferenceTypoRatio = 0.8;

    /// <summary>Two sites (or services) the registries resolved to different codes are at most this similar.</summary>
    public const double DifferentCanonicalCap = 0.5;

    /// <summary>The amount similarity of two amounts less than one currency unit apart.</summary>
    public const double RoundingSimilarity = 0.95;

    /// <summary>
    /// The amount similarity of two amounts that differ by exactly one factor: the same unit price and another quantity,
    /// or the same quantity and another unit price — a quantity or rate change, not a stranger.
    /// </summary>
    public const double OneFactorSimilarity = 0.5;

    private static readonly PairScore Vetoed = new(0, true, 0, 0, 0, 0, null);

    private readonly RuleConfiguration _rules = workspace.Rules;
    private readonly string[] _texts = workspace.Texts;
    private readonly Dictionary<long, double> _siteRatios = [];
    private readonly Dictionary<long, double> _serviceRatios = [];
    private readonly Dictionary<int, string> _siteKeys = [];

    public PairScore Score(JobView job, LineView line)
    {
        var days = Math.Abs(job.Date.DayNumber - line.Date.DayNumber);
        var amountsAgree = Math.Abs(job.Amount - line.Total) < 1m;
        if (days > _rules.DateWindowDays || (days != 0 && !amountsAgree) || (!job.Billable && (days != 0 || job.Amount != line.Total)))
        {
            return Vetoed;
        }

        var reference = ReferenceSimilarity(job.Reference, line.Reference);
        if (reference is double.NaN)
        {
            return Vetoed;
        }

        var site = SiteSimilarity(job, line);
        var service = ServiceSimilarity(job, line);
        var date = DateSimilarity(days, _rules.DateWindowDays);
        var amount = Math.Max(AmountSimilarity(job.Amount, line.Total, _rules.AmountBand), OneFactorDiffers(job, line) ? OneFactorSimilarity : 0);
        return new PairScore(Combine(site, service, date, amount, reference), false, site, service, date, amount, reference);
    }

    public double Combine(double site, double service, double date, double amount, double? reference)
    {
        var weighted = (_rules.SiteWeight * site) + (_rules.ServiceWeight * service) + (_rules.DateWeight * date) + (_rules.AmountWeight * amount);
        var weights = _rules.SiteWeight + _rules.ServiceWeight + _rules.DateWeight + _rules.AmountWeight;
        if (reference is { } value)
        {
            weighted += _rules.ReferenceWeight * value;
            weights += _rules.ReferenceWeight;
        }

        return weights <= 0 ? 0 : weighted / weights;
    }

    public double SiteSimilarity(JobView job, LineView line)
    {
        if (job.Site is not null && job.Site == line.Site)
        {
            return 1.0;
        }

        var ratio = TextRatio(job.SiteTextId, line.SiteTextId, site: true);
        return job.Site is not null && line.Site is not null ? Math.Min(ratio, DifferentCanonicalCap) : ratio;
    }

    public double ServiceSimilarity(JobView job, LineView line)
    {
        if (job.Service is not null && job.Service == line.Service)
        {
            return 1.0;
        }

        var ratio = TextRatio(job.ServiceTextId, line.ServiceTextId, site: false);
        return job.Service is not null && line.Service is not null ? Math.Min(ratio, DifferentCanonicalCap) : ratio;
    }

    /// <summary>Positive amounts whose difference one factor explains: same unit price, other quantity; or same quantity, other price.</summary>
    public static bool OneFactorDiffers(JobView job, LineView line) =>
        job.Amount > 0m && line.Total > 0m && job.Amount != line.Total
        && ((job.Rate == line.Price && job.Quantity != line.Quantity) || (job.Quantity == line.Quantity && job.Rate != line.Price));

    /// <summary>1 on the same day, falling linearly to 1/(window+1) at the edge of the date window.</summary>
    public static double DateSimilarity(int days, int window) => Math.Max(0, 1.0 - (days / (window + 1.0)));

    /// <summary>1 when equal, 0.95 within one currency unit, else falling linearly to 0 at the relative amount band.</summary>
    public static double AmountSimilarity(decimal client, decimal ledger, double band)
    {
        var difference = Math.Abs(client - ledger);
        if (difference == 0m)
        {
            return 1.0;
        }

        if (difference < 1m)
        {
            return RoundingSimilarity;
        }

        var scale = Math.Max(Math.Abs(client), Math.Abs(ledger));
        var relative = (double)(difference / scale);
        return band <= 0 ? 0 : Math.Max(0, 1.0 - (relative / band));
    }

    /// <summary>Null when not comparable; NaN (a veto) when the line names another job that is not a typo of this one.</summary>
    public static double? ReferenceSimilarity(string? jobReference, string? lineReference)
    {
        if (jobReference is null || lineReference is null)
        {
            return null;
        }

        if (string.Equals(jobReference, lineReference, StringComparison.Ordinal))
        {
            return 1.0;
        }

        var ratio = Fuzz.Ratio(jobReference, lineReference) / 100.0;
        return ratio >= ReferenceTypoRatio ? ratio : double.NaN;
    }

    private double TextRatio(int clientText, int ledgerText, bool site)
    {
        var key = ((long)clientText << 32) | (uint)ledgerText;
        var cache = site ? _siteRatios : _serviceRatios;
        if (cache.TryGetValue(key, out var ratio))
        {
            return ratio;
        }

        ratio = site
            ? Fuzz.TokenSortRatio(SiteKey(clientText), SiteKey(ledgerText)) / 100.0
            : Fuzz.TokenSetRatio(_texts[clientText].ToLowerInvariant(), _texts[ledgerText].ToLowerInvariant()) / 100.0;
        cache[key] = ratio;
        return ratio;
    }

    private string SiteKey(int text)
    {
        if (!_siteKeys.TryGetValue(text, out var key))
        {
            _siteKeys[text] = key = TextKey.Of(_texts[text]);
        }

        return key;
    }
}
