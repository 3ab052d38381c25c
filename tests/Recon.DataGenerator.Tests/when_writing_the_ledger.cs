using System.Text.RegularExpressions;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator.Tests;

public class when_writing_the_ledger
{
    public static TheoryData<NoiseLevel, int> NoisyMonths => new()
    {
        { NoiseLevel.Low, 42 },
        { NoiseLevel.Medium, 42 },
        { NoiseLevel.High, 42 },
        { NoiseLevel.High, 2027 },
    };

    [Fact]
    public void the_export_has_the_exact_header_a_bom_and_crlf_line_endings()
    {
        var csv = Months.Get(NoiseLevel.Medium).LedgerCsv();

        csv.ShouldStartWith("\uFEFFinvoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date\r\n");
        csv.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        csv.ShouldEndWith("\r\n");
    }

    [Theory]
    [MemberData(nameof(NoisyMonths))]
    public void every_row_normalizes_to_the_lines_true_values(NoiseLevel noise, int seed)
    {
        var month = Months.Get(noise, jobs: 1000, seed: seed);
        var (header, records) = Months.ReadCsv(month.LedgerCsv());
        var map = Months.LedgerHeaderMap(header);
        var normalizer = new RowNormalizer(Months.RegistryFromJobs(month), ServiceCatalog.Default);
        records.Count.ShouldBe(month.LedgerLines.Count);

        for (var i = 0; i < records.Count; i++)
        {
            var line = month.LedgerLines[i];
            var outcome = normalizer.Normalize(LedgerLineRow.From(i + 2, map, records[i]), Guid.Empty, "ledger-lines.csv");

            outcome.Rejected.ShouldBeNull($"row {i + 2}: {string.Join(",", records[i])}");
            var record = outcome.Record!;
            record.LineId.ShouldBe(line.LineId);
            record.CanonicalSiteCode.ShouldBe(line.SiteCode, $"site '{record.CustomerSite}'");
            record.CanonicalService.ShouldBe(line.ServiceType, $"description '{record.Description}'");
            record.ServiceDate.ShouldBe(line.ServiceDate);
            record.Quantity.ShouldBe(line.Quantity);
            record.UnitPrice.ShouldBe(line.UnitPrice);
            record.LineTotal.ShouldBe(new Money(line.LineTotal, "USD"));
            (record.PostedDate ?? line.PostedDate).ShouldBe(line.PostedDate);
            if (record.JobRef is not null)
            {
                record.CanonicalJobRef.ShouldBe(line.JobRef, $"job_ref '{record.JobRef}'");
            }
        }
    }

    [Fact]
    public void every_messy_site_name_resolves_to_its_true_site_through_the_client_jobs_sites()
    {
        var month = Months.Get(NoiseLevel.High);
        var registry = Months.RegistryFromJobs(month);
        var active = month.Jobs.Select(job => job.SiteCode).ToHashSet();

        foreach (var site in month.Sites.Where(site => active.Contains(site.Code)))
        {
            site.LedgerNames[0].ShouldBe(site.Name);
            site.LedgerNames.Count.ShouldBeGreaterThan(2, site.Name);
            foreach (var name in site.LedgerNames)
            {
                registry.Resolve(null, name).Site?.Code.ShouldBe(site.Code, $"'{name}' for '{site.Name}'");
            }
        }
    }

    [Fact]
    public void the_messy_forms_are_all_there_at_medium_noise()
    {
        var month = Months.Get(NoiseLevel.Medium);
        var csv = month.LedgerCsv();
        var rows = month.LedgerRows().ToList();
        var lines = month.LedgerLines;

        rows.ShouldContain(row => row.JobRef.Length == 0, "blank job_ref");
        rows.ShouldContain(row => Regex.IsMatch(row.JobRef, @"^J\d+$"), "J100234");
        rows.ShouldContain(row => Regex.IsMatch(row.JobRef, @"^ j-\d+ $"), "' j-100234 '");
        rows.ShouldContain(row => Regex.IsMatch(row.JobRef, @"^job #\d+$"), "job #100234");
        rows.ShouldContain(row => Regex.IsMatch(row.JobRef, @"^JOB-\d+$"), "canonical");
        rows.Select((row, i) => (row, line: lines[i])).ShouldContain(x => x.row.CustomerSite != x.line.SiteName && x.row.CustomerSite.All(c => !char.IsUpper(c)), "lower case site");
        rows.Select((row, i) => (row, line: lines[i])).ShouldContain(x => TextKey.Of(x.row.CustomerSite) != TextKey.Of(x.line.SiteName), "abbreviated or misspelled site");
        rows.Select((row, i) => (row, line: lines[i])).ShouldContain(x => x.row.Description != x.line.ServiceType, "service synonym");
        rows.ShouldContain(row => Regex.IsMatch(row.ServiceDate, @"^\d{4}-\d{2}-\d{2}$"), "yyyy-MM-dd");
        rows.ShouldContain(row => Regex.IsMatch(row.ServiceDate, @"^\d{2}/\d{2}/\d{4}$"), "MM/dd/yyyy");
        rows.ShouldContain(row => Regex.IsMatch(row.ServiceDate, @"^\d{2}-[A-Za-z]{3}-\d{4}$"), "dd-MMM-yyyy");
        rows.ShouldContain(row => Regex.IsMatch(row.LineTotal, @"^\$\d{1,3}(,\d{3})+\.\d{2}$"), "$1,250.00");
        rows.ShouldContain(row => row.LineTotal.StartsWith('-'), "-250.00");
        rows.ShouldContain(row => row.LineTotal.StartsWith('('), "(250.00)");
        csv.ShouldContain(",\"$1,", Case.Sensitive, "a quoted field holding a comma");
        Regex.IsMatch(csv, "\"[^\"]*, (October|Oct) 2026\"").ShouldBeTrue("a quoted description holding a comma");
    }

    [Fact]
    public void messiness_grows_with_noise()
    {
        static double Share(GeneratedMonth month, Func<LedgerRow, LedgerLine, bool> messy) =>
            month.LedgerRows().Select((row, i) => messy(row, month.LedgerLines[i])).Count(x => x) / (double)month.LedgerLines.Count;

        static bool Messy(LedgerRow row, LedgerLine line) =>
            row.JobRef != (line.JobRef ?? "") || row.CustomerSite != line.SiteName || row.Description != line.ServiceType || row.LineTotal.Contains('$');

        var low = Share(Months.Get(NoiseLevel.Low), Messy);
        var medium = Share(Months.Get(NoiseLevel.Medium), Messy);
        var high = Share(Months.Get(NoiseLevel.High), Messy);

        low.ShouldBeLessThan(medium);
        medium.ShouldBeLessThan(high);
    }
}
