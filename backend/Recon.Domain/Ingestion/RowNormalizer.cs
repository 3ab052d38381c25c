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
/// <param name="sites">The client's sites, which site names resolve to.</param>
/// <param name="services">The service catalog, which descriptions resolve to.</param>
/// <param name="plausible">When set, rows whose dates or signs cannot be right for the period are rejected.</param>
/// <param name="ledgerDates">How the ERP writes numeric dates.</param>
public sealed class RowNormalizer(SiteRegistry sites, ServiceCatalog services, PlausibleValues? plausible = null, DateOrder ledgerDates = DateOrder.MonthFirst)
{
    private static readonly LedgerLineRowValidator MonthFirstLedger = new(DateOrder.MonthFirst);
    private static readonly LedgerLineRowValidator DayFirstLedger = new(DateOrder.DayFirst);
    private readonly LedgerLineRowValidator _ledgerValidator = ledgerDates == DateOrder.DayFirst ? DayFirstLedger : MonthFirstLedger;

    // A batch names the same few hundred sites and services over and over: resolve each spelling once.
    private readonly Dictionary<(string?, string?), string?> _siteCodes = [];
    private readonly Dictionary<string, string?> _serviceNames = new(StringComparer.Ordinal);

    public RowOutcome<LedgerLineRecord> Normalize(LedgerLineRow row, Guid batchId, string fileName)
    {
        var rejected = Check(_ledgerValidator, row, row.Line, static invalid => invalid.RawValues());
        if (rejected is not null)
        {
            return new RowOutcome<LedgerLineRecord>(null, rejected);
        }

        // The validator has checked every value below, so parsing cannot fail here.
        if (Implausible(row.Line, DateNormalizer.Parse(row.ServiceDate, ledgerDates), "service_date", MoneyParser.ParseAmount(row.Qty), MoneyParser.ParseAmount(row.UnitPrice), MoneyParser.ParseAmount(row.LineTotal), "line_total", row.RawValues) is { } implausible)
        {
            return new RowOutcome<LedgerLineRecord>(null, implausible);
        }

        DateOnly? postedDate = string.IsNullOrWhiteSpace(row.PostedDate) ? null : DateNormalizer.Parse(row.PostedDate, ledgerDates);
        var invoice = TextKey.Tidy(row.InvoiceNumber);
        var lineNo = int.Parse(row.LineNo!.Trim(), CultureInfo.InvariantCulture);

        return new RowOutcome<LedgerLineRecord>(
            new LedgerLineRecord(
                $"{invoice}/{lineNo}",
                invoice,
                lineNo,
                string.IsNullOrWhiteSpace(row.JobRef) ? null : TextKey.Tidy(row.JobRef),
                JobReference.CanonicalOrNull(row.JobRef),
                TextKey.Tidy(row.CustomerSite),
                SiteCode(null, row.CustomerSite),
                TextKey.Tidy(row.Description),
                ServiceName(row.Description),
                DateNormalizer.Parse(row.ServiceDate, ledgerDates),
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
        var rejected = Check(validator, row, row.Line, static invalid => invalid.RawValues());
        if (rejected is not null)
        {
            return new RowOutcome<ClientJobRecord>(null, rejected);
        }

        if (Implausible(row.Line, DateNormalizer.Parse(row.ServiceDate, validator.Dates), "service_date", MoneyParser.ParseAmount(row.Quantity), MoneyParser.ParseAmount(row.UnitRate), MoneyParser.ParseAmount(row.Amount), "amount", row.RawValues) is { } implausible)
        {
            return new RowOutcome<ClientJobRecord>(null, implausible);
        }

        var siteCode = string.IsNullOrWhiteSpace(row.SiteCode) ? null : row.SiteCode.Trim();

        return new RowOutcome<ClientJobRecord>(
            new ClientJobRecord(
                TextKey.Tidy(row.JobId),
                row.ClientId!.Trim().ToLowerInvariant(),
                siteCode,
                TextKey.Tidy(row.SiteName),
                SiteCode(siteCode, row.SiteName) ?? siteCode,
                TextKey.Tidy(row.ServiceType),
                ServiceName(row.ServiceType),
                DateNormalizer.Parse(row.ServiceDate, validator.Dates),
                MoneyParser.ParseAmount(row.Quantity),
                MoneyParser.ParseAmount(row.UnitRate),
                new Money(MoneyParser.ParseAmount(row.Amount), Currencies.Normalize(row.Currency)),
                ClientJobRowValidator.ParseStatus(row.Status),
                string.IsNullOrWhiteSpace(row.PoNumber) ? null : TextKey.Tidy(row.PoNumber),
                row.RawValues(),
                new RecordLineage(batchId, fileName, row.Line)),
            null);
    }

    private string? SiteCode(string? code, string? name)
    {
        if (!_siteCodes.TryGetValue((code, name), out var resolved))
        {
            _siteCodes[(code, name)] = resolved = sites.Resolve(code, name).Site?.Code;
        }

        return resolved;
    }

    private string? ServiceName(string? raw)
    {
        var key = raw ?? string.Empty;
        if (!_serviceNames.TryGetValue(key, out var resolved))
        {
            _serviceNames[key] = resolved = services.Resolve(raw).Service?.Name;
        }

        return resolved;
    }

    private RejectedRow? Implausible(long line, DateOnly serviceDate, string dateField, decimal quantity, decimal rate, decimal total, string totalField, Func<IReadOnlyDictionary<string, string>> raw)
    {
        var errors = plausible?.Check(serviceDate, dateField, quantity, rate, total, totalField).Select(error => new RowError(line, error.Field, error.Message)).ToList();
        return errors is { Count: > 0 } ? new RejectedRow(line, errors, raw()) : null;
    }

    /// <remarks>The raw values are built only for a rejected row: a valid row's record builds its own.</remarks>
    private static RejectedRow? Check<TRow>(IValidator<TRow> validator, TRow row, long line, Func<TRow, IReadOnlyDictionary<string, string>> raw)
    {
        var result = validator.Validate(row);
        return result.IsValid
            ? null
            : new RejectedRow(line, result.Errors.Select(error => new RowError(line, error.PropertyName, error.ErrorMessage)).ToList(), raw(row));
    }
}
