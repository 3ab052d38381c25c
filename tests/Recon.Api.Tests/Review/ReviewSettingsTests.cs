using Microsoft.Extensions.Configuration;
using Recon.Api.Review;
using Recon.Domain.Review;

namespace Recon.Api.Tests.Review;

public class ReviewSettingsTests
{
    private static IConfiguration Settings(string? threshold) =>
        new ConfigurationBuilder().AddInMemoryCollection(threshold is null ? [] : [new("Recon:Review:ApprovalThreshold", threshold)]).Build();

    [Fact]
    public void the_approval_threshold_defaults_to_1000() =>
        ReviewModule.PolicyFrom(Settings(null)).ApprovalThreshold.ShouldBe(ReviewPolicy.DefaultApprovalThreshold);

    [Fact]
    public void a_configured_threshold_is_used() =>
        ReviewModule.PolicyFrom(Settings("250.50")).ApprovalThreshold.ShouldBe(250.50m);

    [Theory]
    [InlineData("a lot")]
    [InlineData("-5")]
    public void a_bad_threshold_stops_the_host_naming_the_setting(string value) =>
        Should.Throw<InvalidOperationException>(() => ReviewModule.PolicyFrom(Settings(value))).Message.ShouldContain("Recon:Review:ApprovalThreshold");
}
