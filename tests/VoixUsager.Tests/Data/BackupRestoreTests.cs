using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using VoixUsager.Data;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Web.Staff;

namespace VoixUsager.Tests.Data;

/// <summary>
/// The backup procedure of infra/README.md, run for real on PostgreSQL: the demo préfecture's database
/// is dumped with pg_dump, restored with pg_restore into a server made fresh for the test, and the
/// application started on the copy shows the quality team the same pages, with the same figures.
/// </summary>
[Trait("Category", "OwnDatabase")]
public sealed class BackupRestoreTests
{
    /// <summary>The pages whose figures must survive the restore: dashboard, indicators, register, plan.</summary>
    private static readonly string[] Pages = ["/resultats", "/resultats/indicateurs", "/registre", "/plan-actions", "/resultats/clu"];

    private sealed class PostgresApp(string connectionString, bool seed) : VoixUsagerAppFactory(DatabaseProvider.Postgres, connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Seed", seed ? "true" : "false");
        }
    }

    [Fact]
    public async Task Database_dumped_and_restored_into_a_fresh_server_shows_the_same_figures()
    {
        var bin = PostgresBin();
        var work = Directory.CreateTempSubdirectory("voixusager-restore-");
        var source = "vu_backup_" + Guid.NewGuid().ToString("N")[..12];
        Execute(PostgresServer.ConnectionString, $"CREATE DATABASE {source}");
        var sourceConnection = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = source, Pooling = false }.ConnectionString;
        FreshServer? fresh = null;
        try
        {
            Dictionary<string, string> before;
            Dictionary<string, long> rowsBefore;
            using (var app = new PostgresApp(sourceConnection, seed: true))
            {
                before = await MainTextsAsync(app);
                rowsBefore = await RowCountsAsync(sourceConnection);
            }

            Assert.True(rowsBefore["SurveyResponses"] > 0, "the demo data was not seeded");
            var dump = Path.Combine(work.FullName, "voixusager.dump");
            var source1 = new NpgsqlConnectionStringBuilder(sourceConnection);
            Run(Path.Combine(bin, "pg_dump"), $"-h {source1.Host} -p {source1.Port} -U {source1.Username} -d {source} -Fc --no-owner -f {dump}");

            fresh = FreshServer.Start(bin, Path.Combine(work.FullName, "pg"));
            Execute(fresh.ConnectionString, "CREATE DATABASE voixusager");
            Run(Path.Combine(bin, "pg_restore"), $"-h 127.0.0.1 -p {fresh.Port} -U postgres -d voixusager --no-owner --exit-on-error {dump}");
            var restoredConnection = new NpgsqlConnectionStringBuilder(fresh.ConnectionString) { Database = "voixusager", Pooling = false }.ConnectionString;

            Assert.Equal(rowsBefore, await RowCountsAsync(restoredConnection));
            using var restored = new PostgresApp(restoredConnection, seed: false);
            var after = await MainTextsAsync(restored);
            foreach (var page in Pages)
            {
                Assert.Equal(before[page], after[page]);
            }
        }
        finally
        {
            fresh?.Stop();
            Execute(PostgresServer.ConnectionString, $"DROP DATABASE IF EXISTS {source} WITH (FORCE)");
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file the stopped server still held is left in the temp folder rather than failing the test.
            }
        }
    }

    /// <summary>What the demo quality team reads on each page: the text of its main region.</summary>
    private static async Task<Dictionary<string, string>> MainTextsAsync(VoixUsagerAppFactory app)
    {
        using var client = StaffClient.For(app);
        var signedIn = await client.SignInAsync(DemoAccountsSeeder.QualiteEmail, DemoAccountsSeeder.Password, DemoAccountsSeeder.AuthenticatorKey);
        Assert.Equal("/espace", signedIn.Headers.Location?.OriginalString);
        var texts = new Dictionary<string, string>();
        foreach (var page in Pages)
        {
            var document = await client.GetPageAsync(page);
            var main = document.QuerySelector("main")?.TextContent ?? throw new InvalidOperationException($"{page} has no main region");
            texts[page] = string.Join(' ', main.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.True(texts[page].Length > 200, $"{page} shows almost nothing: {texts[page]}");
        }

        return texts;
    }

    /// <summary>The number of rows of every table of the application's schema.</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string PostgresBin() =>
        Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_dump")))
            .OrderBy(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d)!), System.Globalization.CultureInfo.InvariantCulture))
            .LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL client tools under /usr/lib/postgresql: run the tests with infra/test.sh.");

    private static void Run(string program, string arguments, bool asPostgres = false)
    {
        // initdb and the server refuse to run as root: as infra/test.sh does, they run as the postgres account.
        var start = asPostgres && Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not end within 2 minutes");
        }

        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited with {process.ExitCode}: {error.Result}{output.Result}");
    }

    /// <summary>A PostgreSQL server of the test's own, as new as on a restore day: initdb, start, stop.</summary>
    private sealed class FreshServer
    {
        private readonly string _bin;
        private readonly string _data;

        private FreshServer(string bin, string data, int port)
        {
            _bin = bin;
            _data = data;
            Port = port;
        }

        public int Port { get; }

        public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

        public static FreshServer Start(string bin, string data)
        {
            Directory.CreateDirectory(data);
            if (Environment.UserName == "root")
            {
                Run("chown", $"postgres {data} {Path.GetDirectoryName(data)}");
            }

            var port = FreePort();
            Run(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8", asPostgres: true);
            Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {data}/server.log -w -t 60 -o \"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off\" start", asPostgres: true);
            return new FreshServer(bin, data, port);
        }

        public void Stop()
        {
            Run(Path.Combine(_bin, "pg_ctl"), $"-D {_data} -m immediate stop", asPostgres: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
