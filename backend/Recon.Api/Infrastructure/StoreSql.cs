using Marten;
using Npgsql;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Plain SQL against the store's database, for the few reads that need more than Marten's LINQ (indexed columns,
/// aggregates, the record-version table): one pooled connection, positional parameters <c>$1…</c>, one row mapper.
/// </summary>
public static class StoreSql
{
    public static async Task<List<T>> ReadAsync<T>(
        IQuerySession session, string sql, IReadOnlyList<object> parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IReadOnlyList<object> parameters, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
