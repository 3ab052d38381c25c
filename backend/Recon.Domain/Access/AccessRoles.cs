namespace Recon.Domain.Access;

/// <summary>The four roles of docs/review.md. Names are a public contract (the OIDC <c>roles</c> claim uses them too).</summary>
public static class AccessRoles
{
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reviewer, Approver, Auditor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Known roles only, without duplicates, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> roles)
    {
        var wanted = roles.Select(role => role.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return All.Where(wanted.Contains).ToList();
    }
}
