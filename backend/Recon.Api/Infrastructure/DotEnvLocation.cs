namespace Recon.Api.Infrastructure;

public static class DotEnvLocation
{
    /// <summary>
    /// The <c>.env</c> to read: <c>RECON_ENV_FILE</c> when set, else the first <c>.env</c> found in the working
    /// directory, the content root, or the repository root above it.
    /// </summary>
    public static string? Find(string contentRoot)
    {
        var explicitFile = Environment.GetEnvironmentVariable("RECON_ENV_FILE");
        if (!string.IsNullOrWhiteSpace(explicitFile))
        {
            return File.Exists(explicitFile)
                ? explicitFile
                : throw new FileNotFoundException($"RECON_ENV_FILE points to '{explicitFile}', which does not exist.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), contentRoot })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".env");
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                if (Directory.Exists(Path.Combine(dir.FullName, ".git")))
                {
                    break;
                }
            }
        }

        return null;
    }
}
