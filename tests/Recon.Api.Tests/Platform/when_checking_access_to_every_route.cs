using Recon.Api.Auth;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Platform;

/// <summary>
/// Every API route the host maps, called without credentials, as each role and with each kind of API token:
/// those the route's policy does not admit get 401 (anonymous) or 403; those it admits get anything else.
/// The expectations are one explicit table, restating docs/review.md: a new route must be added to it.
/// </summary>
public class when_checking_access_to_every_route(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>Flip to true once every route of the review workflow (docs/review.md) is mapped.</summary>
    private const bool RequireEveryTableEntryMapped = true;

    private const string Anonymous = "anonymous";
    private const string Authenticated = "authenticated";

    /// <summary>"METHOD /route/template" → the policy it needs.</summary>
    private static readonly Dictionary<string, string> RoutePolicies = new()
    {
        ["POST /api/auth/sign-in"] = Anonymous,
        ["GET /api/auth/providers"] = Anonymous,
        ["GET /api/auth/oidc/sign-in"] = Anonymous,
        ["POST /api/auth/sign-out"] = Authenticated,
        ["GET /api/auth/me"] = Authenticated,

        ["GET /api/admin/users"] = Policies.Administer,
        ["POST /api/admin/users"] = Policies.Administer,
        ["PUT /api/admin/users/{userName}/roles"] = Policies.Administer,
        ["PUT /api/admin/users/{userName}/clients"] = Policies.Administer,
        ["POST /api/admin/users/{userName}/password"] = Policies.Administer,
        ["POST /api/admin/users/{userName}/disable"] = Policies.Administer,
        ["POST /api/admin/users/{userName}/enable"] = Policies.Administer,
        ["GET /api/admin/tokens"] = Policies.Administer,
        ["POST /api/admin/tokens"] = Policies.Administer,
        ["DELETE /api/admin/tokens/{tokenId}"] = Policies.Administer,
        ["GET /api/admin/dead-letters"] = Policies.Administer,
        ["POST /api/admin/dead-letters/{id}/replay"] = Policies.Administer,

        ["GET /api/periods"] = Policies.Read,
        ["POST /api/periods"] = Policies.Operate,
        ["GET /api/periods/{periodId}"] = Policies.Read,
        ["POST /api/periods/{periodId}/ledger-lines"] = Policies.Operate,
        ["POST /api/periods/{periodId}/client-jobs"] = Policies.Operate,
        ["POST /api/periods/{periodId}/client-jobs/fetch"] = Policies.Operate,
        ["GET /api/periods/{periodId}/batches"] = Policies.Read,
        ["GET /api/batches/{batchId}"] = Policies.Read,
        ["GET /api/batches/{batchId}/rejected-rows"] = Policies.Read,
        ["POST /api/periods/{periodId}/runs"] = Policies.Operate,
        ["GET /api/periods/{periodId}/runs"] = Policies.Read,
        ["GET /api/periods/{periodId}/kpis"] = Policies.Read,
        ["GET /api/runs/{runId}"] = Policies.Read,
        ["GET /api/runs/{runId}/matches"] = Policies.Read,
        ["GET /api/runs/{runId}/exceptions"] = Policies.Read,
        ["GET /api/runs/{runId}/anomalies"] = Policies.Read,
        ["GET /api/runs/{runId}/data-quality"] = Policies.Read,
        ["GET /api/service-types"] = Policies.Read,
        ["POST /api/service-types/{serviceType}/synonyms"] = Policies.Operate,
        ["GET /api/clients/{clientId}/sites"] = Policies.Read,
        ["POST /api/clients/{clientId}/sites/{siteCode}/aliases"] = Policies.Operate,
        ["GET /api/clients/{clientId}/vocabulary"] = Policies.Read,
        ["POST /api/clients/{clientId}/vocabulary/services"] = Policies.Operate,
        ["POST /api/clients/{clientId}/vocabulary/services/revoke"] = Policies.Operate,
        ["POST /api/clients/{clientId}/vocabulary/sites/revoke"] = Policies.Operate,
        ["GET /api/audit/periods/{periodId}/events"] = Policies.Read,

        // The review workflow (docs/review.md, "Review routes").
        ["GET /api/review-queue"] = Policies.Read,
        ["POST /api/review-queue/bulk"] = Policies.Review,
        ["GET /api/exceptions/{exceptionId}"] = Policies.Read,
        ["POST /api/exceptions/{exceptionId}/accept"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/override-category"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/link"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/unlink"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/resolve"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/reopen"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/assign"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/unassign"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/comments"] = Policies.Review,
        ["POST /api/exceptions/{exceptionId}/approvals/{decisionId}/approve"] = Policies.Approve,
        ["POST /api/exceptions/{exceptionId}/approvals/{decisionId}/reject"] = Policies.Approve,
        ["GET /api/approvals"] = Policies.Approve,
        ["GET /api/dashboard"] = Policies.Read,
    };

    /// <summary>Who each policy admits: docs/review.md's table, restated here rather than read from the code under test.</summary>
    private static readonly Dictionary<string, string[]> Admitted = new()
    {
        [Anonymous] = [Anonymous, "reviewer", "approver", "auditor", "admin", "token:readOnly", "token:readWrite"],
        [Authenticated] = ["reviewer", "approver", "auditor", "admin", "token:readOnly", "token:readWrite"],
        [Policies.Read] = ["reviewer", "approver", "auditor", "admin", "token:readOnly", "token:readWrite"],
        [Policies.Operate] = ["reviewer", "approver", "admin", "token:readWrite"],
        [Policies.Review] = ["reviewer", "approver", "token:readWrite"],
        [Policies.Approve] = ["approver"],
        [Policies.Administer] = ["admin"],
    };

    [Fact]
    public async Task each_caller_reaches_exactly_the_routes_its_roles_or_token_allow()
    {
        var mapped = Host.MappedApiRoutes();
        mapped.ShouldContain("POST /api/periods");
        mapped.Where(route => !RoutePolicies.ContainsKey(route)).ShouldBeEmpty(
            "These routes are mapped but missing from the access table of when_checking_access_to_every_route: add each with its policy.");
        var unmapped = RoutePolicies.Keys.Where(route => !mapped.Contains(route)).ToList();
        (RequireEveryTableEntryMapped ? unmapped : []).ShouldBeEmpty("These routes of the access table are not mapped.");

        var callers = await Callers();
        var failures = new List<string>();
        // Signing out ends the caller's session, so it goes last.
        foreach (var route in mapped.OrderBy(route => route == "POST /api/auth/sign-out"))
        {
            foreach (var (caller, credentials) in callers)
            {
                var status = await Call(route, credentials);
                var admitted = Admitted[RoutePolicies[route]].Contains(caller);
                var expected = caller == Anonymous ? 401 : 403;
                if (admitted ? status is 401 or 403 : status != expected)
                {
                    failures.Add($"{route} as {caller}: {status}, expected {(admitted ? "neither 401 nor 403" : expected.ToString(System.Globalization.CultureInfo.InvariantCulture))} ({RoutePolicies[route]})");
                }
            }
        }

        failures.ShouldBeEmpty();
        Logs.Lines.ShouldContain(line => line.Contains("Refused POST /api/periods with 403: auditor (roles auditor) lacks policy Operate"));
        Logs.Lines.ShouldContain(line => line.Contains("Refused GET /api/admin/users with 401: anonymous is not signed in (requires Administer"));
    }

    private async Task<List<(string Caller, Action<Alba.Scenario> Credentials)>> Callers()
    {
        var callers = new List<(string, Action<Alba.Scenario>)> { (Anonymous, x => x.Anonymously()) };
        foreach (var role in Roles.All)
        {
            var user = await Host.GivenUser(role, role);
            callers.Add((role, x => x.As(user)));
        }

        foreach (var access in new[] { "readOnly", "readWrite" })
        {
            var secret = await Host.GivenToken($"matrix-{access}", access);
            callers.Add(($"token:{access}", x => x.WithToken(secret)));
        }

        return callers;
    }

    private async Task<int> Call(string route, Action<Alba.Scenario> credentials) =>
        (await Host.CallAsync(route, credentials, _ => Guid.NewGuid().ToString())).Context.Response.StatusCode;
}
