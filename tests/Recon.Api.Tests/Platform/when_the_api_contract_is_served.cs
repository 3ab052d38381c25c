using System.Text.Json.Nodes;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Platform;

/// <summary>
/// docs/openapi.json is the reviewed contract (the SPA's types are generated from it). The served document must
/// not drift from it: regenerate both with <c>./ops/recon openapi</c> and review the diff.
/// </summary>
public class when_the_api_contract_is_served(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_served_openapi_document_matches_the_committed_contract()
    {
        var served = JsonNode.Parse(await (await Scenario(x => x.Get.Url("/swagger/v1/swagger.json"))).ReadAsTextAsync());
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFile("docs/openapi.json")));

        JsonNode.DeepEquals(served, committed).ShouldBeTrue(
            "The served OpenAPI document differs from docs/openapi.json. Run ./ops/recon openapi, review and commit the diff.");
    }

    [Fact]
    public async Task every_operation_has_an_explicit_id_and_summary()
    {
        var document = JsonNode.Parse(await (await Scenario(x => x.Get.Url("/swagger/v1/swagger.json"))).ReadAsTextAsync())!;

        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()).ToList();
        operations.ShouldNotBeEmpty();
        operations.ShouldAllBe(operation => !operation.Value!["operationId"]!.GetValue<string>().Contains('_'));
        operations.ShouldAllBe(operation => operation.Value!["summary"] != null);
    }

    [Fact]
    public async Task swagger_ui_is_served()
    {
        var result = await Scenario(x => x.Get.Url("/swagger/index.html"));

        (await result.ReadAsTextAsync()).ShouldContain("swagger-ui");
    }

    private static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recon.sln")))
            {
                return Path.Combine(dir.FullName, relativePath);
            }
        }

        throw new InvalidOperationException("Recon.sln not found above " + AppContext.BaseDirectory);
    }
}
