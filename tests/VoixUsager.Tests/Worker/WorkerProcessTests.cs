using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoixUsager.Data;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Worker;

/// <summary>The worker as the separate process it is in production.</summary>
[Trait("Category", "OwnDatabase")]
public class WorkerProcessTests
{
    private static string WorkerDll => BuiltOutputs.Path("worker", "VoixUsager.Worker.dll");

    private static Process Start(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [WorkerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WorkerDll)!,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    [Fact]
    public async Task Worker_refuses_to_start_on_sqlite_with_a_clear_message()
    {
        using var process = Start(new Dictionary<string, string> { ["Database__Provider"] = "Sqlite" });
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("nécessite SQL Server ou PostgreSQL", await output + await errors);
    }

    [Fact]
    public async Task Worker_starts_on_a_migrated_postgres_database_and_keeps_running()
    {
        var database = "voixusager_worker_" + Guid.NewGuid().ToString("N")[..12];
        var server = PostgresServer.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseRegistration.Configure(options, DatabaseProvider.Postgres, connectionString);
            await using (var db = new AppDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }

            using var process = Start(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = connectionString,
            });
            var started = new TaskCompletionSource();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("Worker démarré sur Postgres") == true)
                {
                    started.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            try
            {
                await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
                Assert.False(process.HasExited);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }
}
