namespace Recon.Domain.Reconciliation.Classification;

/// <summary>A category decision: the category, why, how sure (0..1) and the amount at stake.</summary>
public sealed record Classification(string Category, string Reason, double Confidence, decimal Impact);

/// <summary>
/// One classification rule. Classifiers run in ascending <see cref="Order"/>; the first that returns a classification
/// decides. Adding a category rule = adding one class and listing it in <see cref="GroupClassifiers.Default"/>.
/// </summary>
public interface IGroupClassifier
{
    int Order { get; }

    Classification? Classify(GroupFacts group);
}
