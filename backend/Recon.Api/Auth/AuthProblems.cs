using Microsoft.AspNetCore.Mvc;

namespace Recon.Api.Auth;

/// <summary>The problem+json answers of authentication and authorization: API routes never redirect.</summary>
public static class AuthProblems
{
    /// <summary>Set by the refusal log on the request, so the 403 can name what was needed.</summary>
    public const string RequiredPolicyItem = "recon:required-policy";

    public static Task WriteUnauthorized(HttpContext http, string? reason) =>
        Write(http, StatusCodes.Status401Unauthorized, "Sign-in required",
            reason ?? "Sign in (POST /api/auth/sign-in) or send an API token (Authorization: Bearer recon_…).");

    public static Task WriteForbidden(HttpContext http) =>
        Write(http, StatusCodes.Status403Forbidden, "Not allowed",
            http.Items[RequiredPolicyItem] is string policy
                ? $"This needs the {policy} policy, which your roles or token do not give."
                : "Your roles or token do not allow this.");

    public static async Task Write(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
