using Microsoft.Extensions.FileProviders;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Serves the built React SPA (the folder named by <c>Recon:Spa:RootPath</c>) at <c>/</c>, with client-side
/// routes falling back to <c>index.html</c>. API, health and Swagger paths never fall back.
/// </summary>
public static partial class SpaHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/swagger"];

    public static WebApplication UseReconSpa(this WebApplication app)
    {
        var configured = app.Configuration["Recon:Spa:RootPath"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            LogNoSpa(app.Logger);
            return app;
        }

        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            LogSpaMissing(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallback(async context =>
        {
            if (ServerPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await Results.Problem(statusCode: 404, title: "Not found", detail: $"No resource at {context.Request.Path}.").ExecuteAsync(context);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
        LogServingSpa(app.Logger, root);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SPA configured (Recon:Spa:RootPath is empty): serving the API only")]
    private static partial void LogNoSpa(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SPA folder {SpaRoot} has no index.html (build the frontend first): serving the API only")]
    private static partial void LogSpaMissing(ILogger logger, string spaRoot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the SPA from {SpaRoot}")]
    private static partial void LogServingSpa(ILogger logger, string spaRoot);
}
