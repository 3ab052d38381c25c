using System.Text;
using Alba;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Http;

public class when_json_bodies_hold_unknown_or_unstorable_values(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<IScenarioResult> PostRaw(string url, string json, int status) =>
        Scenario(x =>
        {
            x.Post.Text(json).ToUrl(url);
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task an_unknown_property_is_a_400_naming_it_and_nothing_is_created()
    {
        var result = await PostRaw("/api/admin/tokens", """{"name":"nightly","access":"readOnly","expiresInDays":30}""", 400);

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("detail").GetString().ShouldBe("Unknown property 'expiresInDays': this request has no such field.");
        problem.ToString().ShouldNotContain("Recon.Api");
        var tokens = await Scenario(x => x.Get.Url("/api/admin/tokens"));
        (await tokens.ReadAsTextAsync()).ShouldNotContain("nightly");
    }

    [Fact]
    public async Task an_unknown_property_of_a_nested_object_is_a_400_naming_it()
    {
        var result = await PostRaw(
            "/api/review-queue/bulk",
            """{"exceptionIds":["0193b0c0-0000-7000-8000-000000000001"],"decision":{"kind":"comment","comment":"x","note":"y"}}""",
            400);

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("Unknown property 'note': this request has no such field.");
    }

    [Theory]
    [InlineData("/api/service-types/Window Cleaning/synonyms", """{"synonym":"Glazing\u0000Upkeep"}""", "$.synonym")]
    [InlineData("/api/clients/acme/sites/S-001/aliases", """{"alias":"RVS\u0000Campus"}""", "$.alias")]
    [InlineData("/api/periods", """{"clientId":"acme\u0000","month":"2026-10"}""", "$.clientId")]
    public async Task a_nul_character_in_a_text_value_is_a_400_naming_the_field(string url, string json, string path)
    {
        var result = await PostRaw(url, json, 400);

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe($"The value at {path} holds a NUL character (U+0000), which cannot be stored.");
    }

    [Fact]
    public async Task a_nul_character_in_a_json_client_jobs_upload_is_a_400_naming_the_item_and_field_and_nothing_is_stored()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        var json = """
            [{"jobId":"JOB-1","clientId":"acme","siteCode":"S-001","siteName":"Riverside","serviceType":"Window Cleaning","serviceDate":"2026-10-05","quantity":1,"unitRate":10,"amount":10,"currency":"USD","status":"completed"},
             {"jobId":"JOB-2","clientId":"acme","siteCode":"S-001","siteName":"River\u0000side","serviceType":"Window Cleaning","serviceDate":"2026-10-05","quantity":1,"unitRate":10,"amount":10,"currency":"USD","status":"completed"}]
            """;

        var result = await PostRaw($"/api/periods/{periodId}/client-jobs", json, 400);

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe("The value at $[1].siteName holds a NUL character (U+0000), which cannot be stored.");
        var batches = await Scenario(x => x.Get.Url($"/api/periods/{periodId}/batches"));
        (await batches.ReadAsTextAsync()).ShouldBe("""{"items":[]}""");
    }

    [Fact]
    public async Task invalid_utf8_in_a_text_value_is_a_400()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"synonym":"Glazing X"}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var result = await Scenario(x =>
        {
            x.Post.ByteArray(bytes).ToUrl("/api/service-types/Window Cleaning/synonyms");
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(400);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe("The value at $.synonym is not valid text (invalid UTF-8, or an unpaired surrogate escape).");
    }

    [Fact]
    public async Task a_lone_surrogate_in_a_text_value_is_a_400()
    {
        var result = await PostRaw("/api/service-types/Window Cleaning/synonyms", """{"synonym":"Glazing \ud800"}""", 400);

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe("The value at $.synonym is not valid text (invalid UTF-8, or an unpaired surrogate escape).");
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_is_a_400_naming_the_field_without_dotnet_type_names()
    {
        var result = await PostRaw("/api/periods", """{"clientId":"acme","month":202610}""", 400);

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("detail").GetString().ShouldBe("The value at $.month is not of the expected type or form.");
        problem.ToString().ShouldNotContain("System.");
    }
}
