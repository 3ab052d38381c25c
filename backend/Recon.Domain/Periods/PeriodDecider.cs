using System.Security.Cryptography;
using System.Text;

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
        NameBasedGuid(PeriodNamespace, $"{clientId.Value}|{month}");

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

    private static Guid NameBasedGuid(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for v5 ids; it is an identifier, not a security control.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
