using System.Globalization;
using FluentValidation;
using Recon.Domain.Normalization;

namespace Recon.Domain.Ingestion;

/// <summary>An ERP invoice line as read from the CSV: every value still a string.</summary>
public sealed record LedgerLineRow(
    long Line,
    string? InvoiceNumber,
    string? LineNo,
    string? JobRef,
    string? CustomerSite,
    string? Description,
    string? ServiceDate,
    string? Qty,
    string? UnitPrice,
    string? LineTotal,
    string? Currency,
    string? PostedDate)
{
    public static LedgerLineRow From(long line, HeaderMap map, IReadOnlyList<string> fields) => new(
        line,
        map.Value(fields, "invoice_number"),
        map.Value(fields, "line_no"),
        map.Value(fields, "job_ref"),
        map.Value(fields, "customer_site"),
        map.Value(fields, "description"),
        map.Value(fields, "service_date"),
        map.Value(fields, "qty"),
        map.Value(fields, "unit_price"),
        map.Value(fields, "line_total"),
        map.Value(fields, "currency"),
        map.Value(fields, "posted_date"));

    public IReadOnlyDictionary<string, string> RawValues() => RawFields.Of(
        ("invoice_number", InvoiceNumber), ("line_no", LineNo), ("job_ref", JobRef), ("customer_site", CustomerSite),
        ("description", Description), ("service_date", ServiceDate), ("qty", Qty), ("unit_price", UnitPrice),
        ("line_total", LineTotal), ("currency", Currency), ("posted_date", PostedDate));
}

public sealed class LedgerLineRowValidator : AbstractValidator<LedgerLineRow>
{
    /// <param name="dates">How the ERP writes numeric dates.</param>
    public LedgerLineRowValidator(DateOrder dates = DateOrder.MonthFirst)
    {
        Dates = dates;
        RuleFor(row => row.InvoiceNumber).NotEmpty().WithMessage("is required").OverridePropertyName("invoice_number");
        RuleFor(row => row.LineNo)
            .Must(value => int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            .WithMessage(row => $"'{row.LineNo}' is not a positive whole number").OverridePropertyName("line_no");
        RuleFor(row => row.CustomerSite).NotEmpty().WithMessage("is required").OverridePropertyName("customer_site");
        RuleFor(row => row.Description).NotEmpty().WithMessage("is required").OverridePropertyName("description");
        RuleFor(row => row.ServiceDate).Must(value => DateNormalizer.TryParse(value, dates, out _))
            .WithMessage(row => $"'{row.ServiceDate}' is not a date ({DateNormalizer.Describe(dates)})").OverridePropertyName("service_date");
        RuleFor(row => row.Qty).Must(value => MoneyParser.TryParseAmount(value, out _))
            .WithMessage(row => $"'{row.Qty}' is not a number").OverridePropertyName("qty");
        RuleFor(row => row.UnitPrice).Must(value => MoneyParser.TryParseAmount(value, out _))
            .WithMessage(row => $"'{row.UnitPrice}' is not an amount").OverridePropertyName("unit_price");
        RuleFor(row => row.LineTotal).Must(value => MoneyParser.TryParseAmount(value, out _))
            .WithMessage(row => $"'{row.LineTotal}' is not an amount").OverridePropertyName("line_total");
        RuleFor(row => row.Currency).Must(value => Currencies.TryNormalize(value, out _))
            .WithMessage(row => $"'{row.Currency}' is not an ISO 4217 currency code").OverridePropertyName("currency");
        RuleFor(row => row.PostedDate).Must(value => string.IsNullOrWhiteSpace(value) || DateNormalizer.TryParse(value, dates, out _))
            .WithMessage(row => $"'{row.PostedDate}' is not a date").OverridePropertyName("posted_date");
    }

    /// <summary>How the ERP writes numeric dates.</summary>
    public DateOrder Dates { get; }
}
