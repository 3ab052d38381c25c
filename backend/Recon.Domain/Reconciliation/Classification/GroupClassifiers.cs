using Recon.Domain.Reconciliation.Classification.Classifiers;

namespace Recon.Domain.Reconciliation.Classification;

/// <summary>The ordered classification rules; the first rule that applies decides, <see cref="OtherClassifier"/> last.</summary>
public static class GroupClassifiers
{
    public static IReadOnlyList<IGroupClassifier> Default { get; } = new IGroupClassifier[]
    {
        new CreditReversalClassifier(),
        new CancelledButBilledClassifier(),
        new MissingInLedgerClassifier(),
        new CancelledNotBilledClassifier(),
        new MissingInClientClassifier(),
        new ConsolidatedBillingClassifier(),
        new SplitBillingClassifier(),
        new DuplicateBillingClassifier(),
        new PeriodMismatchClassifier(),
        new SiteMismatchClassifier(),
        new ServiceMismatchClassifier(),
        new ExactClassifier(),
        new RoundingClassifier(),
        new QuantityChangeClassifier(),
        new RateChangeClassifier(),
        new OtherClassifier(),
    }.OrderBy(classifier => classifier.Order).ToList();

    public static Classification Classify(GroupFacts group, IReadOnlyList<IGroupClassifier>? classifiers = null)
    {
        foreach (var classifier in classifiers ?? Default)
        {
            if (classifier.Classify(group) is { } classification)
            {
                return classification;
            }
        }

        return OtherClassifier.Fallback(group);
    }
}
