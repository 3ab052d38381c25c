using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Http;

public class when_paging_parameters_are_out_of_range(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly Guid Id = Guid.Parse("0193b0c0-0000-7000-8000-000000000001");

    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "/api/periods?page=99999999", "page", "Page must be between 1 and 1000000." },
        { "/api/periods?page=1000001", "page", "Page must be between 1 and 1000000." },
        { "/api/periods?pageSize=100000", "pageSize", "Page size must be between 1 and 200." },
        { $"/api/batches/{Id}/rejected-rows?page=99999999", "page", "Page must be between 1 and 1000000." },
        { $"/api/batches/{Id}/rejected-rows?pageSize=501", "pageSize", "Page size must be between 1 and 500." },
        { $"/api/audit/periods/{Id}/events?page=99999999", "page", "Page must be between 1 and 1000000." },
        { $"/api/audit/periods/{Id}/events?pageSize=0", "pageSize", "Page size must be between 1 and 500." },
        { "/api/review-queue?limit=100000", "limit", "Limit must be between 1 and 200." },
        { "/api/review-queue?limit=0", "limit", "Limit must be between 1 and 200." },
        { "/api/review-queue?cursor=bm90LWEtY3Vyc29y", "cursor", "Cursor is not one this list gave (it must be the nextCursor of the previous page)." },
        { "/api/approvals?limit=-1", "limit", "Limit must be between 1 and 200." },
        { "/api/approvals?cursor=%00", "cursor", "Cursor is not one this list gave (it must be the nextCursor of the previous page)." },
        { $"/api/runs/{Id}/matches?limit=100000", "limit", "Limit must be between 1 and 500." },
        { $"/api/runs/{Id}/exceptions?cursor=czo5OTk5OTk5OTk5OTk5", "cursor", "Cursor is not one this list gave (it must be the nextCursor of the previous page, with the same sort)." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task every_list_answers_a_400_naming_the_parameter_and_its_range(string url, string parameter, string message)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).FieldErrors(parameter).ShouldBe([message]);
    }

    [Fact]
    public async Task the_last_allowed_page_is_an_empty_page_not_an_error()
    {
        await Host.GivenOpenPeriod();

        var result = await Scenario(x => x.Get.Url("/api/periods?page=1000000&pageSize=200"));

        (await result.ReadAsTextAsync()).ShouldContain("\"items\":[]");
    }
}
