using System.Globalization;

namespace Recon.Domain.Reconciliation.Routing;

/// <summary>An exception as the router sees it.</summary>
internal readonly record struct RoutedItem(Guid GroupId, string Category, decimal Impact, double Confidence);

/// <summary>
/// The anomaly policy. An exception of an auto-resolvable category, with impact at most
/// <see cref="RuleConfiguration.AutoResolveMaxImpact"/> and confidence at least
/// <see cref="RuleConfiguration.AutoResolveMinConfidence"/>, is auto-resolved while the cumulative auto-resolved impact
/// stays within the budget (<see cref="RuleConfiguration.AutoResolveBudgetShare"/> × limit % × client total), taken
/// smallest impact first, then by group id. Everything else goes to review, prioritised by impact (1 = largest).
/// </summary>
internal static class ExceptionRouter
{
    public const string AutoResolvePolicy = "auto_resolve";
    public const string ReviewPolicy = "review";

    public static decimal Budget(RuleConfiguration rules, decimal clientTotal) =>
        Math.Max(0m, rules.AutoResolveBudgetShare * (rules.VarianceLimitPercent / 100m) * clientTotal);

    public static Dictionary<Guid, ExceptionResolution> Route(IReadOnlyList<RoutedItem> exceptions, decimal clientTotal, RuleConfiguration rules)
    {
        var budget = Budget(rules, clientTotal);
        var resolutions = new Dictionary<Guid, ExceptionResolution>();
        var routed = new List<(RoutedItem Item, string Reason)>();
        var used = 0m;
        foreach (var item in exceptions.OrderBy(item => item.Impact).ThenBy(item => item.GroupId.ToString("D"), StringComparer.Ordinal))
        {
            var eligible = rules.AutoResolveCategories.Contains(item.Category, StringComparer.Ordinal)
                && item.Impact <= rules.AutoResolveMaxImpact
                && item.Confidence >= rules.AutoResolveMinConfidence;
            if (!eligible)
            {
                routed.Add((item, Why(item, rules)));
            }
            else if (used + item.Impact <= budget)
            {
                used += item.Impact;
                resolutions[item.GroupId] = new ExceptionResolution(
                    true,
                    AutoResolvePolicy,
                    Invariant($"{item.Category} of {item.Impact:0.00} at confidence {item.Confidence:0.00}; auto-resolved budget used {used:0.00} of {budget:0.00}."),
                    0);
            }
            else
            {
                routed.Add((item, Invariant($"Would be auto-resolved, but the auto-resolve budget ({budget:0.00}, {used:0.00} used) is exhausted.")));
            }
        }

        var priority = 0;
        foreach (var (item, reason) in routed.OrderByDescending(entry => entry.Item.Impact).ThenBy(entry => entry.Item.GroupId.ToString("D"), StringComparer.Ordinal))
        {
            resolutions[item.GroupId] = new ExceptionResolution(false, ReviewPolicy, reason, ++priority);
        }

        return resolutions;
    }

    private static string Why(RoutedItem item, RuleConfiguration rules) =>
        !rules.AutoResolveCategories.Contains(item.Category, StringComparer.Ordinal) ? $"{item.Category} always goes to review."
        : item.Impact > rules.AutoResolveMaxImpact ? Invariant($"Impact {item.Impact:0.00} is above the auto-resolve limit {rules.AutoResolveMaxImpact:0.00}.")
        : Invariant($"Confidence {item.Confidence:0.00} is below the auto-resolve minimum {rules.AutoResolveMinConfidence:0.00}.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
