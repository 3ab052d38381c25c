using Microsoft.AspNetCore.HttpOverrides;

namespace Recon.Api.Infrastructure;

/// <summary>Registers and orders the HTTP hardening: forwarded headers, security headers, JSON input rules, body limits.</summary>
public static class HttpHardening
{
    public static HttpSettings AddReconHttp(this WebApplicationBuilder builder)
    {
        var settings = HttpSettings.Checked(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.ConfigureHttpJsonOptions(json => JsonInput.Configure(json.SerializerOptions));
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Only the configured proxies are believed: none by default, not even loopback.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // Walk back through every listed proxy of a chain, stopping at the first address that is not one.
            forwarded.ForwardLimit = null;
        });
        return settings;
    }

    /// <summary>First in the pipeline: everything after sees the client's scheme and address, and every response gets the headers.</summary>
    public static WebApplication UseReconHttp(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
