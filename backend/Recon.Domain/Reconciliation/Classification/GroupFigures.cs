using Recon.Domain.Ingestion;

namespace Recon.Domain.Reconciliation.Classification;

/// <summary>
/// A group's amounts and differences. The client side counts completed jobs only; the ledger side every line (credits
/// negative). <see cref="UnitRateDifference"/> compares the line's unit price with the job's unit rate for a 1:1 group,
/// and otherwise the two sides' effective rates (total over quantity, 4 decimals; 0 when a side has no quantity).
/// </summary>
public sealed record GroupFigures(
    decimal ClientAmount,
    decimal LedgerAmount,
    decimal Difference,
    decimal? DifferencePercent,
    decimal ClientQuantity,
    decimal LedgerQuantity,
    decimal QuantityDifference,
    decimal UnitRateDifference)
{
    public static GroupFigures Of(IReadOnlyList<ClientJobRecord> jobs, IReadOnlyList<LedgerLineRecord> lines)
    {
        var billable = jobs.Where(job => job.IsBillable).ToList();
        var clientAmount = billable.Sum(job => job.Amount.Amount);
        var ledgerAmount = lines.Sum(line => line.LineTotal.Amount);
        var clientQuantity = billable.Sum(job => job.Quantity);
        var ledgerQuantity = lines.Sum(line => line.Quantity);
        var difference = ledgerAmount - clientAmount;
        decimal? percent = clientAmount == 0m ? null : Math.Round(difference / clientAmount * 100m, 2, MidpointRounding.AwayFromZero);
        var rateDifference = jobs.Count == 1 && lines.Count == 1
            ? lines[0].UnitPrice - jobs[0].UnitRate
            : EffectiveRate(ledgerAmount, ledgerQuantity) is { } ledgerRate && EffectiveRate(clientAmount, clientQuantity) is { } clientRate
                ? Math.Round(ledgerRate - clientRate, 4, MidpointRounding.AwayFromZero)
                : 0m;
        return new GroupFigures(clientAmount, ledgerAmount, difference, percent, clientQuantity, ledgerQuantity, ledgerQuantity - clientQuantity, rateDifference);
    }

    private static decimal? EffectiveRate(decimal amount, decimal quantity) => quantity == 0m ? null : amount / quantity;
}
