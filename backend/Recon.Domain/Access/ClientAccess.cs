using Recon.Domain.Periods;

namespace Recon.Domain.Access;

/// <summary>
/// Which clients' data a user may see and act on: every client (the default, so accounts created before client
/// scoping keep working), or only the listed ones (canonical client ids, sorted, without duplicates).
/// </summary>
public sealed record ClientAccess(bool AllClients, IReadOnlyList<string> ClientIds)
{
    public static ClientAccess All { get; } = new(true, []);

    /// <summary>Limits to these clients; ids are parsed as <see cref="ClientId"/> (so "ACME" and "acme" are one client).</summary>
    public static ClientAccess Only(IEnumerable<string> clientIds) =>
        new(false, clientIds.Select(id => ClientId.Parse(id).Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    public bool Allows(string clientId) => AllClients || ClientIds.Contains(clientId, StringComparer.Ordinal);

    public bool Equals(ClientAccess? other) =>
        other is not null && AllClients == other.AllClients && ClientIds.SequenceEqual(other.ClientIds, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(AllClients, ClientIds.Count);
}
