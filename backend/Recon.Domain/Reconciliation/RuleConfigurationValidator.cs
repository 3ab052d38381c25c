using FluentValidation;
using Recon.Domain.Reconciliation.Matching;

namespace Recon.Domain.Reconciliation;

/// <summary>What a usable rule configuration is: a bad setting is refused when the host starts, not when a run fails.</summary>
public sealed class RuleConfigurationValidator : AbstractValidator<RuleConfiguration>
{
    public static IReadOnlyList<string> KnownExactKeys { get; } = [ExactKeyPass.PoNumber, ExactKeyPass.SiteServiceDateAmount];

    public RuleConfigurationValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(1).WithMessage("Version must be 1 or more.");
        RuleFor(x => x.SiteWeight).GreaterThanOrEqualTo(0).WithMessage("Weights must not be negative.");
        RuleFor(x => x.ServiceWeight).GreaterThanOrEqualTo(0).WithMessage("Weights must not be negative.");
        RuleFor(x => x.DateWeight).GreaterThanOrEqualTo(0).WithMessage("Weights must not be negative.");
        RuleFor(x => x.AmountWeight).GreaterThanOrEqualTo(0).WithMessage("Weights must not be negative.");
        RuleFor(x => x.ReferenceWeight).GreaterThanOrEqualTo(0).WithMessage("Weights must not be negative.");
        RuleFor(x => x.SiteWeight + x.ServiceWeight + x.DateWeight + x.AmountWeight + x.ReferenceWeight)
            .GreaterThan(0).OverridePropertyName("Weights").WithMessage("At least one weight must be above 0.");
        RuleFor(x => x.MatchThreshold).ExclusiveBetween(0, 1.000001).WithMessage("MatchThreshold must be above 0 and at most 1.");
        RuleFor(x => x.DateWindowDays).InclusiveBetween(0, 62).WithMessage("DateWindowDays must be between 0 and 62.");
        RuleFor(x => x.AmountBand).InclusiveBetween(0, 1).WithMessage("AmountBand must be between 0 and 1.");
        RuleFor(x => x.MaxSubsetSize).InclusiveBetween(1, 5).WithMessage("MaxSubsetSize must be between 1 (no subsets) and 5.");
        RuleForEach(x => x.ExactKeys).Must(key => KnownExactKeys.Contains(key))
            .WithMessage(key => $"Unknown exact key; known: {string.Join(", ", KnownExactKeys)}.");
        RuleFor(x => x.VarianceLimitPercent).GreaterThan(0).WithMessage("VarianceLimitPercent must be above 0.");
        RuleFor(x => x.AutoResolveMaxImpact).GreaterThanOrEqualTo(0).WithMessage("AutoResolveMaxImpact must not be negative.");
        RuleFor(x => x.AutoResolveMinConfidence).InclusiveBetween(0, 1).WithMessage("AutoResolveMinConfidence must be between 0 and 1.");
        RuleForEach(x => x.AutoResolveCategories).Must(category => Category.All.Contains(category) && category != Category.Exact)
            .WithMessage($"Unknown category; known: {string.Join(", ", Category.All.Where(c => c != Category.Exact))}.");
        RuleFor(x => x.AutoResolveBudgetShare).InclusiveBetween(0, 1).WithMessage("AutoResolveBudgetShare must be between 0 and 1.");
        RuleFor(x => x.RateOutlierZ).GreaterThan(0).WithMessage("RateOutlierZ must be above 0.");
    }
}
