using System.Globalization;
using Recon.Domain.Periods;

namespace Recon.Domain.Reconciliation.Rates;

/// <summary>A billed unit rate of this month: the line, its (site, service) and the jobs of its group.</summary>
internal sealed record BilledRate(string SiteCode, string Service, decimal Rate, string LineId, IReadOnlyList<string> JobIds);

/// <summary>
/// Statistical rate anomalies on the billed (ledger) unit rates of lines with a positive quantity and a resolved site
/// and service.
/// <list type="bullet">
/// <item><c>rate_outlier</c>: per (site, service), the pool is this month's rates plus the earlier months' medians; a
/// rate whose robust z-score |x − median| / (1.4826 × MAD) exceeds <see cref="RuleConfiguration.RateOutlierZ"/> is an
/// outlier. When MAD is 0 (most rates equal, as with contract rates) the scale falls back to 1.2533 × the mean
/// absolute deviation; when that is 0 too, every rate is the median and nothing is an outlier.</item>
/// <item><c>rate_trend</c>: the monthly medians (history, then this month) ending with this month rise (or fall)
/// strictly at every step for at least <see cref="TrendMonths"/> months, and the last is more than
/// <see cref="TrendPercent"/>% above (below) the first of that run.</item>
/// </list>
/// </summary>
internal static class RateAnomalyDetector
{
    public const string Outlier = "rate_outlier";
    public const string Trend = "rate_trend";
    public const int TrendMonths = 3;
    public const decimal TrendPercent = 5m;

    private const double MadScale = 1.4826;
    private const double MeanDeviationScale = 1.2533;

    public static (List<RateAnomaly> Anomalies, List<MonthlyRate> RatesThisMonth) Detect(
        ReconciliationMonth month, IEnumerable<BilledRate> rates, IReadOnlyList<MonthlyRate> history, RuleConfiguration rules)
    {
        var monthText = month.ToString();
        var anomalies = new List<RateAnomaly>();
        var thisMonth = new List<MonthlyRate>();
        var past = history.Where(rate => string.CompareOrdinal(rate.Month, monthText) < 0)
            .ToLookup(rate => (rate.SiteCode, rate.Service));
        foreach (var block in rates.GroupBy(rate => (rate.SiteCode, rate.Service)).OrderBy(block => block.Key.SiteCode, StringComparer.Ordinal).ThenBy(block => block.Key.Service, StringComparer.Ordinal))
        {
            var values = block.Select(rate => rate.Rate).ToList();
            var median = Median(values);
            thisMonth.Add(new MonthlyRate(monthText, block.Key.SiteCode, block.Key.Service, median, values.Count));
            var months = past[block.Key].GroupBy(rate => rate.Month, StringComparer.Ordinal).Select(group => group.Last()).OrderBy(rate => rate.Month, StringComparer.Ordinal).ToList();
            anomalies.AddRange(Outliers(block.Key, block.ToList(), values.Concat(months.Select(rate => rate.MedianRate)).ToList(), rules.RateOutlierZ));
            if (TrendOf(block.Key, months.Select(rate => (rate.Month, rate.MedianRate)).Append((monthText, median)).ToList()) is { } trend)
            {
                anomalies.Add(trend);
            }
        }

        return (anomalies, thisMonth);
    }

    private static IEnumerable<RateAnomaly> Outliers((string Site, string Service) key, List<BilledRate> rates, List<decimal> pool, double threshold)
    {
        var median = Median(pool);
        var deviations = pool.Select(value => Math.Abs(value - median)).ToList();
        var scale = MadScale * (double)Median(deviations);
        if (scale == 0)
        {
            scale = MeanDeviationScale * (double)deviations.Average();
        }

        if (scale == 0)
        {
            yield break;
        }

        foreach (var atRate in rates.GroupBy(rate => rate.Rate).OrderBy(group => group.Key))
        {
            var z = (double)Math.Abs(atRate.Key - median) / scale;
            if (z > threshold)
            {
                yield return new RateAnomaly(
                    Outlier,
                    key.Site,
                    key.Service,
                    atRate.SelectMany(rate => rate.JobIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    atRate.Select(rate => rate.LineId).Order(StringComparer.Ordinal).ToList(),
                    atRate.Key,
                    median,
                    Math.Round(z, 2),
                    string.Create(CultureInfo.InvariantCulture, $"{atRate.Count()} line(s) billed {key.Service} at {key.Site} at {atRate.Key:0.00}; the median is {median:0.00} (robust z {z:0.0} > {threshold:0.0})."));
            }
        }
    }

    private static RateAnomaly? TrendOf((string Site, string Service) key, List<(string Month, decimal Median)> series)
    {
        var direction = 0;
        var start = series.Count - 1;
        for (var i = series.Count - 1; i > 0; i--)
        {
            var step = Math.Sign(series[i].Median - series[i - 1].Median);
            if (step == 0 || (direction != 0 && step != direction))
            {
                break;
            }

            direction = step;
            start = i - 1;
        }

        var months = series.Count - start;
        if (direction == 0 || months < TrendMonths || series[start].Median == 0m)
        {
            return null;
        }

        var first = series[start].Median;
        var last = series[^1].Median;
        var change = (last - first) / first * 100m;
        if (Math.Abs(change) <= TrendPercent)
        {
            return null;
        }

        return new RateAnomaly(
            Trend,
            key.Site,
            key.Service,
            [],
            [],
            last,
            first,
            (double)Math.Round(change, 2, MidpointRounding.AwayFromZero),
            string.Create(CultureInfo.InvariantCulture, $"The median rate of {key.Service} at {key.Site} {(direction > 0 ? "rose" : "fell")} every month for {months} months ({series[start].Month} to {series[^1].Month}), from {first:0.00} to {last:0.00} ({change:+0.0;-0.0}%)."));
    }

    private static decimal Median(List<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
