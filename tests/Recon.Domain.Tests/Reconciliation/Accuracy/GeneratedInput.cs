using System.Globalization;
using Recon.DataGenerator;
using Recon.Domain.Ingestion;
using Recon.Domain.Normalization;
using Recon.Domain.Periods;
using Recon.Domain.Reconciliation;

namespace Recon.Domain.Tests.Reconciliation.Accuracy;

/// <summary>
/// Turns a generated month into the engine's input exactly as ingestion would: the rows as the CSV reader gives them
/// (every value a string, as written), normalized by the real <see cref="RowNormalizer"/> with a site registry built
/// from the client's jobs (code → name), as the API builds it.
/// </summary>
public static class GeneratedInput
{
    private static readonly Guid ClientBatch = new("6f1f0c8e-0b0e-4a55-9d37-1c1a3f0e9a01");
    private static readonly Guid LedgerBatch = new("6f1f0c8e-0b0e-4a55-9d37-1c1a3f0e9a02");

    public static ReconciliationInput From(GeneratedMonth month, RuleConfiguration? rules = null, IReadOnlyList<MonthlyRate>? history = null)
    {
        ArgumentNullException.ThrowIfNull(month);
        var jobRows = month.Jobs.Select((job, i) => new ClientJobRow(
            i + 2,
            job.JobId,
            job.ClientId,
            job.SiteCode,
            job.SiteName,
            job.ServiceType,
            job.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            job.Quantity.ToString(CultureInfo.InvariantCulture),
            job.UnitRate.ToString(CultureInfo.InvariantCulture),
            job.Amount.ToString(CultureInfo.InvariantCulture),
            job.Currency,
            job.Status,
            job.PoNumber ?? string.Empty)).ToList();

        var namesByCode = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in jobRows)
        {
            namesByCode[row.SiteCode!] = row.SiteName!;
        }

        var normalizer = new RowNormalizer(new SiteRegistry(namesByCode.Select(site => new Site(site.Key, site.Value, []))), ServiceCatalog.Default);
        var validator = new ClientJobRowValidator(month.Options.ClientId);
        var jobs = jobRows.Select(row => Accept(normalizer.Normalize(row, validator, ClientBatch, "client-jobs.csv"))).ToList();
        var lines = month.LedgerRows().Select((row, i) => Accept(normalizer.Normalize(
            new LedgerLineRow(i + 2, row.InvoiceNumber, row.LineNo, row.JobRef, row.CustomerSite, row.Description, row.ServiceDate, row.Qty, row.UnitPrice, row.LineTotal, row.Currency, row.PostedDate),
            LedgerBatch,
            "ledger-lines.csv"))).ToList();

        return new ReconciliationInput(ReconciliationMonth.Parse(month.Options.Month), jobs, lines, rules ?? RuleConfiguration.Default, history ?? []);
    }

    private static T Accept<T>(RowOutcome<T> outcome)
        where T : class =>
        outcome.Record ?? throw new InvalidOperationException($"A generated row was rejected: {string.Join("; ", outcome.Rejected!.Errors.Select(error => $"{error.Field} {error.Message}"))}");
}
