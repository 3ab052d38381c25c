using Recon.Api.ReferenceData;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Ingestion;

namespace Recon.Api.Tests.ReferenceData;

public class when_users_extend_reference_data(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Jobs = "JOB-1,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,1,10.00,10.00,USD,completed,,";

    [Fact]
    public async Task a_new_service_synonym_is_used_by_later_ledger_uploads()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        await Scenario(x =>
        {
            x.Post.Json(new AddServiceSynonym("Glazing Upkeep")).ToUrl("/api/service-types/window cleaning/synonyms");
            x.StatusCodeShouldBe(201);
        });

        var (_, ledger) = await Host.UploadLedger(periodId, Uploads.Csv(Uploads.LedgerHeader, "INV-1,1,J1,Site,Glazing upkeep,2026-10-01,1,10.00,10.00,USD,"));

        await using var session = Store.QuerySession();
        var line = (await session.Events.FetchStreamAsync(ledger.BatchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>().Single().Lines.Single();
        line.Record.CanonicalService.ShouldBe("Window Cleaning");
        var types = await (await Scenario(x => x.Get.Url("/api/service-types"))).ReadAsJsonAsync<List<ServiceTypeView>>();
        types.Single(t => t.Name == "Window Cleaning").Synonyms.ShouldContain("Glazing Upkeep");
    }

    [Fact]
    public async Task a_synonym_that_already_means_another_service_is_a_409()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new AddServiceSynonym("Power Washing")).ToUrl("/api/service-types/Window Cleaning/synonyms");
            x.StatusCodeShouldBe(409);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("'Power Washing' already means 'Pressure Washing'; it cannot also mean 'Window Cleaning'.");
    }

    [Fact]
    public async Task an_unknown_service_type_is_a_404()
    {
        await Scenario(x =>
        {
            x.Post.Json(new AddServiceSynonym("Anything")).ToUrl("/api/service-types/Consulting/synonyms");
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task a_site_alias_resolves_ledger_lines_of_that_client()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        await Host.UploadClientJobs(periodId, Uploads.Csv(Uploads.ClientHeader, Jobs));
        await Scenario(x =>
        {
            x.Post.Json(new AddSiteAlias("RVS Campus")).ToUrl("/api/clients/acme/sites/S-001/aliases");
            x.StatusCodeShouldBe(201);
        });

        var (_, ledger) = await Host.UploadLedger(periodId, Uploads.Csv(Uploads.LedgerHeader, "INV-1,1,J1,rvs campus,Window Cleaning,2026-10-01,1,10.00,10.00,USD,"));

        await using var session = Store.QuerySession();
        var line = (await session.Events.FetchStreamAsync(ledger.BatchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>().Single().Lines.Single();
        line.Record.CanonicalSiteCode.ShouldBe("S-001");
        var sites = await (await Scenario(x => x.Get.Url("/api/clients/ACME/sites"))).ReadAsJsonAsync<List<SiteView>>();
        sites.ShouldHaveSingleItem().Aliases.ShouldBe(["RVS Campus"]);
    }

    [Fact]
    public async Task an_alias_for_an_unknown_site_is_a_404_and_an_empty_alias_a_400()
    {
        await Scenario(x =>
        {
            x.Post.Json(new AddSiteAlias("Somewhere")).ToUrl("/api/clients/acme/sites/S-404/aliases");
            x.StatusCodeShouldBe(404);
        });
        var result = await Scenario(x =>
        {
            x.Post.Json(new AddSiteAlias(" ")).ToUrl("/api/clients/acme/sites/S-001/aliases");
            x.StatusCodeShouldBe(400);
        });
        (await result.ReadProblemAsync()).FieldErrors("alias").ShouldBe(["Alias is required."]);
    }
}
