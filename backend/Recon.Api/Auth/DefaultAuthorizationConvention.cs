using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Recon.Api.Auth;

/// <summary>
/// Secure by default: a Wolverine endpoint that declares neither <c>[Authorize]</c> nor <c>[AllowAnonymous]</c>
/// (on the method or its class) requires <see cref="Policies.Read"/> for GET and <see cref="Policies.Operate"/> for
/// every other method. Endpoints that need more (review, approve, administer) say so with an attribute.
/// </summary>
internal sealed class DefaultAuthorizationConvention : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var declared = DeclaredAuthorization(chain);
            if (declared.Count > 0)
            {
                // Stated again as endpoint metadata, so the declaration holds whatever Wolverine copies from attributes.
                chain.Metadata.WithMetadata([.. declared]);
                continue;
            }

            chain.Metadata.RequireAuthorization(PolicyFor(chain.HttpMethods));
        }
    }

    public static string PolicyFor(IEnumerable<string> httpMethods) =>
        httpMethods.All(method => HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) ? Policies.Read : Policies.Operate;

    private static List<object> DeclaredAuthorization(HttpChain chain) =>
        chain.Method.HandlerType.GetCustomAttributes(inherit: true)
            .Concat(chain.Method.Method.GetCustomAttributes(inherit: true))
            .Where(attribute => attribute is IAuthorizeData or IAllowAnonymous)
            .ToList();
}
