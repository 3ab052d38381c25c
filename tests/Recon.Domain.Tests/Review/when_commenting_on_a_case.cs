using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_commenting_on_a_case
{
    [Fact]
    public void the_comment_is_recorded_with_its_author_and_time()
    {
        var c = Open();

        c.Decide(new CommentOnCase("  asked the client  ")).ShouldApplySingle<ExceptionCommented>()
            .ShouldBe(new ExceptionCommented(c.Id, Maker, "asked the client", Now));
    }

    [Fact]
    public void a_resolved_case_can_still_be_commented_on()
    {
        var resolved = Open().After(new AcceptSuggestion(null));

        resolved.Decide(new CommentOnCase("for the audit")).ShouldApplySingle<ExceptionCommented>().Text.ShouldBe("for the audit");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_blank_comment_is_refused(string text) =>
        Open().Decide(new CommentOnCase(text)).ShouldBeRefused(RejectionKind.Refused, "comment-required");
}
