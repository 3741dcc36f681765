using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoixUsager;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Jobs;

// CLU summary benchmark: on the results benchmark's database (1,000,000 responses, 100 préfectures,
// made by "VoixUsager.ResultsBench generate"), prepares and sends the summaries of 100 CLUs (one per
// préfecture, 5 recipients each) through the real job — snapshot, charts, workbook, MailKit — to an
// SMTP sink on loopback, with as many jobs at once as a worker runs, and prints time and peak memory.
// Usage: dotnet VoixUsager.CluBench.dll <results.db | PostgreSQL connection string> [parallel jobs = 2]
//        dotnet VoixUsager.CluBench.dll documents <demo.db>   (the slide deck and minutes: DocumentsBench.cs)

if (args.Length == 2 && args[0] == "documents")
{
    return await DocumentsBench.RunAsync(args[1]);
}

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: <results.db> [parallel]");
    return 2;
}

// The generator's PostgreSQL database is named by its connection string, a SQLite one by its file.
var onPostgres = args[0].Contains("Host=", StringComparison.OrdinalIgnoreCase);
var parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
using var sink = new SmtpSink();
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = onPostgres ? "Postgres" : "Sqlite",
    ["Database:ConnectionString"] = onPostgres ? args[0] : DatabaseRegistration.SqliteConnectionString(Path.GetFullPath(args[0])),
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Email:Smtp:Security"] = "None",
});
builder.Services.AddVoixUsagerDatabase();
builder.Services.AddSurveyServices();
builder.Services.AddResultsServices();
builder.Services.AddMysteryServices();
builder.Services.AddEmail();
builder.Services.AddJobs();
using var host = builder.Build();

int[] cluIds;
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await db.Database.MigrateAsync();
    await db.CluDeliveries.ExecuteDeleteAsync();
    await db.CluMembers.ExecuteDeleteAsync();
    await db.CluMeetings.ExecuteDeleteAsync();
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    foreach (var prefectureId in await db.Prefectures.Select(p => p.Id).ToListAsync())
    {
        db.CluMeetings.Add(new CluMeeting
        {
            PrefectureId = prefectureId,
            MeetingOn = today.AddDays(10),
            Place = "Préfecture",
            CreatedAtUtc = DateTime.UtcNow,
            Members = Enumerable.Range(1, 5).Select(i => new CluMember { Name = $"Membre {i}", Email = $"membre{i}.p{prefectureId}@clu.test" }).ToList(),
        });
    }

    await db.SaveChangesAsync();
    cluIds = await db.CluMeetings.Select(c => c.Id).ToArrayAsync();
}

Console.WriteLine($"VoixUsager CLU summary benchmark — {(onPostgres ? "PostgreSQL" : "SQLite")}, {cluIds.Length} CLUs, 5 recipients each, {parallel} job(s) at once, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
var stopwatch = Stopwatch.StartNew();
await Parallel.ForEachAsync(cluIds, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (id, ct) =>
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().RunAsync(id, ct);
});
stopwatch.Stop();

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var sent = await db.CluDeliveries.CountAsync(d => d.Status == DeliveryStatus.Envoye);
    Console.WriteLine($"summaries: {sent} delivered (database), {sink.Messages} received by the SMTP sink, {sink.Bytes / 1024 / 1024} MB in all");
}

Console.WriteLine($"time: {stopwatch.Elapsed.TotalSeconds:F1} s for {cluIds.Length} CLUs ({stopwatch.Elapsed.TotalMilliseconds / cluIds.Length:F0} ms per CLU)");
var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
Console.WriteLine($"peak resident memory: {long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024} MB");
return 0;

/// <summary>A minimal SMTP server on loopback that accepts and counts messages (the benchmark's mail relay).</summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private long _messages;
    private long _bytes;

    public SmtpSink()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long Messages => Interlocked.Read(ref _messages);

    public long Bytes => Interlocked.Read(ref _bytes);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    long size = 0;
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                        size += data.Length + 2;
                    }

                    Interlocked.Increment(ref _messages);
                    Interlocked.Add(ref _bytes, size);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
