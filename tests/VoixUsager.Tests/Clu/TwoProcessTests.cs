using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Clu;

/// <summary>
/// Production's shape on a real PostgreSQL: the web and the workers as separate processes sharing the
/// Hangfire storage, a real SMTP server on loopback. The worker is killed in the middle of a summary;
/// the mail server is down for another; two workers run the same summary job at once: every recipient
/// still gets exactly one message.
/// </summary>
[Trait("Category", "OwnDatabase")]
public sealed class TwoProcessTests : IAsyncLifetime
{
    private readonly List<Process> _processes = [];
    private SmtpTestServer _smtp = null!;
    private string _database = "";
    private string _connectionString = "";
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _database = "voixusager_2p_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {_database}", admin).ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _database }.ConnectionString;
        _environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Production answers only the host names it is configured for; the test calls it by address.
            ["AllowedHosts"] = "127.0.0.1",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = _connectionString,
            ["Demo__Seed"] = "false",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            // Long enough that the test kills the worker holding a message before MailKit gives up on it;
            // the claim on that message then lasts twice this (Jobs:DeliveryClaimSeconds is lower).
            ["Email__Smtp__TimeoutSeconds"] = "10",
            ["Jobs__DeliveryClaimSeconds"] = "5",
            // Slow enough that the test can kill the worker between two messages of the batch.
            ["Email__DelayBetweenMessagesMilliseconds"] = "1500",
            ["Jobs__InvisibilityTimeoutSeconds"] = "6",
            ["Jobs__PollSeconds"] = "1",
            ["Jobs__WorkerCount"] = "2",
            ["App__PublicBaseUrl"] = "http://127.0.0.1:8080",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await _smtp.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }

    private static string Built(string project, string dll) => BuiltOutputs.Path(project, dll);

    private Process Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(250);
        }
    }

    private AppDbContext Db()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseRegistration.Configure(options, DatabaseProvider.Postgres, _connectionString);
        return new AppDbContext(options.Options);
    }

    private async Task<int> CreateCluAsync(string prefix, int members = 4)
    {
        await using var db = Db();
        var prefecture = await db.Prefectures.FirstOrDefaultAsync() ?? new Prefecture { DepartementCode = "03", Name = "Allier", DisplayName = "Préfecture de l'Allier" };
        var clu = new CluMeeting
        {
            PrefectureId = prefecture.Id,
            MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5),
            Place = "Moulins",
            DaysBefore = 15,
            CreatedAtUtc = DateTime.UtcNow,
            Members = Enumerable.Range(1, members).Select(i => new CluMember { Name = $"Membre {i}", Email = $"{prefix}{i}@allier.test", ReceivesSummary = true }).ToList(),
        };
        if (prefecture.Id == 0)
        {
            db.Prefectures.Add(prefecture);
            await db.SaveChangesAsync();
            clu.PrefectureId = prefecture.Id;
        }

        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return clu.Id;
    }

    private void TriggerDueJob()
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(_connectionString, options), options);
        new RecurringJobManager(storage).Trigger("clu-syntheses-a-envoyer");
    }

    private IReadOnlyList<string> ReceivedBy(string prefix) =>
        _smtp.Received().SelectMany(r => r.EnvelopeRecipients).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private async Task<Process> StartWebAsync()
    {
        var port = FreePort();
        var web = Start(Built("web", "VoixUsager.Web.dll"), "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForAsync(async () =>
        {
            Assert.False(web.HasExited, "the web process exited");
            try
            {
                return (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(240), "the web to migrate and answer");
        return web;
    }

    private async Task<Dictionary<string, DeliveryStatus>> StatusesAsync(string prefix)
    {
        await using var db = Db();
        return await db.CluDeliveries.Where(d => d.RecipientEmail.StartsWith(prefix)).ToDictionaryAsync(d => d.RecipientEmail, d => d.Status);
    }

    [Fact]
    public async Task Worker_killed_mid_summary_or_mail_server_down_still_delivers_exactly_once()
    {
        // One job at a time in the worker: the copy killed is the only one running, so what it had done
        // at the kill is known exactly (two copies at once are the next test's subject).
        _environment["Jobs__WorkerCount"] = "1";
        var web = await StartWebAsync();
        var worker = Start(Built("worker", "VoixUsager.Worker.dll"));

        // 1. The worker dies with the second message of a batch of four in its hands: the mail server
        //    holds that message without answering, so the kill lands there every time, not by chance.
        _smtp.Hold("tue2@allier.test");
        await CreateCluAsync("tue");
        TriggerDueJob();
        await WaitForAsync(() => Task.FromResult(_smtp.IsHolding("tue2@allier.test")), TimeSpan.FromSeconds(180), "the second summary to reach the mail server");
        worker.Kill(entireProcessTree: true);
        await worker.WaitForExitAsync();
        Assert.Equal(["tue1@allier.test"], ReceivedBy("tue"));
        var atKill = await StatusesAsync("tue");
        Assert.Equal(DeliveryStatus.Envoye, atKill["tue1@allier.test"]);
        Assert.All(new[] { "tue2@allier.test", "tue3@allier.test", "tue4@allier.test" }, a => Assert.NotEqual(DeliveryStatus.Envoye, atKill[a]));

        // A new worker takes the job over once it is invisible no more; the message the dead worker
        // held is sent once its claim expires.
        worker = Start(Built("worker", "VoixUsager.Worker.dll"));
        await WaitForAsync(async () => (await StatusesAsync("tue")).Values.All(s => s == DeliveryStatus.Envoye), TimeSpan.FromSeconds(240), "the restarted worker to finish the batch");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(["tue1@allier.test", "tue2@allier.test", "tue3@allier.test", "tue4@allier.test"], ReceivedBy("tue"));
        await using (var db = Db())
        {
            var recorded = await db.CluDeliveries.Where(d => d.RecipientEmail.StartsWith("tue")).ToDictionaryAsync(d => d.RecipientEmail, d => d.MessageId);
            Assert.All(_smtp.Received().Where(r => r.EnvelopeRecipients[0].StartsWith("tue", StringComparison.Ordinal)),
                r => Assert.Equal(recorded[r.EnvelopeRecipients[0]], r.Message.MessageId));
        }

        // 2. The mail server is down: the job fails (and says so), then delivers once it is back.
        await _smtp.StopAsync();
        await CreateCluAsync("panne");
        TriggerDueJob();
        await WaitForAsync(async () =>
        {
            await using var db = Db();
            return await db.CluDeliveries.CountAsync(d => d.RecipientEmail.StartsWith("panne") && d.Status == DeliveryStatus.Echec) == 4;
        }, TimeSpan.FromSeconds(180), "the failure to be recorded");

        await _smtp.StartAsync();
        TriggerDueJob();
        await WaitForAsync(async () => (await StatusesAsync("panne")).Values.All(s => s == DeliveryStatus.Envoye), TimeSpan.FromSeconds(240), "the summaries after the mail server came back");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(["panne1@allier.test", "panne2@allier.test", "panne3@allier.test", "panne4@allier.test"], ReceivedBy("panne"));
        Assert.Equal(["tue1@allier.test", "tue2@allier.test", "tue3@allier.test", "tue4@allier.test"], ReceivedBy("tue"));
        Assert.False(web.HasExited);
    }

    [Fact]
    public async Task Two_workers_running_one_summary_job_at_once_send_each_message_once()
    {
        // The job (6 messages, 2 s apart) outlives the invisibility timeout: Hangfire hands it to
        // another worker while the first copy still sends.
        _environment["Jobs__InvisibilityTimeoutSeconds"] = "5";
        _environment["Email__DelayBetweenMessagesMilliseconds"] = "2000";
        _environment["Email__Smtp__TimeoutSeconds"] = "5";
        var web = await StartWebAsync();
        Start(Built("worker", "VoixUsager.Worker.dll"));
        Start(Built("worker", "VoixUsager.Worker.dll"));

        await CreateCluAsync("double", members: 6);
        TriggerDueJob();
        await WaitForAsync(async () => (await StatusesAsync("double")) is { Count: 6 } all && all.Values.All(s => s == DeliveryStatus.Envoye),
            TimeSpan.FromSeconds(240), "the six summaries");
        // Any second copy of a message would be on its way now.
        await Task.Delay(TimeSpan.FromSeconds(8));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"double{i}@allier.test"), ReceivedBy("double"));
        Assert.True(await TimesOneSummaryJobWasTakenAsync() >= 2, "the summary job was never run twice at once: the test proves nothing");
        Assert.False(web.HasExited);
    }

    /// <summary>The most times one CLU summary job was taken by a worker (Hangfire's Processing states).</summary>
    private async Task<long> TimesOneSummaryJobWasTakenAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT COALESCE(MAX(taken), 0) FROM (
                SELECT COUNT(*) AS taken FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
                WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%CluSummaryJob%'
                GROUP BY s.jobid) AS t
            """, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
