using Alba;
using Recon.Api.ReferenceData.Vocabulary;
using Recon.Api.Runs;
using Recon.Api.Runs.DataQuality;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.ReferenceData;

/// <summary>
/// A client whose ledger writes its services in words no table holds: the run learns what reference-confirmed pairs
/// teach (an event, listed with its support), reports what it cannot read as data quality, a reviewer maps that in
/// one action and the next run reads it; a revoked mapping is neither used nor learned again.
/// </summary>
public class when_a_clients_vocabulary_is_learned_and_corrected(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string ClientCsv(string client) => Uploads.Csv(
        Uploads.ClientHeader,
        $"WO-2610-00001,{client},S-1,Halvor Quay,Glint Facade Rinse,2026-10-05,2,50.00,100.00,USD,completed,,",
        $"WO-2610-00002,{client},S-1,Halvor Quay,Glint Facade Rinse,2026-10-06,2,50.00,100.00,USD,completed,,",
        $"WO-2610-00003,{client},S-1,Halvor Quay,Glint Facade Rinse,2026-10-07,3,50.00,150.00,USD,completed,,",
        $"WO-2610-00004,{client},S-2,Brenmoor Tract,Morrow Duct Purge,2026-10-08,1,80.00,80.00,USD,completed,,",
        $"WO-2610-00005,{client},S-2,Brenmoor Tract,Morrow Duct Purge,2026-10-09,1,80.00,80.00,USD,completed,,");

    private const string Ledger =
        "invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date\r\n"
        + "BL/2610/1,1,wo 2610 00001,Hlvr Qy,Pellow Sweep,2026-10-05,2,50.00,100.00,USD,\r\n"
        + "BL/2610/1,2,#WO261000002,Hlvr Qy,Pellow Sweep,2026-10-06,2,50.00,100.00,USD,\r\n"
        + "BL/2610/1,3,,Halvor Quay,Pellow Sweep,2026-10-07,3,50.00,150.00,USD,\r\n"
        + "BL/2610/2,1,WO-2610-00004,Brenmoor Tract,Zorbel Quench,2026-10-08,1,80.00,80.00,USD,\r\n"
        + "BL/2610/2,2,WO-2610-00005,Brenmoor Tract,Zorbel Quench,2026-10-09,1,90.00,90.00,USD,\r\n";

    [Fact]
    public async Task a_run_learns_what_confirmed_pairs_teach_reports_the_rest_and_a_reviewer_maps_it_for_the_next_run()
    {
        var client = $"voc-{Guid.NewGuid():N}"[..16];
        var periodId = await Host.GivenOpenPeriod(client);
        await Host.UploadClientJobs(periodId, ClientCsv(client));
        await Host.UploadLedger(periodId, Ledger);

        var first = await Host.WaitForRun(await Host.RequestRun(periodId));
        first.Status.ShouldBe(Recon.Domain.Runs.RunStatus.Completed);

        var vocabulary = await Host.GetAsJson<ClientVocabularyView>($"/api/clients/{client}/vocabulary");
        vocabulary!.Services.Select(s => s.Name).ShouldBe(["Glint Facade Rinse", "Morrow Duct Purge"]);
        var learned = vocabulary.Services[0].Mappings.ShouldHaveSingleItem();
        (learned.Text, learned.Origin, learned.Support, learned.By, learned.Revoked).ShouldBe(("Pellow Sweep", "learned", 2, "recon-run", false));
        learned.Runs.ShouldBe([first.RunId]);
        vocabulary.Sites.Single(s => s.Code == "S-1").Aliases.ShouldContain(a => a.Text == "Hlvr Qy" && a.Origin == "learned" && a.Support == 2);

        // The line without a reference was read through the mapping the run learned, and its match says so.
        var matches = await Host.GetAsJson<MatchesPage>($"/api/runs/{first.RunId}/matches?limit=500");
        var blank = matches!.Items.Single(m => m.LedgerLineIds.Contains("BL/2610/1/3"));
        blank.Category.ShouldBe("exact");
        blank.Explanation.Summary.ShouldContain("'Pellow Sweep' means Glint Facade Rinse (learned by recon-run from 2 reference-confirmed pair(s))");

        // "Zorbel Quench" means nothing known: a data-quality finding, and its lines are not service mismatches.
        var quality = await Host.GetAsJson<RunDataQualityView>($"/api/runs/{first.RunId}/data-quality");
        quality!.Recorded.ShouldBeTrue();
        var unmapped = quality.UnmappedDescriptions.ShouldHaveSingleItem();
        (unmapped.Text, unmapped.Lines, unmapped.Amount).ShouldBe(("Zorbel Quench", 2, 170m));
        unmapped.ExampleLineIds.ShouldBe(["BL/2610/2/1", "BL/2610/2/2"]);
        quality.Services.ShouldBe(["Glint Facade Rinse", "Morrow Duct Purge"]);
        var exceptions = await Host.GetAsJson<ExceptionsPage>($"/api/runs/{first.RunId}/exceptions?limit=500");
        exceptions!.Items.ShouldNotContain(e => e.Category == "service_mismatch");
        exceptions.Items.ShouldHaveSingleItem().Category.ShouldBe("rate_change");

        // One action: "this means Morrow Duct Purge"; the next run reads it.
        var confirmed = await Scenario(x =>
        {
            x.Post.Json(new ConfirmServiceMapping("zorbel quench", "morrow duct purge")).ToUrl($"/api/clients/{client}/vocabulary/services");
            x.StatusCodeShouldBe(201);
        });
        (await confirmed.ReadAsJsonAsync<MappingView>()).ShouldSatisfyAllConditions(m => m.Origin.ShouldBe("confirmed"), m => m.By.ShouldBe("tester"));
        var second = await Host.WaitForRun(await Host.RequestRun(periodId));
        (await Host.GetAsJson<RunDataQualityView>($"/api/runs/{second.RunId}/data-quality"))!.UnmappedDescriptions.ShouldBeEmpty();
        var secondMatches = await Host.GetAsJson<MatchesPage>($"/api/runs/{second.RunId}/matches?limit=500");
        secondMatches!.Items.Single(m => m.LedgerLineIds.Contains("BL/2610/2/1")).Explanation.Vocabulary.ShouldNotBeNull()
            .ShouldContain(use => use.Origin == "confirmed" && use.Meaning == "Morrow Duct Purge");
        (await Host.GetAsJson<ClientVocabularyView>($"/api/clients/{client}/vocabulary"))!.Services[0].Mappings.Single().ShouldSatisfyAllConditions(
            m => m.Runs.ShouldBe([first.RunId, second.RunId]),
            m => m.Support.ShouldBe(2)); // the period's latest run counts, not every run of it
    }

    [Fact]
    public async Task a_revoked_mapping_is_not_used_and_not_learned_again()
    {
        var client = $"voc-{Guid.NewGuid():N}"[..16];
        var periodId = await Host.GivenOpenPeriod(client);
        await Host.UploadClientJobs(periodId, ClientCsv(client));
        await Host.UploadLedger(periodId, Ledger);
        await Host.WaitForRun(await Host.RequestRun(periodId));

        var revoked = await Scenario(x =>
        {
            x.Post.Json(new RevokeServiceMapping("PELLOW SWEEP")).ToUrl($"/api/clients/{client}/vocabulary/services/revoke");
            x.StatusCodeShouldBe(200);
        });
        (await revoked.ReadAsJsonAsync<MappingView>()).Revoked.ShouldBeTrue();
        await Scenario(x =>
        {
            x.Post.Json(new RevokeSiteAlias("S-1", "hlvr qy")).ToUrl($"/api/clients/{client}/vocabulary/sites/revoke");
            x.StatusCodeShouldBe(200);
        });

        var run = await Host.WaitForRun(await Host.RequestRun(periodId));

        var quality = await Host.GetAsJson<RunDataQualityView>($"/api/runs/{run.RunId}/data-quality");
        quality!.UnmappedDescriptions.ShouldContain(u => u.Text == "Pellow Sweep" && u.Lines == 3);
        quality.UnmappedSites.ShouldContain(u => u.Text == "Hlvr Qy" && u.Lines == 2);
        var vocabulary = await Host.GetAsJson<ClientVocabularyView>($"/api/clients/{client}/vocabulary");
        vocabulary!.Services[0].Mappings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.Revoked.ShouldBeTrue(), m => m.RevokedBy.ShouldBe("tester"));
        vocabulary.Sites.Single(s => s.Code == "S-1").Aliases.Single(a => a.Text == "Hlvr Qy").Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task mapping_to_a_service_the_client_lacks_or_revoking_what_does_not_exist_says_why()
    {
        var client = $"voc-{Guid.NewGuid():N}"[..16];
        var periodId = await Host.GivenOpenPeriod(client);
        await Host.UploadClientJobs(periodId, ClientCsv(client));

        var unknown = await Scenario(x =>
        {
            x.Post.Json(new ConfirmServiceMapping("Zorbel Quench", "Window Cleaning")).ToUrl($"/api/clients/{client}/vocabulary/services");
            x.StatusCodeShouldBe(404);
        });
        (await unknown.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe($"Client '{client}' has no service 'Window Cleaning' in its jobs. Known: Glint Facade Rinse, Morrow Duct Purge.");
        var name = await Scenario(x =>
        {
            x.Post.Json(new ConfirmServiceMapping("GLINT facade rinse", "Morrow Duct Purge")).ToUrl($"/api/clients/{client}/vocabulary/services");
            x.StatusCodeShouldBe(409);
        });
        (await name.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe("'GLINT facade rinse' is how the client's jobs write 'Glint Facade Rinse'; it cannot be mapped to 'Morrow Duct Purge'.");
        await Scenario(x =>
        {
            x.Post.Json(new RevokeServiceMapping("Nothing Here")).ToUrl($"/api/clients/{client}/vocabulary/services/revoke");
            x.StatusCodeShouldBe(404);
        });
        await Scenario(x =>
        {
            x.Post.Json(new { text = "", service = "" }).ToUrl($"/api/clients/{client}/vocabulary/services");
            x.StatusCodeShouldBe(400);
        });
    }
}
