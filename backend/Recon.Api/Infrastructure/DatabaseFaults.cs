using Npgsql;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Tells a database that cannot serve now (unreachable, restarting, out of connections, the pool exhausted, a
/// connection dropped) from a request the database refused: the first is a 503 the caller may retry, the second
/// stays what it is. Marten and Wolverine wrap Npgsql's exceptions, so the whole chain is searched.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>What a 503 asks the caller to wait: long enough for a pool to drain or a restart to finish.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.IsTransient || UnavailableStates(postgres.SqlState);
                case NpgsqlException npgsql:
                    return npgsql.IsTransient;
            }
        }

        return false;
    }

    /// <summary>Connection exceptions (08), insufficient resources (53), shutdowns and "cannot connect now" (57P01–57P03).</summary>
    private static bool UnavailableStates(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
