namespace Recon.Sandbox.Tests;

public sealed class when_a_request_is_refused : IAsyncLifetime
{
    private Alba.IAlbaHost _host = null!;

    public async Task InitializeAsync() => _host = await Sandbox.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/v1/jobs?month=2026-10", null)]
    [InlineData("/v1/jobs?month=2026-10", "wrong-key")]
    [InlineData("/v1/jobs?month=2026-10", "")]
    [InlineData("/v1/ground-truth?month=2026-10", null)]
    [InlineData("/v1/ledger.csv?month=2026-10", "test-key-but-longer")]
    public async Task a_missing_or_wrong_key_is_401_problem_json(string url, string? key)
    {
        var result = await _host.GetAsync(url, 401, key);

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldContain("X-Api-Key");
        (await result.JsonAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Theory]
    [InlineData("/v1/jobs", "month")]
    [InlineData("/v1/jobs?month=2026-13", "month")]
    [InlineData("/v1/jobs?month=Oct-2026", "month")]
    [InlineData("/v1/jobs?month=2026-10-01", "month")]
    [InlineData("/v1/jobs?month=2026-10&limit=0", "limit")]
    [InlineData("/v1/jobs?month=2026-10&limit=1001", "limit")]
    [InlineData("/v1/jobs?month=2026-10&limit=ten", "limit")]
    [InlineData("/v1/jobs?month=2026-10&limit=-5", "limit")]
    [InlineData("/v1/jobs?month=2026-10&cursor=not-a-cursor", "cursor")]
    [InlineData("/v1/jobs?month=2026-10&cursor=YzF8MjAyNi0xMXwyfDI", "cursor")] // a cursor of 2026-11
    [InlineData("/v1/jobs?month=2026-10&cursor=YzF8MjAyNi0xMHw5OTk5fDI", "cursor")] // past the last job
    [InlineData("/v1/ground-truth?month=202610", "month")]
    [InlineData("/v1/ledger.csv", "month")]
    public async Task a_bad_month_cursor_or_limit_is_400_naming_the_parameter(string url, string parameter)
    {
        var result = await _host.GetAsync(url, 400);

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await result.JsonAsync()).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }
}
