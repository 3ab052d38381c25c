using Marten;
using Npgsql;

namespace Recon.Api.Tests.Reliability;

/// <summary>
/// Real database faults for the fault tests: a table held locked from another connection, so that a write to it
/// waits where the test wants it, and <c>pg_terminate_backend</c> of whatever backend waits on it — the dropped
/// connection an operator's failover or a restarted PostgreSQL causes (SQLSTATE 57P01).
/// </summary>
public sealed class HeldLocks : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _lock;
    private readonly string _table;
    private bool _released;

    private HeldLocks(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        _connection = connection;
        _lock = transaction;
        _table = table;
    }

    /// <summary>How many backends were terminated or cancelled.</summary>
    public int Terminated { get; private set; }

    /// <summary>Holds an exclusive lock on the table of <typeparamref name="TDocument"/> until released.</summary>
    public static Task<HeldLocks> LockTableOfAsync<TDocument>(IDocumentStore store) =>
        LockTableAsync(store, store.Options.FindOrResolveDocumentType(typeof(TDocument)).TableName.QualifiedName);

    /// <summary>Holds an exclusive lock (reads go on, writes wait) on the table until released.</summary>
    public static async Task<HeldLocks> LockTableAsync(IDocumentStore store, string table)
    {
        var faults = await OpenAsync(store, table);
        await using (var command = new NpgsqlCommand($"lock table {table} in exclusive mode", faults._connection, faults._lock))
        {
            await command.ExecuteNonQueryAsync();
        }

        return faults;
    }

    /// <summary>Holds the period's ledger-upload turn (the lock every ledger upload of it waits for) until released.</summary>
    public static async Task<HeldLocks> HoldLedgerUploadTurnAsync(IDocumentStore store, Guid periodId)
    {
        var key = Recon.Api.Infrastructure.AdvisoryLocks.Uploads(periodId, Recon.Domain.Ingestion.RecordSource.LedgerLines.ToString());
        var held = await OpenAsync(store, key);
        await Recon.Api.Infrastructure.AdvisoryLocks.LockAsync(held._connection, held._lock, key, CancellationToken.None);
        return held;
    }

    /// <summary>A transaction of its own that holds no lock yet (see <see cref="LockRowsAsync"/>).</summary>
    public static async Task<HeldLocks> OpenAsync(IDocumentStore store, string what = "rows")
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return new HeldLocks(connection, await connection.BeginTransactionAsync(), what);
    }

    /// <summary>Waits until a backend is blocked by this connection's locks, then terminates it (57P01, transient).</summary>
    public Task TerminateNextWaiterAsync(TimeSpan timeout) => InterruptNextWaiterAsync("pg_terminate_backend", timeout);

    /// <summary>Waits until a backend is blocked by this connection's locks, then cancels its statement (57014, not transient).</summary>
    public Task CancelNextWaiterAsync(TimeSpan timeout) => InterruptNextWaiterAsync("pg_cancel_backend", timeout);

    /// <summary>Also holds the rows of the table that match the condition (<c>for update</c>): writes to them wait.</summary>
    public async Task LockRowsAsync(string table, string condition, params object[] parameters)
    {
        await using var command = new NpgsqlCommand($"select 1 from {table} where {condition} for update", _connection, _lock);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task InterruptNextWaiterAsync(string function, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var waiting = await BlockedPidsAsync();
            if (waiting.Count > 0)
            {
                foreach (var pid in waiting)
                {
                    await using var interrupt = new NpgsqlCommand($"select {function}($1)", _connection, _lock);
                    interrupt.Parameters.Add(new NpgsqlParameter { Value = pid });
                    await interrupt.ExecuteNonQueryAsync();
                }

                // Until the interrupted statements are gone, they would be counted again as new waiters.
                while ((await BlockedPidsAsync()).Intersect(waiting).Any())
                {
                    await Task.Delay(20);
                }

                Terminated += waiting.Count;
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No backend waited on the locks held on {_table} within {timeout}.");
    }

    private async Task<List<int>> BlockedPidsAsync()
    {
        // Waiting on a table this connection locked, or blocked by it in any other way (a row it holds).
        await using var command = new NpgsqlCommand(
            """
            select l.pid from pg_locks l where l.relation = to_regclass($1) and not l.granted and l.pid <> pg_backend_pid()
            union
            select a.pid from pg_stat_activity a where pg_backend_pid() = any(pg_blocking_pids(a.pid))
            """,
            _connection,
            _lock);
        command.Parameters.Add(new NpgsqlParameter { Value = _table });
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>Releases the lock (the waiting writes go on); safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await _lock.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
