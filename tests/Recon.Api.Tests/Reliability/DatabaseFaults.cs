using Marten;
using Npgsql;

namespace Recon.Api.Tests.Reliability;

/// <summary>
/// Real database faults for the fault tests: a table held locked from another connection, so that a write to it
/// waits where the test wants it, and <c>pg_terminate_backend</c> of whatever backend waits on it — the dropped
/// connection an operator's failover or a restarted PostgreSQL causes (SQLSTATE 57P01).
/// </summary>
public sealed class DatabaseFaults : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _lock;
    private readonly string _table;
    private bool _released;

    private DatabaseFaults(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        _connection = connection;
        _lock = transaction;
        _table = table;
    }

    /// <summary>How many backends were terminated.</summary>
    public int Terminated { get; private set; }

    /// <summary>Holds an exclusive lock on the table of <typeparamref name="TDocument"/> until released.</summary>
    public static Task<DatabaseFaults> LockTableOfAsync<TDocument>(IDocumentStore store) =>
        LockTableAsync(store, store.Options.FindOrResolveDocumentType(typeof(TDocument)).TableName.QualifiedName);

    /// <summary>Holds an exclusive lock (reads go on, writes wait) on the table until released.</summary>
    public static async Task<DatabaseFaults> LockTableAsync(IDocumentStore store, string table)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"lock table {table} in exclusive mode", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new DatabaseFaults(connection, transaction, table);
    }

    /// <summary>Waits until a backend is blocked on the locked table, then terminates it.</summary>
    public async Task TerminateNextWaiterAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new NpgsqlCommand(
                """
                select pg_terminate_backend(l.pid)
                from pg_locks l
                where l.relation = $1::regclass and not l.granted and l.pid <> pg_backend_pid()
                """,
                _connection,
                _lock);
            command.Parameters.Add(new NpgsqlParameter { Value = _table });
            await using var reader = await command.ExecuteReaderAsync();
            var killed = 0;
            while (await reader.ReadAsync())
            {
                killed += reader.GetBoolean(0) ? 1 : 0;
            }

            if (killed > 0)
            {
                Terminated += killed;
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No backend waited on {_table} within {timeout}.");
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
