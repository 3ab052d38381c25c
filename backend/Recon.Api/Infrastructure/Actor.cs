using System.Security.Claims;

namespace Recon.Api.Infrastructure;

/// <summary>Who a request acts as, as recorded on events: the signed-in user's name, or "anonymous".</summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? Anonymous;
}
