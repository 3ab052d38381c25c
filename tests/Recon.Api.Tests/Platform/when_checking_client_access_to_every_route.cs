using System.Text.Json;
using Alba;
using Recon.Api.Auth;
using Recon.Api.Periods;
using Recon.Api.Review;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Platform;

/// <summary>
/// Per-client access, route by route: a user limited to client <c>alpha</c> (reviewer and approver, so every
/// client-data route admits them) and an API token issued by an admin limited to <c>alpha</c>. Every route that names
/// client data in its path answers 404 for <c>bravo</c>'s ids — as for ids that do not exist — and answers
/// <c>alpha</c>'s as an unlimited user is answered; every list omits <c>bravo</c>. A new route must be placed in the
/// table below.
/// </summary>
public class when_checking_client_access_to_every_route(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Alpha = "alpha";
    private const string Bravo = "bravo";

    /// <summary>Routes whose path names no client data: lists (each checked below) or data of no client.</summary>
    private static readonly Dictionary<string, string> RoutesWithoutClientInPath = new()
    {
        ["GET /api/periods"] = "list",
        ["POST /api/periods"] = "list",
        ["GET /api/review-queue"] = "list",
        ["POST /api/review-queue/bulk"] = "list",
        ["GET /api/approvals"] = "list",
        ["GET /api/dashboard"] = "list",
        ["GET /api/service-types"] = "no client",
        ["POST /api/service-types/{serviceType}/synonyms"] = "no client",
        ["POST /api/auth/sign-in"] = "no client",
        ["GET /api/auth/providers"] = "no client",
        ["GET /api/auth/oidc/sign-in"] = "no client",
        ["POST /api/auth/sign-out"] = "no client",
        ["GET /api/auth/me"] = "no client",
        ["GET /api/admin/users"] = "no client",
        ["GET /api/admin/dead-letters"] = "no client",
        ["POST /api/admin/dead-letters/{id}/replay"] = "no client",
        ["POST /api/admin/users"] = "no client",
        ["PUT /api/admin/users/{userName}/roles"] = "no client",
        ["PUT /api/admin/users/{userName}/clients"] = "no client",
        ["POST /api/admin/users/{userName}/password"] = "no client",
        ["POST /api/admin/users/{userName}/disable"] = "no client",
        ["POST /api/admin/users/{userName}/enable"] = "no client",
        ["GET /api/admin/tokens"] = "no client",
        ["POST /api/admin/tokens"] = "no client",
        ["DELETE /api/admin/tokens/{tokenId}"] = "no client",
    };

    private static readonly string[] ClientDataParameters = ["exceptionId", "runId", "batchId", "periodId", "clientId"];

    private sealed record ClientData(Guid PeriodId, Guid RunId, Guid BatchId, ReviewItemView Exception, Guid PendingDecisionId)
    {
        public string ValueOf(string parameter, string clientId) => parameter switch
        {
            "periodId" => PeriodId.ToString(),
            "runId" => RunId.ToString(),
            "batchId" => BatchId.ToString(),
            "exceptionId" => Exception.ExceptionId.ToString(),
            "decisionId" => PendingDecisionId.ToString(),
            "clientId" => clientId,
            "siteCode" => Exception.SiteCodes.Count > 0 ? Exception.SiteCodes[0] : "S-001",
            _ => throw new InvalidOperationException($"No value for route parameter {parameter}."),
        };
    }

    private async Task<ClientData> GivenClientData(string clientId)
    {
        var (periodId, run) = await Host.GivenReconciledMonth(clientId, jobs: 60);
        var batches = JsonDocument.Parse(await (await Scenario(x => x.Get.Url($"/api/periods/{periodId}/batches"))).ReadAsTextAsync());
        var batchId = batches.RootElement.GetProperty("items")[0].GetProperty("batchId").GetGuid();
        var open = await Host.AllQueuePages($"periodId={periodId}&limit=200");
        var pending = await Host.Decide(open[^1].ExceptionId, "resolve", new ResolveRequest(open[^1].Version, "writeOff", "for the approvals inbox"));
        return new ClientData(periodId, run.RunId, batchId, open[0], pending.DecisionId!.Value);
    }

    private async Task<(TestUser Limited, string LimitedToken)> GivenCallersLimitedToAlpha()
    {
        var limited = await Host.GivenUser("lim", "reviewer", "approver");
        var ada = await Host.GivenUser("ada", "admin");
        foreach (var user in new[] { limited.UserName, ada.UserName })
        {
            await Scenario(x => x.Put.Json(new ChangeUserClients(false, [Alpha])).ToUrl($"/api/admin/users/{user}/clients"));
        }

        var token = await (await Scenario(x =>
        {
            x.Post.Json(new { name = "ada-script", access = "readWrite" }).ToUrl("/api/admin/tokens");
            x.As(ada);
            x.StatusCodeShouldBe(201);
        })).ReadAsJsonAsync<IssuedToken>();
        return (limited, token.Secret);
    }

    [Fact]
    public async Task every_route_naming_another_clients_data_is_not_found_and_the_callers_own_data_is_answered_as_usual()
    {
        var alpha = await GivenClientData(Alpha);
        var bravo = await GivenClientData(Bravo);
        var (limited, token) = await GivenCallersLimitedToAlpha();
        var routes = Host.MappedApiRoutes();
        var scoped = routes.Where(route => Routes.ParametersOf(route).Intersect(ClientDataParameters).Any()).ToList();
        routes.Except(scoped).Where(route => !RoutesWithoutClientInPath.ContainsKey(route)).ShouldBeEmpty(
            "These routes name no client data in their path and are missing from RoutesWithoutClientInPath: say whether each is a list (and check it) or holds no client's data.");
        scoped.Count.ShouldBeGreaterThan(25);

        var failures = new List<string>();
        foreach (var route in scoped)
        {
            foreach (var (caller, credentials) in new (string, Action<Scenario>)[] { ("user lim", x => x.As(limited)), ("ada's token", x => x.WithToken(token)) })
            {
                var other = (await Host.CallAsync(route, credentials, parameter => bravo.ValueOf(parameter, Bravo))).Context.Response.StatusCode;
                var unlimited = (await Host.CallAsync(route, _ => { }, parameter => alpha.ValueOf(parameter, Alpha))).Context.Response.StatusCode;
                var own = (await Host.CallAsync(route, credentials, parameter => alpha.ValueOf(parameter, Alpha))).Context.Response.StatusCode;

                // A route whose policy does not admit the caller (tokens never approve) refuses with 403 whatever the client.
                var notAdmitted = other == 403 && own == 403;
                if (other != 404 && !notAdmitted)
                {
                    failures.Add($"{route} as {caller} on {Bravo}'s data: {other}, expected 404");
                }

                if (own == 404 && unlimited != 404)
                {
                    failures.Add($"{route} as {caller} on {Alpha}'s own data: 404, while an unlimited user gets {unlimited}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task another_clients_exception_looks_exactly_like_one_that_does_not_exist()
    {
        var bravo = await GivenClientData(Bravo);
        var (limited, _) = await GivenCallersLimitedToAlpha();

        var other = await (await Scenario(x =>
        {
            x.Get.Url($"/api/exceptions/{bravo.Exception.ExceptionId}");
            x.As(limited);
            x.StatusCodeShouldBe(404);
        })).ReadProblemAsync();
        var missingId = Guid.NewGuid();
        var missing = await (await Scenario(x =>
        {
            x.Get.Url($"/api/exceptions/{missingId}");
            x.As(limited);
            x.StatusCodeShouldBe(404);
        })).ReadProblemAsync();

        (other.GetProperty("title").GetString(), other.GetProperty("code").GetString()).ShouldBe((missing.GetProperty("title").GetString(), missing.GetProperty("code").GetString()));
        other.GetProperty("detail").GetString().ShouldBe(missing.GetProperty("detail").GetString()!.Replace(missingId.ToString(), bravo.Exception.ExceptionId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task every_list_omits_another_clients_data()
    {
        var alpha = await GivenClientData(Alpha);
        await GivenClientData(Bravo);
        var (limited, token) = await GivenCallersLimitedToAlpha();

        foreach (var credentials in new Action<Scenario>[] { x => x.As(limited), x => x.WithToken(token) })
        {
            var periods = await (await Scenario(x =>
            {
                x.Get.Url("/api/periods");
                credentials(x);
            })).ReadAsJsonAsync<PeriodsPage>();
            periods.Items.Select(p => p.ClientId).ShouldBe([Alpha]);
            periods.TotalCount.ShouldBe(1);

            var queue = await (await Scenario(x =>
            {
                x.Get.Url($"/api/review-queue?status=all&limit=200&clientId={Bravo}");
                credentials(x);
            })).ReadAsJsonAsync<ReviewQueuePage>();
            queue.Items.ShouldBeEmpty();
            var own = await (await Scenario(x =>
            {
                x.Get.Url("/api/review-queue?status=all&limit=200");
                credentials(x);
            })).ReadAsJsonAsync<ReviewQueuePage>();
            own.Items.ShouldNotBeEmpty();
            own.Items.ShouldAllBe(item => item.ClientId == Alpha);

            var dashboard = await (await Scenario(x =>
            {
                x.Get.Url("/api/dashboard");
                credentials(x);
            })).ReadAsJsonAsync<Dashboard>();
            dashboard.Periods.Select(p => p.ClientId).ShouldBe([Alpha]);
        }

        var inbox = await (await Scenario(x =>
        {
            x.Get.Url("/api/approvals");
            x.As(limited);
        })).ReadAsJsonAsync<ApprovalsPage>();
        inbox.Items.Select(p => p.DecisionId).ShouldBe([alpha.PendingDecisionId]);
        (await Host.GetAsJson<ApprovalsPage>("/api/approvals"))!.Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task decisions_on_another_clients_data_are_refused_as_not_found_one_by_one_and_in_bulk()
    {
        var alpha = await GivenClientData(Alpha);
        var bravo = await GivenClientData(Bravo);
        var (limited, token) = await GivenCallersLimitedToAlpha();

        var bulk = await (await Scenario(x =>
        {
            x.Post.Json(new { exceptionIds = new[] { alpha.Exception.ExceptionId, bravo.Exception.ExceptionId }, decision = new { kind = "comment", comment = "seen" } })
                .ToUrl("/api/review-queue/bulk");
            x.WithToken(token);
        })).ReadAsJsonAsync<BulkDecisionResult>();
        bulk.Results.Select(r => (r.ExceptionId, r.Outcome)).ShouldBe([(alpha.Exception.ExceptionId, "applied"), (bravo.Exception.ExceptionId, "notFound")]);

        var byFilter = await (await Scenario(x =>
        {
            x.Post.Json(new { filter = new { clientId = Bravo, status = "all" }, decision = new { kind = "comment", comment = "seen" } }).ToUrl("/api/review-queue/bulk");
            x.As(limited);
        })).ReadAsJsonAsync<BulkDecisionResult>();
        byFilter.Results.ShouldBeEmpty();

        await Scenario(x =>
        {
            x.Post.Json(new ApproveRequest(null)).ToUrl($"/api/exceptions/{bravo.Exception.ExceptionId}/approvals/{bravo.PendingDecisionId}/approve");
            x.As(limited);
            x.StatusCodeShouldBe(404);
        });
        var opened = await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod(Bravo, "2026-11")).ToUrl("/api/periods");
            x.As(limited);
            x.StatusCodeShouldBe(403);
        });
        (await opened.ReadProblemAsync()).GetProperty("code").GetString().ShouldBe("client-out-of-scope");
        await Scenario(x =>
        {
            x.Post.Json(new OpenPeriod(Alpha, "2026-11")).ToUrl("/api/periods");
            x.As(limited);
            x.StatusCodeShouldBe(201);
        });
    }

    [Fact]
    public async Task allowing_all_clients_again_gives_the_user_and_their_tokens_every_client_back()
    {
        await GivenClientData(Bravo);
        var (limited, token) = await GivenCallersLimitedToAlpha();
        foreach (var user in new[] { "lim", "ada" })
        {
            await Scenario(x => x.Put.Json(new ChangeUserClients(true, null)).ToUrl($"/api/admin/users/{user}/clients"));
        }

        foreach (var credentials in new Action<Scenario>[] { x => x.As(limited), x => x.WithToken(token) })
        {
            var periods = await (await Scenario(x =>
            {
                x.Get.Url("/api/periods");
                credentials(x);
            })).ReadAsJsonAsync<PeriodsPage>();
            periods.Items.Select(p => p.ClientId).ShouldBe([Bravo]);
        }
    }
}
