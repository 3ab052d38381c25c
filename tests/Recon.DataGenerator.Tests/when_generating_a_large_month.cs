using System.Diagnostics;

namespace Recon.DataGenerator.Tests;

public class when_generating_a_large_month
{
    [Theory]
    [InlineData(GeneratorWorld.Classic)]
    [InlineData(GeneratorWorld.Foreign)]
    public void a_hundred_thousand_jobs_generate_and_stream_in_a_few_seconds(GeneratorWorld world)
    {
        var clock = Stopwatch.StartNew();
        var month = MonthGenerator.Generate(new GeneratorOptions { JobCount = 100_000, Seed = 3, Noise = NoiseLevel.High, World = world });
        using var sink = new CountingWriter();
        month.WriteClientJobsCsv(sink);
        month.WriteLedgerCsv(sink);
        clock.Stop();

        month.Jobs.Count.ShouldBe(100_000);
        month.LedgerLines.Count.ShouldBeGreaterThan(100_000);
        sink.Characters.ShouldBeGreaterThan(20_000_000);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15)); // about 1–2 s on a developer machine; generous for CI
    }

    /// <summary>Counts what is written and keeps nothing: proves the CSVs stream.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Characters { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Characters++;

        public override void Write(string? value) => Characters += value?.Length ?? 0;
    }
}
