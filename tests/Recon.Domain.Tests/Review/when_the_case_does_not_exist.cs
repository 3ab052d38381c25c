using Recon.Domain.Review;
using Recon.Domain.Tests.Review.Fixtures;

namespace Recon.Domain.Tests.Review;

public class when_the_case_does_not_exist
{
    [Theory]
    [InlineData(Commands.Accept)]
    [InlineData(Commands.Resolve)]
    [InlineData(Commands.Link)]
    [InlineData(Commands.Unlink)]
    [InlineData(Commands.Override)]
    [InlineData(Commands.Reopen)]
    [InlineData(Commands.Assign)]
    [InlineData(Commands.Unassign)]
    [InlineData(Commands.Comment)]
    [InlineData(Commands.Approve)]
    [InlineData(Commands.Reject)]
    public void every_command_is_not_found(string command)
    {
        ((ReviewCase?)null).Decide(Commands.Named(command)).ShouldBeRefused(RejectionKind.NotFound, "not-found");
    }
}
