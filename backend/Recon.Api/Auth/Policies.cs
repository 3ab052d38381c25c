using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Recon.Domain.Access;

namespace Recon.Api.Auth;

/// <summary>The roles of docs/review.md ("Roles and policies").</summary>
public static class Roles
{
    public const string Reviewer = AccessRoles.Reviewer;
    public const string Approver = AccessRoles.Approver;
    public const string Auditor = AccessRoles.Auditor;
    public const string Admin = AccessRoles.Admin;

    public static IReadOnlyList<string> All => AccessRoles.All;
}

/// <summary>
/// The authorization policies of docs/review.md. Endpoints name them with <c>[Authorize(Policy = Policies.X)]</c>;
/// a Wolverine endpoint that names none gets <see cref="Read"/> (GET) or <see cref="Operate"/> (any other method).
/// </summary>
public static class Policies
{
    /// <summary>Read everything, including the audit history: every role; tokens readOnly and readWrite.</summary>
    public const string Read = "Read";

    /// <summary>Open periods, upload, fetch, run, reference data: reviewer, approver, admin; readWrite tokens.</summary>
    public const string Operate = "Operate";

    /// <summary>Decide on exceptions: reviewer, approver; readWrite tokens.</summary>
    public const string Review = "Review";

    /// <summary>Approve or reject pending decisions: approver only (no token).</summary>
    public const string Approve = "Approve";

    /// <summary>Manage users, API tokens and settings: admin only (no token).</summary>
    public const string Administer = "Administer";

    /// <summary>Each policy with the roles and token accesses that satisfy it: the table of docs/review.md.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Roles, ApiTokenAccess[] TokenAccess)> Table =
        new Dictionary<string, (string[], ApiTokenAccess[])>
        {
            [Read] = ([Roles.Reviewer, Roles.Approver, Roles.Auditor, Roles.Admin], [ApiTokenAccess.ReadOnly, ApiTokenAccess.ReadWrite]),
            [Operate] = ([Roles.Reviewer, Roles.Approver, Roles.Admin], [ApiTokenAccess.ReadWrite]),
            [Review] = ([Roles.Reviewer, Roles.Approver], [ApiTokenAccess.ReadWrite]),
            [Approve] = ([Roles.Approver], []),
            [Administer] = ([Roles.Admin], []),
        };

    public static void AddReconPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, (roles, tokenAccess)) in Table)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Satisfies(context.User, roles, tokenAccess)));
        }
    }

    private static bool Satisfies(ClaimsPrincipal user, string[] roles, ApiTokenAccess[] tokenAccess) =>
        ReconClaims.TokenAccessOf(user) is { } access
            ? tokenAccess.Contains(access)
            : roles.Any(user.IsInRole);
}
