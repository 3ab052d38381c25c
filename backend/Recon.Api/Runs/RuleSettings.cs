using Recon.Domain.Reconciliation;

namespace Recon.Api.Runs;

/// <summary>
/// The rule configuration runs use: <see cref="RuleConfiguration.Default"/> with any value overridden in settings
/// (<c>Recon:Rules:*</c>, e.g. <c>Recon__Rules__MatchThreshold</c>). Whoever changes a value raises <c>Version</c>;
/// every run records the version and the whole configuration it used.
/// </summary>
public static class RuleSettings
{
    public const string Section = "Recon:Rules";

    /// <summary>The configured rules, checked: a bad value stops the host with a message naming the setting.</summary>
    public static RuleConfiguration Checked(IConfiguration configuration)
    {
        var rules = From(configuration);
        var result = new RuleConfigurationValidator().Validate(rules);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(
                "The reconciliation rules are not valid: " + string.Join(" ", result.Errors.Select(e => $"{Section}:{e.PropertyName}: {e.ErrorMessage}")));
        }

        return rules;
    }

    public static RuleConfiguration From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var rules = RuleConfiguration.Default;
        if (!section.Exists())
        {
            return rules;
        }

        return rules with
        {
            Version = section.GetValue(nameof(RuleConfiguration.Version), rules.Version),
            SiteWeight = section.GetValue(nameof(RuleConfiguration.SiteWeight), rules.SiteWeight),
            ServiceWeight = section.GetValue(nameof(RuleConfiguration.ServiceWeight), rules.ServiceWeight),
            DateWeight = section.GetValue(nameof(RuleConfiguration.DateWeight), rules.DateWeight),
            AmountWeight = section.GetValue(nameof(RuleConfiguration.AmountWeight), rules.AmountWeight),
            ReferenceWeight = section.GetValue(nameof(RuleConfiguration.ReferenceWeight), rules.ReferenceWeight),
            MatchThreshold = section.GetValue(nameof(RuleConfiguration.MatchThreshold), rules.MatchThreshold),
            DateWindowDays = section.GetValue(nameof(RuleConfiguration.DateWindowDays), rules.DateWindowDays),
            AmountBand = section.GetValue(nameof(RuleConfiguration.AmountBand), rules.AmountBand),
            MaxSubsetSize = section.GetValue(nameof(RuleConfiguration.MaxSubsetSize), rules.MaxSubsetSize),
            ExactKeys = section.GetSection(nameof(RuleConfiguration.ExactKeys)).Get<string[]>() ?? rules.ExactKeys,
            VarianceLimitPercent = section.GetValue(nameof(RuleConfiguration.VarianceLimitPercent), rules.VarianceLimitPercent),
            AutoResolveMaxImpact = section.GetValue(nameof(RuleConfiguration.AutoResolveMaxImpact), rules.AutoResolveMaxImpact),
            AutoResolveMinConfidence = section.GetValue(nameof(RuleConfiguration.AutoResolveMinConfidence), rules.AutoResolveMinConfidence),
            AutoResolveCategories = section.GetSection(nameof(RuleConfiguration.AutoResolveCategories)).Get<string[]>() ?? rules.AutoResolveCategories,
            AutoResolveBudgetShare = section.GetValue(nameof(RuleConfiguration.AutoResolveBudgetShare), rules.AutoResolveBudgetShare),
            RateOutlierZ = section.GetValue(nameof(RuleConfiguration.RateOutlierZ), rules.RateOutlierZ),
        };
    }
}
