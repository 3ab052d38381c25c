using Alba;
using Recon.Api.Operations;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Reliability;

public class when_an_admin_reads_dead_letters(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_list_is_empty_when_nothing_failed_for_good_and_replaying_an_unknown_message_is_404()
    {
        var list = await Host.GetAsJson<DeadLetteredMessageList>("/api/admin/dead-letters");
        list!.Items.ShouldBeEmpty();

        var missing = Guid.NewGuid();
        var result = await Host.Scenario(x =>
        {
            x.Post.Url($"/api/admin/dead-letters/{missing}/replay");
            x.StatusCodeShouldBe(404);
        });
        (await result.ReadAsTextAsync()).ShouldContain(missing.ToString());
    }
}
