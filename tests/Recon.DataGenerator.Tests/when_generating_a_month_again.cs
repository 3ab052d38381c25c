namespace Recon.DataGenerator.Tests;

public class when_generating_a_month_again
{
    private static readonly GeneratorOptions Options = new() { ClientId = "acme", Month = "2026-10", JobCount = 800, Seed = 7, Noise = NoiseLevel.High };

    [Fact]
    public void the_same_options_give_byte_identical_outputs()
    {
        var first = MonthGenerator.Generate(Options);
        var second = MonthGenerator.Generate(Options with { });

        second.ClientJobsCsv().ShouldBe(first.ClientJobsCsv());
        second.ClientJobsJson().ShouldBe(first.ClientJobsJson());
        second.LedgerCsv().ShouldBe(first.LedgerCsv());
        second.GroundTruthJson().ShouldBe(first.GroundTruthJson());
    }

    [Fact]
    public void another_seed_gives_other_data()
    {
        var first = MonthGenerator.Generate(Options);
        var other = MonthGenerator.Generate(Options with { Seed = 8 });

        other.ClientJobsCsv().ShouldNotBe(first.ClientJobsCsv());
        other.LedgerCsv().ShouldNotBe(first.LedgerCsv());
        other.Sites.Select(site => site.Name).ShouldNotBe(first.Sites.Select(site => site.Name));
    }

    [Fact]
    public void another_client_or_month_gives_other_data()
    {
        var first = MonthGenerator.Generate(Options);

        MonthGenerator.Generate(Options with { ClientId = "globex" }).ClientJobsCsv().ShouldNotBe(first.ClientJobsCsv());
        MonthGenerator.Generate(Options with { Month = "2026-11" }).ClientJobsCsv().ShouldNotBe(first.ClientJobsCsv());
    }

    [Fact]
    public async Task streaming_writes_exactly_what_the_string_forms_hold()
    {
        var month = MonthGenerator.Generate(Options);
        using var ledger = new StringWriter();
        using var jobs = new StringWriter();
        using var ledgerAsync = new StringWriter();
        using var jobsAsync = new StringWriter();

        month.WriteLedgerCsv(ledger);
        month.WriteClientJobsCsv(jobs);
        await month.WriteLedgerCsvAsync(ledgerAsync);
        await month.WriteClientJobsCsvAsync(jobsAsync);

        ledger.ToString().ShouldBe(month.LedgerCsv());
        ledgerAsync.ToString().ShouldBe(month.LedgerCsv());
        jobs.ToString().ShouldBe(month.ClientJobsCsv());
        jobsAsync.ToString().ShouldBe(month.ClientJobsCsv());
    }

    [Fact]
    public void rendering_a_ledger_line_depends_only_on_the_month_and_its_index()
    {
        var month = MonthGenerator.Generate(Options);
        var all = month.LedgerRows().ToList();

        month.Render(all.Count - 1).ShouldBe(all[^1]);
        month.Render(3).ShouldBe(all[3]);
    }
}

public class when_the_options_are_invalid
{
    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("Oct 2026")]
    [InlineData("1999-12")]
    public void a_bad_month_is_refused(string month)
    {
        var options = new GeneratorOptions { Month = month };

        options.Validate().ShouldNotBeNull();
        Should.Throw<ArgumentException>(() => MonthGenerator.Generate(options));
    }

    [Fact]
    public void a_negative_job_count_or_a_bad_currency_is_refused()
    {
        new GeneratorOptions { JobCount = -1 }.Validate().ShouldNotBeNull();
        new GeneratorOptions { Currency = "usd" }.Validate().ShouldNotBeNull();
        new GeneratorOptions { ClientId = "two words" }.Validate().ShouldNotBeNull();
    }

    [Fact]
    public void an_empty_month_is_still_a_valid_month()
    {
        var month = MonthGenerator.Generate(new GeneratorOptions { JobCount = 0 });

        month.Jobs.ShouldBeEmpty();
        month.LedgerLines.ShouldBeEmpty();
        month.LedgerCsv().ShouldBe("\uFEFF" + GeneratedMonth.LedgerCsvHeader + "\r\n");
        month.GroundTruth.Totals.Variance.ShouldBe(0m);
    }
}
