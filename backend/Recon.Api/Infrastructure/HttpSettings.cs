using System.Globalization;
using System.Net;

namespace Recon.Api.Infrastructure;

/// <summary>
/// <c>Recon:Http:*</c>, read and checked once at start-up: a wrong value stops the API with a message naming the key.
/// </summary>
/// <param name="MaxRequestBodyBytes">The largest request body of a route that names no limit of its own (uploads do).</param>
/// <param name="KnownProxies">Addresses whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed.</param>
/// <param name="KnownNetworks">Networks (CIDR) whose forwarded headers are believed.</param>
public sealed record HttpSettings(long MaxRequestBodyBytes, IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<IPNetwork> KnownNetworks)
{
    public const string Section = "Recon:Http";

    /// <summary>JSON commands are a few KB; the largest, a bulk decision on 1,000 ids with a 2,000-character comment, stays under 52 KB.</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    public static HttpSettings Checked(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var maxBody = DefaultMaxRequestBodyBytes;
        if (section["MaxRequestBodyBytes"] is { Length: > 0 } text
            && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxBody) || maxBody < 1024))
        {
            throw Invalid("MaxRequestBodyBytes", "must be a whole number of bytes, at least 1024");
        }

        var proxies = Entries(section["KnownProxies"])
            .Select(entry => IPAddress.TryParse(entry, out var address)
                ? address
                : throw Invalid("KnownProxies", $"has '{entry}', which is not an IP address (list addresses separated by commas, e.g. 10.0.0.2,10.0.0.3)"))
            .ToList();
        var networks = Entries(section["KnownNetworks"])
            .Select(entry => IPNetwork.TryParse(entry, out var network)
                ? network
                : throw Invalid("KnownNetworks", $"has '{entry}', which is not a network in CIDR form (e.g. 10.0.0.0/8)"))
            .ToList();
        return new HttpSettings(maxBody, proxies, networks);
    }

    private static string[] Entries(string? list) =>
        (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvalidOperationException Invalid(string key, string problem) =>
        new($"{Section}:{key} {problem}.");
}
