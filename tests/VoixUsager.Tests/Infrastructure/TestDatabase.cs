using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoixUsager.Data;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Which database server the integration tests run on. infra/test.sh runs the whole test assembly
/// twice, once per provider, so every test that goes through <see cref="VoixUsagerAppFactory"/> is
/// exercised on SQLite and on PostgreSQL and a difference between them fails the run.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "VOIXUSAGER_TEST_PROVIDER";

    public static DatabaseProvider Provider =>
        Environment.GetEnvironmentVariable(ProviderVariable) switch
        {
            null or "" or "Sqlite" => DatabaseProvider.Sqlite,
            "Postgres" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"{ProviderVariable}={other}: Sqlite or Postgres expected."),
        };

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;
}

/// <summary>
/// One fresh PostgreSQL database per test application, copied from a template migrated once per test
/// process: a copy takes tens of milliseconds where migrating takes seconds.
/// </summary>
public static class PostgresTestDatabases
{
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Create()
    {
        var template = Template.Value;
        var name = "vu_" + Guid.NewGuid().ToString("N");
        // CREATE DATABASE … TEMPLATE refuses while another session is connected to the template
        // (SQLSTATE 55006); nothing stays connected to it, but a concurrent copy can still collide.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                break;
            }
            catch (PostgresException e) when (e.SqlState == "55006" && attempt < 20)
            {
                Thread.Sleep(100 * attempt);
            }
        }

        return ConnectionStringFor(name);
    }

    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        ClearPools(connectionString);
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The test's own pool and the application's, whose connection string adds automatic preparation.</summary>
    private static void ClearPools(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, DatabaseRegistration.PostgresConnectionString(connectionString) })
        {
            using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>An outage of one database: new connections refused, the open ones ended.</summary>
    public static void SetAvailable(string connectionString, bool available)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS {(available ? "true" : "false")}");
        if (!available)
        {
            Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
            ClearPools(connectionString);
        }
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = database }.ConnectionString;

    private static string CreateTemplate()
    {
        var name = $"vu_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = ConnectionStringFor(name);
        var options = DatabaseRegistration.Configure(new DbContextOptionsBuilder<AppDbContext>(), DatabaseProvider.Postgres, connectionString);
        using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options))
        {
            db.Database.Migrate();
        }

        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A raw connection to the test's database, outside EF Core, for tests that inspect what is stored.</summary>
    public static DbConnection OpenRaw(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
