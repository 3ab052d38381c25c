namespace Recon.Api.Ingestion;

/// <summary>
/// Where ASP.NET buffers uploaded files to disk (<c>ASPNETCORE_TEMP</c>): a folder of Recon's own, emptied at start,
/// so the buffers a killed process left behind (tens of MB each) do not pile up in the machine's temp folder.
/// </summary>
public static partial class UploadTempFolder
{
    public const string Setting = "Recon:Ingestion:TempPath";

    public static string Prepare(IConfiguration configuration, ILogger logger)
    {
        var folder = configuration[Setting] is { Length: > 0 } configured ? configured : Path.Combine(Path.GetTempPath(), "recon-uploads");
        Directory.CreateDirectory(folder);
        var swept = 0;
        foreach (var leftover in Directory.EnumerateFiles(folder, "ASPNETCORE_*.tmp"))
        {
            try
            {
                File.Delete(leftover);
                swept++;
            }
            catch (IOException)
            {
                // Still open elsewhere: another instance's upload in flight; its own process removes it.
            }
        }

        if (swept > 0)
        {
            LogSwept(logger, swept, folder);
        }

        // Read by ASP.NET when it first buffers a request body to disk.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", folder);
        return folder;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} upload buffers left in {Folder} by an earlier process")]
    private static partial void LogSwept(ILogger logger, int count, string folder);
}
