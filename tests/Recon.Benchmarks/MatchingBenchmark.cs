using System.Diagnostics;
using System.Globalization;
using Recon.DataGenerator;
using Recon.DataGenerator.Scoring;
using Recon.Domain.Reconciliation;
using Recon.Domain.Tests.Reconciliation.Accuracy;

/// <summary>
/// The reconciliation engine alone (`matching` mode): a generated month per noise level, normalized as ingestion does
/// (not timed), then reconciled; prints speed, memory and accuracy against the ground truth.
/// Usage: dotnet run -c Release --project tests/Recon.Benchmarks -- matching [--jobs N] [--seed S]
/// </summary>
internal static class MatchingBenchmark
{
    public static void Run(string[] args)
    {
        var jobs = Option(args, "--jobs", 100_000);
        var seed = Option(args, "--seed", 7);

        // Warm-up (JIT) on a small month, so the figures are a running process's.
        Reconciler.Reconcile(GeneratedInput.From(MonthGenerator.Generate(new GeneratorOptions { JobCount = 2000, Seed = seed + 1 })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reconciliation engine, {jobs:N0} jobs per month, seed {seed}, {Environment.ProcessorCount} cores"));
        Console.WriteLine();
        Console.WriteLine("noise    jobs     lines    seconds  records/s  allocated MB  peak WS MB  precision  recall   category  variance (engine = truth)");
        foreach (var noise in new[] { NoiseLevel.Low, NoiseLevel.Medium, NoiseLevel.High })
        {
            var month = MonthGenerator.Generate(new GeneratorOptions { JobCount = jobs, Seed = seed, Noise = noise });
            var input = GeneratedInput.From(month);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var phases = new PhaseClock(stopwatch);
            var result = Reconciler.Reconcile(input, phases);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
            using var process = Process.GetCurrentProcess();
            var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;

            var score = AccuracyScore.Of(month, EngineGroup.Of(result), EngineTotals.Of(result.Kpis));
            var records = input.Jobs.Count + input.Lines.Count;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{GeneratorOptions.NoiseName(noise),-7}{input.Jobs.Count,8:N0}{input.Lines.Count,10:N0}{seconds,10:N2}{records / seconds,11:N0}{allocatedMb,14:N0}{peakMb,12:N0}{score.LinkPrecision,11:P2}{score.LinkRecall,9:P2}{score.GroupAccuracy,10:P2}  {score.Engine.Variance:N2} = {score.Truth.Variance:N2} {(score.TotalsMatch ? "yes" : "NO")}"));
            Console.WriteLine($"         phases (progress → seconds): {phases}");
        }
    }

    /// <summary>Records when each progress fraction was reported: the time spent per phase.</summary>
    private sealed class PhaseClock(Stopwatch stopwatch) : IProgress<double>
    {
        private readonly List<(double Fraction, double Seconds)> _marks = [];

        public void Report(double value) => _marks.Add((value, stopwatch.Elapsed.TotalSeconds));

        public override string ToString() =>
            string.Join("  ", _marks.Select(mark => string.Create(CultureInfo.InvariantCulture, $"{mark.Fraction:0.00}→{mark.Seconds:0.00}")));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
