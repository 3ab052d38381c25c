namespace Recon.Domain.Periods;

public sealed record OpenPeriodCommand(ClientId ClientId, ReconciliationMonth Month, string OpenedBy);

public static class PeriodDecider
{
    // RFC 4122 name-based (v5) namespace for period stream ids; fixed forever, changing it would re-key every period.
    private static readonly Guid PeriodNamespace = new("6f1c2a0e-5d4b-4f7a-9a43-3c2d8e7b1f10");

    /// <summary>
    /// A period's id is derived from its client and month, so the event store's unique stream key
    /// is what forbids a second period for the same client and month, even under concurrent requests.
    /// </summary>
    public static Guid PeriodIdFor(ClientId clientId, ReconciliationMonth month) =>
        StableId.NameBased(PeriodNamespace, $"{clientId.Value}|{month}");

    public static Decision<PeriodOpened> Open(Period? existing, OpenPeriodCommand command, DateTimeOffset now)
    {
        if (existing is not null)
        {
            return new Decision<PeriodOpened>.Rejected(new Rejection(
                RejectionKind.Conflict,
                "Period already open",
                $"Client '{command.ClientId}' already has an open period for {command.Month}."));
        }

        var periodId = PeriodIdFor(command.ClientId, command.Month);
        return new Decision<PeriodOpened>.Accepted(
            new PeriodOpened(periodId, command.ClientId.Value, command.Month.ToString(), now, command.OpenedBy));
    }
}
