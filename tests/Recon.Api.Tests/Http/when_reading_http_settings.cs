using System.Net;
using Microsoft.Extensions.Configuration;
using Recon.Api.Infrastructure;

namespace Recon.Api.Tests.Http;

public class when_reading_http_settings
{
    private static HttpSettings Read(params (string Key, string Value)[] values) =>
        HttpSettings.Checked(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>($"Recon:Http:{pair.Key}", pair.Value)))
            .Build());

    [Fact]
    public void the_defaults_are_a_64_kb_body_and_no_believed_proxy()
    {
        var settings = Read();

        settings.MaxRequestBodyBytes.ShouldBe(64 * 1024);
        settings.KnownProxies.ShouldBeEmpty();
        settings.KnownNetworks.ShouldBeEmpty();
    }

    [Fact]
    public void proxies_and_networks_are_comma_separated_lists()
    {
        var settings = Read(("KnownProxies", "10.0.0.2, 10.0.0.3,::1"), ("KnownNetworks", "10.1.0.0/16,fd00::/8"));

        settings.KnownProxies.ShouldBe([IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3"), IPAddress.IPv6Loopback]);
        settings.KnownNetworks.ShouldBe([IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("fd00::/8")]);
    }

    [Theory]
    [InlineData("MaxRequestBodyBytes", "64KB", "Recon:Http:MaxRequestBodyBytes must be a whole number of bytes, at least 1024.")]
    [InlineData("MaxRequestBodyBytes", "100", "Recon:Http:MaxRequestBodyBytes must be a whole number of bytes, at least 1024.")]
    [InlineData("KnownProxies", "10.0.0.2,proxy.internal", "Recon:Http:KnownProxies has 'proxy.internal', which is not an IP address (list addresses separated by commas, e.g. 10.0.0.2,10.0.0.3).")]
    [InlineData("KnownNetworks", "10.0.0.0/33", "Recon:Http:KnownNetworks has '10.0.0.0/33', which is not a network in CIDR form (e.g. 10.0.0.0/8).")]
    public void a_bad_value_stops_the_start_naming_the_key(string key, string value, string message)
    {
        Should.Throw<InvalidOperationException>(() => Read((key, value))).Message.ShouldBe(message);
    }
}
