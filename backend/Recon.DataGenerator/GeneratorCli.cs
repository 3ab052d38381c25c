using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Recon.DataGenerator;

/// <summary>
/// The console entry point: <c>--client ID --month YYYY-MM --jobs N --seed S --noise low|medium|high --world classic|foreign --out DIR</c>.
/// Writes client-jobs.csv, client-jobs.json, ledger-lines.csv and ground-truth.json, and prints one summary line.
/// </summary>
public static class GeneratorCli
{
    public const string Usage =
        "usage: Recon.DataGenerator --out DIR [--client ID] [--month YYYY-MM] [--jobs N] [--seed S] [--noise low|medium|high] [--currency USD] [--world classic|foreign]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(arg => arg is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        if (!TryParse(args, out var options, out var outDir, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var month = MonthGenerator.Generate(options);
        Directory.CreateDirectory(outDir);
        WriteText(Path.Combine(outDir, "client-jobs.csv"), month.WriteClientJobsCsv);
        WriteText(Path.Combine(outDir, "ledger-lines.csv"), month.WriteLedgerCsv);
        WriteBytes(Path.Combine(outDir, "client-jobs.json"), month.WriteClientJobsJson);
        WriteBytes(Path.Combine(outDir, "ground-truth.json"), month.WriteGroundTruthJson);
        clock.Stop();

        output.WriteLine(Summary(month, outDir, clock.Elapsed));
        return 0;
    }

    public static string Summary(GeneratedMonth month, string outDir, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(month);
        var truth = month.GroundTruth;
        var anomalies = string.Join(
            ' ',
            truth.Categories.Where(entry => entry.Key != AnomalyCategory.Exact && entry.Value.Groups > 0)
                .Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Key}={entry.Value.Groups}")));
        var cancelled = month.Jobs.Count(job => !job.IsCompleted);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{truth.ClientId} {truth.Month} seed={truth.Seed} noise={truth.Noise}{(truth.World is null ? "" : " world=" + truth.World)}: {truth.JobCount} jobs ({cancelled} cancelled), {truth.LedgerLineCount} ledger lines; client {truth.Totals.ClientTotal:#,##0.00} {truth.Currency}, ledger {truth.Totals.LedgerTotal:#,##0.00}, variance {truth.Totals.Variance:#,##0.00} ({truth.Totals.VariancePercent:0.00}%); exact={truth.Categories[AnomalyCategory.Exact].Groups} {anomalies} -> {outDir} in {elapsed.TotalMilliseconds:0} ms");
    }

    public static bool TryParse(IReadOnlyList<string> args, out GeneratorOptions options, out string outDir, out string problem)
    {
        options = new GeneratorOptions();
        outDir = string.Empty;
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args, ref i);
            if (value is null)
            {
                problem = $"'{name}' needs a value.";
                return false;
            }

            switch (name)
            {
                case "--client":
                    options = options with { ClientId = value };
                    break;
                case "--month":
                    options = options with { Month = value };
                    break;
                case "--jobs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var jobs):
                    options = options with { JobCount = jobs };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--noise" when GeneratorOptions.TryParseNoise(value, out var noise):
                    options = options with { Noise = noise };
                    break;
                case "--world" when GeneratorOptions.TryParseWorld(value, out var world):
                    options = options with { World = world };
                    break;
                case "--currency":
                    options = options with { Currency = value };
                    break;
                case "--out":
                    outDir = value;
                    break;
                case "--jobs" or "--seed" or "--noise" or "--world":
                    problem = $"'{value}' is not a valid value for {name}.";
                    return false;
                default:
                    problem = $"Unknown option '{name}'.";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(outDir))
        {
            problem = "--out DIR is required.";
            return false;
        }

        problem = options.Validate() ?? string.Empty;
        return problem.Length == 0;
    }

    private static (string Name, string? Value) Split(IReadOnlyList<string> args, ref int i)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            i++;
            return (arg, args[i]);
        }

        return (arg, null);
    }

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        write(writer);
    }

    private static void WriteBytes(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        write(stream);
    }
}
