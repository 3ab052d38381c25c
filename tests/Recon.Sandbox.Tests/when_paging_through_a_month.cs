using System.Text;
using System.Text.Json;
using Recon.DataGenerator;

namespace Recon.Sandbox.Tests;

public sealed class when_paging_through_a_month : IAsyncLifetime
{
    private Alba.IAlbaHost _host = null!;

    public async Task InitializeAsync() => _host = await Sandbox.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(236)]
    [InlineData(1000)]
    public async Task every_job_comes_exactly_once_in_order(int? limit)
    {
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await _host.GetAsync(Sandbox.Jobs(cursor, limit))).JsonAsync();
            var data = page.GetProperty("data").EnumerateArray().ToList();
            data.Count.ShouldBeLessThanOrEqualTo(limit ?? 100);
            data.Count.ShouldBeGreaterThan(0);
            ids.AddRange(data.Select(item => item.GetProperty("jobId").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        var expected = Generated().Jobs.Select(job => job.JobId).ToList();
        ids.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(Sandbox.JobCount);
        pages.ShouldBe((int)Math.Ceiling(Sandbox.JobCount / (double)(limit ?? 100)));
    }

    [Fact]
    public async Task a_page_is_the_client_api_contract_with_numbers_as_numbers()
    {
        var page = await (await _host.GetAsync(Sandbox.Jobs(limit: 3))).JsonAsync();

        page.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "nextCursor"]);
        var item = page.GetProperty("data")[0];
        item.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "jobId", "clientId", "siteCode", "siteName", "serviceType", "serviceDate", "quantity", "unitRate", "amount", "currency",
            "status", "poNumber", "contactEmail",
        ]);
        var job = Generated().Jobs[0];
        item.GetProperty("amount").ValueKind.ShouldBe(JsonValueKind.Number);
        item.GetProperty("amount").GetDecimal().ShouldBe(job.Amount);
        item.GetProperty("quantity").GetDecimal().ShouldBe(job.Quantity);
        item.GetProperty("unitRate").GetDecimal().ShouldBe(job.UnitRate);
        item.GetProperty("serviceDate").GetString().ShouldBe("2026-10-01");
        item.GetProperty("clientId").GetString().ShouldBe("northwind-facilities");
    }

    [Fact]
    public async Task the_raw_api_carries_the_contact_email_that_recon_must_drop()
    {
        var page = await (await _host.GetAsync(Sandbox.Jobs(limit: 1000))).JsonAsync();

        page.GetProperty("data").EnumerateArray()
            .ShouldAllBe(item => item.GetProperty("contactEmail").GetString()!.Contains('@'));
    }

    [Fact]
    public async Task the_same_position_always_gives_the_same_cursor_and_page()
    {
        var first = await (await _host.GetAsync(Sandbox.Jobs(limit: 50))).JsonAsync();
        var again = await (await _host.GetAsync(Sandbox.Jobs(limit: 50))).JsonAsync();
        var cursor = first.GetProperty("nextCursor").GetString()!;

        again.GetProperty("nextCursor").GetString().ShouldBe(cursor);
        var second = await (await _host.GetAsync(Sandbox.Jobs(cursor, 50))).ReadAsTextAsync();
        var secondAgain = await (await _host.GetAsync(Sandbox.Jobs(cursor, 50))).ReadAsTextAsync();
        secondAgain.ShouldBe(second);
    }

    [Fact]
    public async Task the_ground_truth_and_the_ledger_are_the_generators_for_the_same_settings()
    {
        var month = Generated();

        var truth = await (await _host.GetAsync($"/v1/ground-truth?month={Sandbox.Month}")).JsonAsync();
        truth.GetProperty("jobCount").GetInt32().ShouldBe(Sandbox.JobCount);
        truth.GetProperty("totals").GetProperty("variance").GetDecimal().ShouldBe(month.GroundTruth.Totals.Variance);
        truth.GetProperty("groups").GetArrayLength().ShouldBe(month.GroundTruth.Groups.Count);

        var ledger = await _host.GetAsync($"/v1/ledger.csv?month={Sandbox.Month}");
        ledger.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        (await ledger.BytesAsync()).ShouldBe(Encoding.UTF8.GetBytes(month.LedgerCsv())); // the BOM included

        var jobs = await _host.GetAsync($"/v1/jobs.csv?month={Sandbox.Month}");
        (await jobs.BytesAsync()).ShouldBe(Encoding.UTF8.GetBytes(month.ClientJobsCsv()));
    }

    [Fact]
    public async Task health_answers_without_a_key()
    {
        var result = await _host.GetAsync("/health", key: null);

        (await result.ReadAsTextAsync()).ShouldBe("Healthy");
    }

    private static GeneratedMonth Generated() => MonthGenerator.Generate(new GeneratorOptions
    {
        ClientId = "northwind-facilities",
        Month = Sandbox.Month,
        JobCount = Sandbox.JobCount,
        Seed = 42,
        Noise = NoiseLevel.Medium,
    });
}
