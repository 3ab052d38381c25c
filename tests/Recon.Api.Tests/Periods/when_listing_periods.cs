using Recon.Api.Periods;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Periods;

public class when_listing_periods(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_empty_store_lists_no_periods()
    {
        var page = await (await Scenario(x => x.Get.Url("/api/periods"))).ReadAsJsonAsync<PeriodsPage>();

        page.Items.ShouldBeEmpty();
        page.TotalCount.ShouldBe(0);
        page.Page.ShouldBe(1);
        page.PageSize.ShouldBe(25);
    }

    [Fact]
    public async Task periods_are_paged_newest_first()
    {
        await Host.GivenOpenPeriod("acme", "2026-08");
        await Host.GivenOpenPeriod("acme", "2026-09");
        await Host.GivenOpenPeriod("acme", "2026-10");

        var first = await (await Scenario(x => x.Get.Url("/api/periods?page=1&pageSize=2"))).ReadAsJsonAsync<PeriodsPage>();
        var second = await (await Scenario(x => x.Get.Url("/api/periods?page=2&pageSize=2"))).ReadAsJsonAsync<PeriodsPage>();

        first.TotalCount.ShouldBe(3);
        first.Items.Select(p => p.Month).ShouldBe(["2026-10", "2026-09"]);
        second.Items.Select(p => p.Month).ShouldBe(["2026-08"]);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task out_of_range_paging_is_a_400_naming_the_field(string query, string field)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url($"/api/periods?{query}");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task an_unparseable_page_number_is_a_400_not_a_silent_default()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url("/api/periods?page=abc");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task an_unknown_period_is_a_404_problem()
    {
        var result = await Scenario(x =>
        {
            x.Get.Url($"/api/periods/{Guid.NewGuid()}");
            x.StatusCodeShouldBe(404);
        });

        (await result.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Period not found");
    }
}
