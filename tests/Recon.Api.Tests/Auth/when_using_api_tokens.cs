using Marten;
using Recon.Api.Auth;
using Recon.Api.Periods;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Access;

namespace Recon.Api.Tests.Auth;

public class when_using_api_tokens(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_secret_is_shown_once_and_only_its_hash_is_stored()
    {
        var issued = await Host.IssueToken("ci", "readOnly");

        issued.Secret.ShouldStartWith("recon_");
        issued.Token.ShouldSatisfyAllConditions(
            token => token.Name.ShouldBe("ci"),
            token => token.Access.ShouldBe(ApiTokenAccess.ReadOnly),
            token => token.CreatedBy.ShouldBe("tester"),
            token => token.RevokedAt.ShouldBeNull());
        var list = await (await Scenario(x => x.Get.Url("/api/admin/tokens"))).ReadAsTextAsync();
        list.ShouldContain("\"ci\"");
        list.ShouldNotContain(issued.Secret);

        await using var query = Store.QuerySession();
        var stored = await query.LoadAsync<ApiTokenDocument>(issued.Token.TokenId);
        stored.ShouldNotBeNull().SecretHash.ShouldBe(ApiTokenSecrets.HashOf(issued.Secret));
        var rawDocument = await query.Json.FindByIdAsync<ApiTokenDocument>(issued.Token.TokenId);
        rawDocument.ShouldNotBeNull().ShouldNotContain(issued.Secret);
        var events = await query.Events.FetchStreamAsync(issued.Token.TokenId);
        events.ShouldHaveSingleItem().Data.ShouldBeOfType<ApiTokenIssued>().SecretHash.ShouldBe(stored.SecretHash);
        System.Text.Json.JsonSerializer.Serialize(events[0].Data).ShouldNotContain(issued.Secret);
    }

    [Fact]
    public async Task a_read_only_token_reads_but_may_not_change_anything()
    {
        var secret = await Host.GivenToken("dashboard", "readOnly");

        await Scenario(x =>
        {
            x.WithToken(secret);
            x.Get.Url("/api/periods");
        });
        await Scenario(x =>
        {
            x.WithToken(secret);
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(403);
        });
        Logs.Lines.ShouldContain(line => line.Contains("Refused POST /api/periods with 403: token:dashboard (token access ReadOnly) lacks policy Operate"));
    }

    [Fact]
    public async Task a_read_write_token_acts_as_token_name_on_events_and_its_use_is_recorded()
    {
        var issued = await Host.IssueToken("ci", "readWrite");

        await Scenario(x =>
        {
            x.WithToken(issued.Secret);
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(201);
        });

        await using var query = Store.QuerySession();
        (await query.Events.QueryAllRawEvents().ToListAsync()).Single(e => e.Data is Recon.Domain.Periods.PeriodOpened).UserName.ShouldBe("token:ci");
        var me = await (await Scenario(x =>
        {
            x.WithToken(issued.Secret);
            x.Get.Url("/api/auth/me");
        })).ReadAsJsonAsync<CurrentUser>();
        (me.UserName, me.Authentication).ShouldBe(("token:ci", "token"));
        var tokens = await (await Scenario(x => x.Get.Url("/api/admin/tokens"))).ReadAsJsonAsync<TokenList>();
        tokens.Items.ShouldHaveSingleItem().LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task no_token_may_administer()
    {
        var secret = await Host.GivenToken("ci", "readWrite");

        await Scenario(x =>
        {
            x.WithToken(secret);
            x.Get.Url("/api/admin/users");
            x.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_token_stops_working_when_its_issuer_is_disabled()
    {
        var issuer = await Host.GivenUser("ops-admin", Roles.Admin);
        var issued = await (await Scenario(x =>
        {
            x.As(issuer);
            x.Post.Json(new { name = "nightly", access = "readWrite" }).ToUrl("/api/admin/tokens");
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<IssuedToken>();
        await Scenario(x =>
        {
            x.WithToken(issued.Secret);
            x.Get.Url("/api/periods");
        });

        await Scenario(x => x.Post.Url("/api/admin/users/ops-admin/disable"));

        var result = await Scenario(x =>
        {
            x.WithToken(issued.Secret);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The API token's issuer 'ops-admin' is disabled.");
    }

    [Fact]
    public async Task a_revoked_token_is_refused()
    {
        var issued = await Host.IssueToken("ci", "readWrite");

        var revoked = await (await Scenario(x => x.Delete.Url($"/api/admin/tokens/{issued.Token.TokenId}"))).ReadAsJsonAsync<TokenView>();

        revoked.RevokedAt.ShouldNotBeNull();
        var result = await Scenario(x =>
        {
            x.WithToken(issued.Secret);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The API token was revoked.");
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldContain("invalid_token");
        await Scenario(x =>
        {
            x.Delete.Url($"/api/admin/tokens/{issued.Token.TokenId}");
            x.StatusCodeShouldBe(409);
        });
    }

    [Fact]
    public async Task an_unknown_or_malformed_token_is_refused()
    {
        await Scenario(x =>
        {
            x.WithToken("recon_" + new string('x', 43));
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        await Scenario(x =>
        {
            x.WithToken("eyJhbGciOi.not.ours");
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task an_active_name_cannot_be_issued_twice_but_a_revoked_ones_can()
    {
        var first = await Host.IssueToken("ci", "readOnly");
        await Scenario(x =>
        {
            x.Post.Json(new { name = "ci", access = "readOnly" }).ToUrl("/api/admin/tokens");
            x.StatusCodeShouldBe(409);
        });

        await Scenario(x => x.Delete.Url($"/api/admin/tokens/{first.Token.TokenId}"));

        await Host.IssueToken("ci", "readOnly");
    }

    [Fact]
    public async Task a_token_without_access_or_with_a_bad_name_is_a_validation_problem()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "no spaces please" }).ToUrl("/api/admin/tokens");
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadProblemAsync();
        problem.FieldErrors("name").ShouldNotBeEmpty();
        problem.FieldErrors("access").ShouldHaveSingleItem().ShouldBe("Access must be readOnly or readWrite.");
    }
}
