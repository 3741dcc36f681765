using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VoixUsager.Data;

/// <summary>
/// Puts every SQLite connection in WAL mode with a busy timeout, so that concurrent survey submissions
/// wait for each other instead of failing with "database is locked", and readers never block writers.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    // synchronous=NORMAL is durable in WAL mode against application crashes; only a power loss can
    // roll back the last transactions, which the SQLite documentation accepts for WAL.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
