using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace VoixUsager.Web.Hosting;

/// <summary>
/// Tells an outage (the database cannot be reached or opened now) from a fault of the request or of
/// the code: the first answers 503 "come back later", the second stays a 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>How long a client is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 60;

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }

            if (IsOne(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOne(Exception exception) => exception switch
    {
        // Busy, locked, I/O error, cannot open, not a database: the file is gone or unreadable.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 14 or 26,
        // Connection exceptions (class 08), the server shutting down or refusing more connections.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300"
            // The database refuses connections (ALLOW_CONNECTIONS false during maintenance): FATAL at
            // connection time, so never the fault of a query.
            || (postgres.SqlState == "55000" && postgres.InvariantSeverity == "FATAL"),
        // Npgsql's own exceptions, not the server's: the connection could not be made or was lost.
        NpgsqlException => true,
        DbException db => db.IsTransient,
        SocketException or TimeoutException => true,
        _ => false,
    };
}
