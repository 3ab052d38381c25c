using System.Text;
using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Recon.Api.Tests.Fixtures;

/// <summary>Every <c>/api</c> route the host maps ("METHOD /template"), and a call to one with chosen route values and an empty JSON body.</summary>
public static class Routes
{
    public static List<string> MappedApiRoutes(this IAlbaHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(route => route.Contains(" /api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    public static string Template(string route) => route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    public static IReadOnlyList<string> ParametersOf(string route) =>
        RoutePatternFactory.Parse(Template(route)).Parameters.Select(parameter => parameter.Name).ToList();

    /// <summary>Calls <paramref name="route"/> with each route parameter replaced by <paramref name="valueOf"/>(name); returns the response.</summary>
    public static Task<IScenarioResult> CallAsync(this IAlbaHost host, string route, Action<Scenario> credentials, Func<string, string> valueOf)
    {
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var url = ParametersOf(route).Aggregate(Template(route), (template, name) => Replace(template, name, valueOf(name)));
        return host.Scenario(x =>
        {
            credentials(x);
            switch (method)
            {
                case "GET":
                    x.Get.Url(url);
                    break;
                case "DELETE":
                    x.Delete.Url(url);
                    break;
                case "PUT":
                    x.Put.Text("{}").ToUrl(url);
                    x.WithRequestHeader("Content-Type", "application/json");
                    break;
                default:
                    x.Post.Text("{}").ToUrl(url);
                    x.WithRequestHeader("Content-Type", "application/json");
                    break;
            }

            x.IgnoreStatusCode();
        });
    }

    private static string Replace(string template, string name, string value)
    {
        var start = template.IndexOf("{" + name, StringComparison.Ordinal);
        var end = template.IndexOf('}', start);
        return new StringBuilder(template).Remove(start, end - start + 1).Insert(start, value).ToString();
    }
}
