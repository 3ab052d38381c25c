using System.Collections.Concurrent;
using System.Text;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator.Tests;

/// <summary>Generated months shared by the tests (generation is pure, so sharing cannot couple them), and CSV reading.</summary>
public static class Months
{
    public const string Client = "northwind-facilities";

    private static readonly ConcurrentDictionary<GeneratorOptions, Lazy<GeneratedMonth>> Cache = new();

    public static GeneratedMonth Get(NoiseLevel noise, int jobs = 1000, int seed = 42, string month = "2026-10") =>
        Get(new GeneratorOptions { ClientId = Client, Month = month, JobCount = jobs, Seed = seed, Noise = noise });

    /// <summary>A month of the foreign world (its own vocabulary; never read it with <see cref="ServiceCatalog.Default"/>).</summary>
    public static GeneratedMonth Foreign(NoiseLevel noise, int jobs = 3000, int seed = 42, string month = "2026-10") =>
        Get(new GeneratorOptions { ClientId = Client, Month = month, JobCount = jobs, Seed = seed, Noise = noise, World = GeneratorWorld.Foreign });

    public static GeneratedMonth Get(GeneratorOptions options) =>
        Cache.GetOrAdd(options, key => new Lazy<GeneratedMonth>(() => MonthGenerator.Generate(key))).Value;

    /// <summary>
    /// Reads a CSV by RFC 4180 (written here independently of the generator's writer): a leading BOM dropped, CRLF or LF,
    /// quoted fields with commas and doubled quotes. The header row, then each record's fields.
    /// </summary>
    public static (string[] Header, List<string[]> Records) ReadCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        quoted.ShouldBeFalse("the CSV ends inside a quoted field");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        records.ShouldAllBe(record => record.Length == records[0].Length);
        return (records[0], records.Skip(1).ToList());
    }

    /// <summary>The registry Recon would build from the client's jobs: their (site_code, site_name) pairs, nothing more.</summary>
    public static SiteRegistry RegistryFromJobs(GeneratedMonth month) =>
        new(month.Jobs.Select(job => (job.SiteCode, job.SiteName)).Distinct().Select(site => new Site(site.SiteCode, site.SiteName, [])));

    public static HeaderMap LedgerHeaderMap(string[] header) => HeaderMap.Resolve(header, SourceSchema.LedgerLines).Map!;

    public static HeaderMap ClientHeaderMap(string[] header) => HeaderMap.Resolve(header, SourceSchema.ClientJobs).Map!;
}
