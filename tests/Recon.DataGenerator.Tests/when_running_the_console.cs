using System.Text;

namespace Recon.DataGenerator.Tests;

public sealed class when_running_the_console : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "recon-gen-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void it_writes_the_four_files_and_prints_one_summary_line()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = GeneratorCli.Run(
            ["--client", "northwind-facilities", "--month", "2026-10", "--jobs", "300", "--seed", "42", "--noise", "medium", "--out", _out], output, error);

        code.ShouldBe(0, error.ToString());
        output.ToString().TrimEnd('\n').ShouldNotContain('\n');
        output.ToString().ShouldContain("300 jobs");
        var month = MonthGenerator.Generate(new GeneratorOptions { ClientId = "northwind-facilities", Month = "2026-10", JobCount = 300, Seed = 42, Noise = NoiseLevel.Medium });
        File.ReadAllBytes(Path.Combine(_out, "ledger-lines.csv")).ShouldBe(Encoding.UTF8.GetBytes(month.LedgerCsv()));
        File.ReadAllBytes(Path.Combine(_out, "client-jobs.csv")).ShouldBe(Encoding.UTF8.GetBytes(month.ClientJobsCsv()));
        File.ReadAllText(Path.Combine(_out, "client-jobs.json")).ShouldBe(month.ClientJobsJson());
        File.ReadAllText(Path.Combine(_out, "ground-truth.json")).ShouldBe(month.GroundTruthJson());
        File.ReadAllBytes(Path.Combine(_out, "ledger-lines.csv"))[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
    }

    [Theory]
    [InlineData("--month", "2026-10")]
    [InlineData("--out", "x", "--noise", "extreme")]
    [InlineData("--out", "x", "--jobs", "many")]
    [InlineData("--out", "x", "--month", "2026-13")]
    [InlineData("--out", "x", "--colour", "red")]
    public void bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        GeneratorCli.Run(args, output, error).ShouldBe(2);
        error.ToString().ShouldContain("usage:");
    }
}
