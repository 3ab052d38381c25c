using Marten;
using Npgsql;

namespace Recon.Api.Infrastructure;

/// <summary>
/// PostgreSQL advisory locks held until the transaction ends: what serialises work that must not run twice at once
/// across requests and processes (a period's run requests, a period's uploads of one kind) without an in-memory flag.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits for the lock named <paramref name="key"/> inside the connection's open transaction.</summary>
    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = StoreSql.Command(connection, "select pg_advisory_xact_lock(hashtextextended($1, 0))", [key], transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Starts the session's transaction (its later reads go through it) and waits for the lock in it.</summary>
    public static async Task LockAsync(IDocumentSession session, string key, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await LockAsync(session.Connection!, null, key, cancellationToken);
    }

    public static string RunRequests(Guid periodId) => $"recon:runs:{periodId:N}";

    public static string Uploads(Guid periodId, string recordKind) => $"recon:uploads:{periodId:N}:{recordKind}";
}
