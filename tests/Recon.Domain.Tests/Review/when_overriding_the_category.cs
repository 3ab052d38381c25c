using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_overriding_the_category
{
    [Fact]
    public void the_case_takes_the_reviewers_category_and_keeps_its_status()
    {
        var c = Open(category: Category.RateChange);

        var overridden = c.Decide(new OverrideCategory(Category.QuantityChange, OverrideReason.SourceDataError, "  two visits  "))
            .ShouldApplySingle<CategoryOverridden>();

        overridden.ShouldBe(new CategoryOverridden(
            c.Id,
            Maker,
            Category.RateChange,
            Category.QuantityChange,
            OverrideReason.SourceDataError,
            "two visits",
            State(CaseStatus.Open, Category.RateChange),
            State(CaseStatus.Open, Category.QuantityChange),
            Now));
    }

    [Fact]
    public void the_folded_case_remembers_the_override()
    {
        var c = Open(category: Category.RateChange);
        c.CategoryOverridden.ShouldBeFalse();

        var after = c.Fold(c.Decide(Commands.Named(Commands.Override)).ShouldBeApplied());

        after.CategoryOverridden.ShouldBeTrue();
        after.State.ShouldBe(State(CaseStatus.Open, Category.QuantityChange));
        after.Exception.Category.ShouldBe(Category.RateChange);
    }

    [Fact]
    public void a_resolved_case_keeps_its_resolution()
    {
        var resolved = Open().After(new AcceptSuggestion(null));

        var overridden = resolved.Decide(Commands.Named(Commands.Override)).ShouldApplySingle<CategoryOverridden>();

        overridden.After.ShouldBe(State(CaseStatus.Resolved, Category.QuantityChange, resolution: "accepted"));
    }

    [Theory]
    [InlineData("no_such_category")]
    [InlineData("exact")]
    [InlineData("Quantity_Change")]
    [InlineData("")]
    public void the_category_has_to_be_an_exception_category(string category)
    {
        Open().Decide(new OverrideCategory(category, OverrideReason.Misclassified, "why"))
            .ShouldBeRefused(RejectionKind.Refused, "unknown-category");
    }

    [Fact]
    public void the_category_has_to_change()
    {
        Open(category: Category.RateChange).Decide(new OverrideCategory(Category.RateChange, OverrideReason.Misclassified, "why"))
            .ShouldBeRefused(RejectionKind.Refused, "same-category");
    }

    [Fact]
    public void a_case_overridden_once_cannot_be_overridden_to_the_same_category_again()
    {
        var overridden = Open().After(Commands.Named(Commands.Override));

        overridden.Decide(Commands.Named(Commands.Override)).ShouldBeRefused(RejectionKind.Refused, "same-category");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void an_override_needs_a_comment(string comment)
    {
        Open().Decide(new OverrideCategory(Category.QuantityChange, OverrideReason.Other, comment))
            .ShouldBeRefused(RejectionKind.Refused, "comment-required");
    }
}
