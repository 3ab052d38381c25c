using System.Globalization;
using System.Text.Json;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator.Tests;

public class when_writing_the_client_jobs
{
    private static readonly GeneratedMonth Month = Months.Get(NoiseLevel.Medium);

    [Fact]
    public void the_csv_header_is_exactly_the_client_export_header()
    {
        var csv = Month.ClientJobsCsv();

        csv.ShouldStartWith("job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email\n");
        csv.ShouldNotContain("\r");
        csv[0].ShouldNotBe('\uFEFF');
    }

    [Fact]
    public void every_csv_row_reads_back_as_its_job()
    {
        var (header, records) = Months.ReadCsv(Month.ClientJobsCsv());
        records.Count.ShouldBe(Month.Jobs.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var job = Month.Jobs[i];
            records[i].ShouldBe(
            [
                job.JobId, job.ClientId, job.SiteCode, job.SiteName, job.ServiceType, job.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                job.Quantity.ToString(CultureInfo.InvariantCulture), job.UnitRate.ToString(CultureInfo.InvariantCulture),
                job.Amount.ToString(CultureInfo.InvariantCulture), job.Currency, job.Status, job.PoNumber ?? "", job.ContactEmail,
            ]);
        }

        header.Length.ShouldBe(13);
    }

    [Fact]
    public void every_csv_row_passes_recons_validation_and_normalization()
    {
        var (header, records) = Months.ReadCsv(Month.ClientJobsCsv());
        var map = Months.ClientHeaderMap(header);
        var normalizer = new RowNormalizer(Months.RegistryFromJobs(Month), ServiceCatalog.Default);
        var validator = new ClientJobRowValidator(Months.Client);

        for (var i = 0; i < records.Count; i++)
        {
            var outcome = normalizer.Normalize(ClientJobRow.From(i + 2, map, records[i]), validator, Guid.Empty, "client-jobs.csv");

            outcome.Rejected.ShouldBeNull();
            var job = Month.Jobs[i];
            outcome.Record!.JobId.ShouldBe(job.JobId);
            outcome.Record.CanonicalSiteCode.ShouldBe(job.SiteCode);
            outcome.Record.CanonicalService.ShouldBe(job.ServiceType);
            outcome.Record.Amount.Amount.ShouldBe(job.Amount);
            outcome.Record.Raw.Values.ShouldNotContain(job.ContactEmail);
        }
    }

    [Fact]
    public void the_jobs_are_realistic()
    {
        var jobs = Month.Jobs;
        var sites = jobs.Select(job => job.SiteCode).Distinct().ToList();

        Month.Sites.Count.ShouldBeInRange(15, 40);
        sites.ShouldAllBe(code => System.Text.RegularExpressions.Regex.IsMatch(code, @"^S-\d{3}$"));
        jobs.Select(job => job.JobId).ShouldBe(Enumerable.Range(100001, jobs.Count).Select(n => $"JOB-{n}"));
        jobs.ShouldAllBe(job => ServiceCatalog.Default.Services.Any(service => service.Name == job.ServiceType));
        jobs.ShouldAllBe(job => job.ServiceDate.Year == 2026 && job.ServiceDate.Month == 10);
        jobs.ShouldAllBe(job => job.Amount == Math.Round(job.Quantity * job.UnitRate, 2, MidpointRounding.AwayFromZero));
        jobs.ShouldAllBe(job => job.Amount.Scale == 2 && job.UnitRate.Scale == 2);
        jobs.ShouldAllBe(job => job.ContactEmail.Contains('@'));
        jobs.Count(job => job.Status == JobStatuses.Cancelled).ShouldBe(30); // 3%
        jobs.Select(job => job.ServiceType).Distinct().Count().ShouldBeGreaterThan(5);
    }

    [Fact]
    public void the_json_holds_exactly_the_client_api_fields_with_numbers_as_numbers()
    {
        using var document = JsonDocument.Parse(Month.ClientJobsJson());
        var items = document.RootElement.EnumerateArray().ToList();
        items.Count.ShouldBe(Month.Jobs.Count);

        var first = items[0];
        first.EnumerateObject().Select(property => property.Name).ShouldBe(
        [
            "jobId", "clientId", "siteCode", "siteName", "serviceType", "serviceDate", "quantity", "unitRate", "amount", "currency",
            "status", "poNumber", "contactEmail",
        ]);
        first.GetProperty("amount").ValueKind.ShouldBe(JsonValueKind.Number);
        first.GetProperty("serviceDate").GetString().ShouldBe(Month.Jobs[0].ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        for (var i = 0; i < items.Count; i++)
        {
            items[i].GetProperty("amount").GetDecimal().ShouldBe(Month.Jobs[i].Amount);
            items[i].GetProperty("contactEmail").GetString().ShouldBe(Month.Jobs[i].ContactEmail);
        }
    }
}
