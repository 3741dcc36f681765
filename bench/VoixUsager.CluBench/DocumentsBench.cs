using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoixUsager;
using VoixUsager.Clu.Documents;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Jobs;

/// <summary>
/// The CLU's documents of the meeting: on a database (the demo's, or the results benchmark's), takes the
/// préfecture with the most survey responses and its CLU (the last one whose figures are frozen, else the
/// next one), and times what the download handlers do — read the figures, build the slide deck, build the
/// draft minutes — once cold, then 5 times, printing each document's median and worst time and size.
/// </summary>
internal static class DocumentsBench
{
    private const int Runs = 5;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: no such database (see the README: start the web app once with Demo:Seed=true on it).");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = DatabaseRegistration.SqliteConnectionString(path),
        });
        builder.Services.AddVoixUsagerDatabase();
        builder.Services.AddSurveyServices();
        builder.Services.AddResultsServices();
        builder.Services.AddMysteryServices();
        builder.Services.AddEmail();
        builder.Services.AddJobs();
        using var host = builder.Build();

        int cluId;
        string description;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync();
            var largest = await db.SurveyResponses.GroupBy(r => r.Campaign.PrefectureId)
                .Select(g => new { PrefectureId = g.Key, Responses = g.Count() })
                .OrderByDescending(g => g.Responses).FirstOrDefaultAsync();
            if (largest is null)
            {
                Console.Error.WriteLine("No survey response in this database.");
                return 2;
            }

            var clus = db.CluMeetings.Where(c => c.PrefectureId == largest.PrefectureId);
            var chosen = await clus.Where(c => c.SnapshotId != null).OrderByDescending(c => c.MeetingOn).Select(c => (int?)c.Id).FirstOrDefaultAsync()
                ?? await clus.OrderByDescending(c => c.MeetingOn).Select(c => (int?)c.Id).FirstOrDefaultAsync();
            if (chosen is null)
            {
                var clu = new VoixUsager.Clu.CluMeeting { PrefectureId = largest.PrefectureId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), Place = "Préfecture", CreatedAtUtc = DateTime.UtcNow };
                db.CluMeetings.Add(clu);
                await db.SaveChangesAsync();
                chosen = clu.Id;
            }

            cluId = chosen.Value;
            var name = await db.Prefectures.Where(p => p.Id == largest.PrefectureId).Select(p => p.DisplayName).SingleAsync();
            var frozen = await db.CluMeetings.Where(c => c.Id == cluId).Select(c => c.SnapshotId != null).SingleAsync();
            description = $"{name}: {largest.Responses.ToString("N0", CultureInfo.InvariantCulture)} survey responses, CLU {cluId} ({(frozen ? "frozen snapshot" : "figures computed now")})";
        }

        Console.WriteLine($"VoixUsager CLU documents benchmark — {Environment.ProcessorCount} cores — {description}");
        var deck = await MeasureAsync(host, (documents, ct) => documents.DeckAsync(cluId, ct));
        var minutes = await MeasureAsync(host, (documents, ct) => documents.MinutesAsync(cluId, ct));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The charts alone, as both documents draw them: the larger part of the work.
            var figures = (await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().FiguresForAsync(cluId, CancellationToken.None)).Figures;
            var charts = CluDocumentContent.Build(await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().FiguresForAsync(cluId, CancellationToken.None)).Sections.SelectMany(s => s.Charts).ToList();
            var stopwatch = Stopwatch.StartNew();
            foreach (var chart in charts)
            {
                VoixUsager.Results.ResultsCharts.Render(chart.Kind, figures, CluDeck.ChartScale);
            }

            Console.WriteLine($"the {charts.Count} charts at slide resolution, one after the other: {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        }

        Report("slide deck (PPTX)", deck);
        Report("draft minutes (DOCX)", minutes);
        var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        Console.WriteLine($"peak resident memory: {long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024} MB");
        return deck.Times.Max() < Budget && minutes.Times.Max() < Budget ? 0 : 1;
    }

    private sealed record Measure(TimeSpan Cold, List<TimeSpan> Times, int Bytes, TimeSpan CpuPerRun);

    /// <summary>The document as the download link serves it (figures, agenda, presence list read, document built); the first run is the cold one.</summary>
    private static async Task<Measure> MeasureAsync(IHost host, Func<CluDocumentsService, CancellationToken, Task<CluDocumentFile>> build)
    {
        TimeSpan? cold = null;
        var times = new List<TimeSpan>();
        var bytes = 0;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i <= Runs; i++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await using var scope = host.Services.CreateAsyncScope();
            bytes = (await build(scope.ServiceProvider.GetRequiredService<CluDocumentsService>(), CancellationToken.None)).Content.Length;
            stopwatch.Stop();
            if (cold is null)
            {
                cold = stopwatch.Elapsed;
            }
            else
            {
                times.Add(stopwatch.Elapsed);
                cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            }
        }

        return new Measure(cold!.Value, times, bytes, cpu / Runs);
    }

    private static void Report(string what, Measure measure)
    {
        var sorted = measure.Times.Order().ToList();
        Console.WriteLine($"{what}: cold {measure.Cold.TotalMilliseconds:F0} ms, then median {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, worst {sorted[^1].TotalMilliseconds:F0} ms over {sorted.Count} runs (processor time {measure.CpuPerRun.TotalMilliseconds:F0} ms a run, all threads); {measure.Bytes / 1024} KB "
            + $"({(measure.Cold < Budget && sorted[^1] < Budget ? "within" : "OVER")} the {Budget.TotalSeconds:F0} s budget)");
    }
}
