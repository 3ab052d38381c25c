using FluentValidation;
using Recon.Domain.Normalization;

namespace Recon.Domain.Ingestion;

/// <summary>
/// A client job as delivered (CSV row or API item): every value still a string. <c>contact_email</c> is personal data
/// and is never read into this type.
/// </summary>
public sealed record ClientJobRow(
    long Line,
    string? JobId,
    string? ClientId,
    string? SiteCode,
    string? SiteName,
    string? ServiceType,
    string? ServiceDate,
    string? Quantity,
    string? UnitRate,
    string? Amount,
    string? Currency,
    string? Status,
    string? PoNumber)
{
    public static ClientJobRow From(long line, HeaderMap map, IReadOnlyList<string> fields) => new(
        line,
        map.Value(fields, "job_id"),
        map.Value(fields, "client_id"),
        map.Value(fields, "site_code"),
        map.Value(fields, "site_name"),
        map.Value(fields, "service_type"),
        map.Value(fields, "service_date"),
        map.Value(fields, "quantity"),
        map.Value(fields, "unit_rate"),
        map.Value(fields, "amount"),
        map.Value(fields, "currency"),
        map.Value(fields, "status"),
        map.Value(fields, "po_number"));

    public IReadOnlyDictionary<string, string> RawValues() => RawFields.Of(
        ("job_id", JobId), ("client_id", ClientId), ("site_code", SiteCode), ("site_name", SiteName),
        ("service_type", ServiceType), ("service_date", ServiceDate), ("quantity", Quantity), ("unit_rate", UnitRate),
        ("amount", Amount), ("currency", Currency), ("status", Status), ("po_number", PoNumber));
}

public sealed class ClientJobRowValidator : AbstractValidator<ClientJobRow>
{
    /// <param name="periodClientId">The period's client: a row of another client is refused.</param>
    /// <param name="dates">How the source writes numeric dates (the same forms as the ledger's are accepted).</param>
    public ClientJobRowValidator(string periodClientId, DateOrder dates = DateOrder.MonthFirst)
    {
        Dates = dates;
        RuleFor(row => row.JobId).NotEmpty().WithMessage("is required").OverridePropertyName("job_id");
        RuleFor(row => row.ClientId)
            .Must(value => string.Equals(value?.Trim(), periodClientId, StringComparison.OrdinalIgnoreCase))
            .WithMessage(row => $"'{row.ClientId}' is not this period's client ('{periodClientId}')").OverridePropertyName("client_id");
        RuleFor(row => row.SiteName).NotEmpty().WithMessage("is required").OverridePropertyName("site_name");
        RuleFor(row => row.ServiceType).NotEmpty().WithMessage("is required").OverridePropertyName("service_type");
        RuleFor(row => row.ServiceDate).Must(value => DateNormalizer.TryParse(value, dates, out _))
            .WithMessage(row => $"'{row.ServiceDate}' is not a date ({DateNormalizer.Describe(dates)})").OverridePropertyName("service_date");
        RuleFor(row => row.Quantity).Must(value => MoneyParser.TryParseAmount(value, out var q) && q >= 0)
            .WithMessage(row => $"'{row.Quantity}' is not a non-negative number").OverridePropertyName("quantity");
        RuleFor(row => row.UnitRate).Must(value => MoneyParser.TryParseAmount(value, out _))
            .WithMessage(row => $"'{row.UnitRate}' is not an amount").OverridePropertyName("unit_rate");
        RuleFor(row => row.Amount).Must(value => MoneyParser.TryParseAmount(value, out _))
            .WithMessage(row => $"'{row.Amount}' is not an amount").OverridePropertyName("amount");
        RuleFor(row => row.Currency).Must(value => Currencies.TryNormalize(value, out _))
            .WithMessage(row => $"'{row.Currency}' is not an ISO 4217 currency code").OverridePropertyName("currency");
        RuleFor(row => row.Status).Must(value => TryParseStatus(value, out _))
            .WithMessage(row => $"'{row.Status}' is not a status (completed or cancelled)").OverridePropertyName("status");
    }

    /// <summary>How this source writes numeric dates.</summary>
    public DateOrder Dates { get; }

    public static JobStatus ParseStatus(string? value) =>
        TryParseStatus(value, out var status) ? status : throw new FormatException($"'{value}' is not a job status.");

    public static bool TryParseStatus(string? value, out JobStatus status)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "completed":
                status = JobStatus.Completed;
                return true;
            case "cancelled" or "canceled":
                status = JobStatus.Cancelled;
                return true;
            default:
                status = default;
                return false;
        }
    }
}

internal static class RawFields
{
    public static IReadOnlyDictionary<string, string> Of(params (string Name, string? Value)[] fields) =>
        fields.Where(field => field.Value is not null).ToDictionary(field => field.Name, field => field.Value!, StringComparer.Ordinal);
}
