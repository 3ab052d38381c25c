using System.Globalization;
using FluentValidation;
using Recon.Domain.Normalization;

namespace Recon.Domain.Ingestion;

/// <summary>The outcome of one row: a normalized record, or the reasons it was rejected.</summary>
public sealed record RowOutcome<TRecord>(TRecord? Record, RejectedRow? Rejected)
    where TRecord : class;

/// <summary>
/// Checks and normalizes rows: validation first (every problem of the row reported, by column), then the messy forms
/// turned into canonical values — dates, amounts, currencies, job references, sites, service types — keeping the raw
/// values and the lineage beside them.
/// </summary>
public sealed class RowNormalizer(SiteRegistry sites, ServiceCatalog services)
{
    private static readonly LedgerLineRowValidator LedgerValidator = new();

    public RowOutcome<LedgerLineRecord> Normalize(LedgerLineRow row, Guid batchId, string fileName)
    {
        var rejected = Check(LedgerValidator, row, row.Line, row.RawValues());
        if (rejected is not null)
        {
            return new RowOutcome<LedgerLineRecord>(null, rejected);
        }

        // The validator has checked every value below, so parsing cannot fail here.
        DateOnly? postedDate = string.IsNullOrWhiteSpace(row.PostedDate) ? null : DateNormalizer.Parse(row.PostedDate);
        var invoice = TextKey.Tidy(row.InvoiceNumber);
        var lineNo = int.Parse(row.LineNo!.Trim(), CultureInfo.InvariantCulture);
        var site = sites.Resolve(null, row.CustomerSite);

        return new RowOutcome<LedgerLineRecord>(
            new LedgerLineRecord(
                $"{invoice}/{lineNo}",
                invoice,
                lineNo,
                string.IsNullOrWhiteSpace(row.JobRef) ? null : TextKey.Tidy(row.JobRef),
                JobReference.CanonicalOrNull(row.JobRef),
                TextKey.Tidy(row.CustomerSite),
                site.Site?.Code,
                TextKey.Tidy(row.Description),
                services.Resolve(row.Description).Service?.Name,
                DateNormalizer.Parse(row.ServiceDate),
                MoneyParser.ParseAmount(row.Qty),
                MoneyParser.ParseAmount(row.UnitPrice),
                new Money(MoneyParser.ParseAmount(row.LineTotal), Currencies.Normalize(row.Currency)),
                postedDate,
                row.RawValues(),
                new RecordLineage(batchId, fileName, row.Line)),
            null);
    }

    public RowOutcome<ClientJobRecord> Normalize(ClientJobRow row, ClientJobRowValidator validator, Guid batchId, string fileName)
    {
        var rejected = Check(validator, row, row.Line, row.RawValues());
        if (rejected is not null)
        {
            return new RowOutcome<ClientJobRecord>(null, rejected);
        }

        var siteCode = string.IsNullOrWhiteSpace(row.SiteCode) ? null : row.SiteCode.Trim();
        var site = sites.Resolve(siteCode, row.SiteName);

        return new RowOutcome<ClientJobRecord>(
            new ClientJobRecord(
                TextKey.Tidy(row.JobId),
                row.ClientId!.Trim().ToLowerInvariant(),
                siteCode,
                TextKey.Tidy(row.SiteName),
                site.Site?.Code ?? siteCode,
                TextKey.Tidy(row.ServiceType),
                services.Resolve(row.ServiceType).Service?.Name,
                DateNormalizer.ParseIso(row.ServiceDate),
                MoneyParser.ParseAmount(row.Quantity),
                MoneyParser.ParseAmount(row.UnitRate),
                new Money(MoneyParser.ParseAmount(row.Amount), Currencies.Normalize(row.Currency)),
                ClientJobRowValidator.ParseStatus(row.Status),
                string.IsNullOrWhiteSpace(row.PoNumber) ? null : TextKey.Tidy(row.PoNumber),
                row.RawValues(),
                new RecordLineage(batchId, fileName, row.Line)),
            null);
    }

    private static RejectedRow? Check<TRow>(IValidator<TRow> validator, TRow row, long line, IReadOnlyDictionary<string, string> raw)
    {
        var result = validator.Validate(row);
        return result.IsValid
            ? null
            : new RejectedRow(line, result.Errors.Select(error => new RowError(line, error.PropertyName, error.ErrorMessage)).ToList(), raw);
    }
}
