using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;
using VoixUsager.Jobs;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;

// Results benchmark: 1,000,000 survey responses (7 million answers) across 100 préfectures, in SQLite
// or PostgreSQL; times one préfecture's full dashboard view as the web app computes it (the figures and
// the three survey charts, through the results cache), cold and warm, 20 views at once, the national
// overview, and reports the process's peak resident memory.
// Usage: dotnet VoixUsager.ResultsBench.dll generate <file.db | PostgreSQL connection string> [responses=1000000]
//        dotnet VoixUsager.ResultsBench.dll measure <file.db | PostgreSQL connection string> [seconds of concurrent load=15]
//        dotnet VoixUsager.ResultsBench.dll national <file.db | PostgreSQL connection string>   (the national overview alone)
// Run "generate" once, then "measure" in a fresh process so its first view is a cold one and its peak
// memory is the computation's own.

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: generate|measure|national <file.db | Host=...> [responses | seconds]");
    return 2;
}

var provider = args[1].Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
var path = provider == DatabaseProvider.Sqlite ? Path.GetFullPath(args[1]) : null;
// The connection string as the web app completes it (on PostgreSQL, automatic statement preparation).
var connectionString = path is null ? DatabaseRegistration.PostgresConnectionString(args[1]) : DatabaseRegistration.SqliteConnectionString(path);
var options = new DbContextOptionsBuilder<AppDbContext>();
DatabaseRegistration.Configure(options, provider, connectionString);
// RESULTSBENCH_SQL=1 prints each SQL command with its duration, to see where a view's time goes.
var logSql = Environment.GetEnvironmentVariable("RESULTSBENCH_SQL") == "1";
if (logSql)
{
    options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
}

if (args[0] == "generate")
{
    var total = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
    await GenerateAsync(options.Options, provider, connectionString, path, total);
    return 0;
}

double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
double Percentile(List<double> times, double p) => times.Order().ElementAt(Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1));

var loadSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
var processStart = Stopwatch.StartNew();
// The web app's registrations of the results: a pooled DbContext per request scope, one results cache.
var services = new ServiceCollection();
services.AddDbContextPool<AppDbContext>(builder =>
{
    DatabaseRegistration.Configure(builder, provider, connectionString);
    if (logSql)
    {
        builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
    }
});
services.AddScoped<SurveyResultsService>();
services.AddSingleton<ResultsMemory>();
services.AddScoped<ResultsCache>();
await using var provided = services.BuildServiceProvider();
var memory = provided.GetRequiredService<ResultsMemory>();
int prefectures;
int target;
int campaign;
await using (var db = new AppDbContext(options.Options))
{
    prefectures = await db.Prefectures.CountAsync();
    target = await db.Prefectures.OrderBy(p => p.Id).Skip(prefectures / 2).Select(p => p.Id).FirstAsync();
    campaign = await db.SurveyCampaigns.Where(c => c.PrefectureId == target).OrderByDescending(c => c.StartsOn).Select(c => c.Id).FirstAsync();
}

// One dashboard view as the browser asks for it: the page, then its three charts, each request with its
// own DbContext as in the web app, sharing the process's results cache.
async Task<(int Responses, int PngBytes)> ViewAsync(int prefectureId, SurveyFilter filter)
{
    SurveyResults figures;
    await using (var scope = provided.CreateAsyncScope())
    {
        figures = await scope.ServiceProvider.GetRequiredService<ResultsCache>()
            .SurveyAsync(prefectureId, filter, CancellationToken.None);
    }

    var bytes = 0;
    foreach (var kind in ChartKinds.Survey)
    {
        await using var scope = provided.CreateAsyncScope();
        bytes += (await scope.ServiceProvider.GetRequiredService<ResultsCache>()
            .SurveyChartAsync(kind, prefectureId, filter, CancellationToken.None)).Length;
    }

    return (figures.Responses, bytes);
}

// "national" times the national overview alone.
if (args[0] != "national")
{
    var latest = new SurveyFilter(CampaignId: campaign);
    // As the web app does before it takes requests (Results:WarmUpAtStart), on another préfecture, nothing
    // cached; RESULTSBENCH_NO_WARMUP=1 leaves it out, to time a first call that pays every start-up cost.
    var warmUp = "no start-up warm-up";
    if (Environment.GetEnvironmentVariable("RESULTSBENCH_NO_WARMUP") != "1")
    {
        var warming = Stopwatch.StartNew();
        await ResultsWarmUp.RunAsync(provided, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        warmUp = $"after the start-up warm-up of {warming.Elapsed.TotalMilliseconds:F0} ms";
    }

    var first = Stopwatch.StartNew();
    var (shown, png) = await ViewAsync(target, latest);
    var cold = first.Elapsed.TotalMilliseconds;
    Console.WriteLine($"one préfecture, latest campaign ({shown:N0} responses): full view (figures + 3 charts, {png / 1024} KB of PNG) first call of a fresh process {cold:F0} ms, {warmUp} ({processStart.Elapsed.TotalMilliseconds:F0} ms since start)");


    var warm = new List<double>();
    var recomputed = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await ViewAsync(target, latest);
        warm.Add(stopwatch.Elapsed.TotalMilliseconds);

        // As after a new response: nothing in the cache, every figure and chart computed again.
        memory.Cache.Compact(1.0);
        stopwatch.Restart();
        await ViewAsync(target, latest);
        recomputed.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"full view warm, figures cached: median {Median(warm):F1} ms; warm, recomputed (as after a new response): median {Median(recomputed):F0} ms");

    var allCampaigns = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        memory.Cache.Compact(1.0);
        var stopwatch = Stopwatch.StartNew();
        shown = (await ViewAsync(target, new SurveyFilter())).Responses;
        allCampaigns.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"full view, all campaigns ({shown:N0} responses), recomputed: first {allCampaigns[0]:F0} ms, median {Median(allCampaigns):F0} ms");

    // 20 people at once for a fixed time, each on the dashboard of their own préfecture (a different one
    // each) or all on the same one. Cached: every user's first view is timed apart (twenty cold
    // computations at once, which no cache can spare), then the window measures the views that follow.
    async Task LoadAsync(string label, bool emptyBeforeEachView, bool samePrefecture = false)
    {
        memory.Cache.Compact(1.0);
        var ids = new List<int>();
        await using (var db = new AppDbContext(options.Options))
        {
            ids = await db.Prefectures.OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToListAsync();
        }

        if (samePrefecture)
        {
            ids = Enumerable.Repeat(target, 20).ToList();
        }

        if (!emptyBeforeEachView)
        {
            var firstViews = Stopwatch.StartNew();
            var firsts = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                var stopwatch = Stopwatch.StartNew();
                await ViewAsync(id, new SurveyFilter());
                return stopwatch.Elapsed.TotalMilliseconds;
            })));
            Console.WriteLine($"20 concurrent users, {label}: their first views at once, {ids.Distinct().Count()} computation(s): p50 {Percentile(firsts.ToList(), 0.5):F0} ms, all done in {firstViews.Elapsed.TotalMilliseconds:F0} ms");
        }

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var until = DateTime.UtcNow.AddSeconds(loadSeconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                if (emptyBeforeEachView)
                {
                    memory.Cache.Compact(1.0);
                }

                var stopwatch = Stopwatch.StartNew();
                await ViewAsync(id, new SurveyFilter());
                latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        })));
        var all = latencies.ToList();
        Console.WriteLine($"20 concurrent users, {label}: {all.Count / clock.Elapsed.TotalSeconds:F1} full views/s, p50 {Percentile(all, 0.5):F0} ms, p99 {Percentile(all, 0.99):F0} ms ({all.Count} views in {clock.Elapsed.TotalSeconds:F0} s); peak resident memory so far {PeakMegabytes()} MB, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1024 / 1024} MB");
    }

    await LoadAsync("all on the same préfecture's dashboard (all campaigns), cached", emptyBeforeEachView: false, samePrefecture: true);
    await LoadAsync("each on its own préfecture, figures cached after its first view", emptyBeforeEachView: false);
    await LoadAsync("cache emptied before every view (every view recomputed, as if a response arrived each time)", emptyBeforeEachView: true);
}

// The national overview sums the daily counts the nightly job stores and counts live only the days
// after them. Timed four ways: with no counts at all (a scan of every answer, as before the job's first
// run), the job's first run (every past day) and a second one (nothing left), the overview with every
// past day counted, and with the last ten days left to the live count (the job missed some nights).
int firstDay;
await using (var db = new AppDbContext(options.Options))
{
    var first = await db.SurveyResponses.MinAsync(r => r.SubmittedAtUtc);
    firstDay = FranceClock.DateOf(first).DayNumber;
}

NationalDailyCountsJob Job(AppDbContext db) =>
    new(db, new SurveyResultsService(db), new FranceClock(TimeProvider.System), Microsoft.Extensions.Logging.Abstractions.NullLogger<NationalDailyCountsJob>.Instance);

async Task<(double Ms, int Responses, IReadOnlyList<SurveyResultsService.NationalRow> Rows)> OverviewAsync()
{
    await using var db = new AppDbContext(options.Options);
    var stopwatch = Stopwatch.StartNew();
    var rows = await new SurveyResultsService(db).NationalOverviewAsync(null, null, CancellationToken.None);
    return (stopwatch.Elapsed.TotalMilliseconds, rows.Sum(r => r.Responses), rows);
}

await using (var db = new AppDbContext(options.Options))
{
    await Job(db).RecountFromAsync(DateOnly.FromDayNumber(firstDay), CancellationToken.None);
}

var scan = await OverviewAsync();
Console.WriteLine($"national overview without daily counts (scan of every answer): {scan.Ms:F0} ms, {scan.Rows.Count} préfectures, {scan.Responses:N0} responses");
await using (var db = new AppDbContext(options.Options))
{
    var stopwatch = Stopwatch.StartNew();
    await Job(db).RunAsync(CancellationToken.None);
    var firstRun = stopwatch.Elapsed.TotalMilliseconds;
    stopwatch.Restart();
    await Job(db).RunAsync(CancellationToken.None);
    var days = await db.NationalDailyCounts.Select(c => c.Day).Distinct().CountAsync();
    var stored = await db.NationalDailyCounts.CountAsync();
    Console.WriteLine($"national daily counts job: first run {firstRun / 1000:F1} s ({stored:N0} rows over {days} days with responses), second run {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
}

var national = new List<(double Ms, int Responses, IReadOnlyList<SurveyResultsService.NationalRow> Rows)>();
for (var i = 0; i < 5; i++)
{
    national.Add(await OverviewAsync());
}

if (national.Any(n => !n.Rows.SequenceEqual(scan.Rows)))
{
    throw new InvalidOperationException("The overview from the daily counts differs from the scan.");
}

Console.WriteLine($"national overview with daily counts: first {national[0].Ms:F0} ms, then median {Median(national.Skip(1).Select(n => n.Ms).ToList()):F0} ms ({national.Count - 1} runs), {national[0].Responses:N0} responses");

int tail;
await using (var db = new AppDbContext(options.Options))
{
    var tenDaysAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
    await Job(db).RecountFromAsync(tenDaysAgo, CancellationToken.None);
    var fromUtc = VoixUsager.Calendar.FrenchTimeZones.ParisToUtc(tenDaysAgo.ToDateTime(TimeOnly.MinValue));
    tail = await db.SurveyResponses.CountAsync(r => r.SubmittedAtUtc >= fromUtc);
}

var behind = new List<double>();
for (var i = 0; i < 5; i++)
{
    var run = await OverviewAsync();
    if (!run.Rows.SequenceEqual(scan.Rows))
    {
        throw new InvalidOperationException("The overview with days counted live differs from the scan.");
    }

    behind.Add(run.Ms);
}

Console.WriteLine($"national overview, last 10 days counted live ({tail:N0} responses): first {behind[0]:F0} ms, then median {Median(behind.Skip(1).ToList()):F0} ms");
await using (var db = new AppDbContext(options.Options))
{
    await Job(db).RunAsync(CancellationToken.None);
}

Console.WriteLine($"peak resident memory of this process: {PeakMegabytes()} MB");
await using (var db = new AppDbContext(options.Options))
{
    var responses = await db.SurveyResponses.CountAsync();
    var answers = await db.SurveyAnswers.CountAsync();
    Console.WriteLine($"data ({provider}{(path is null ? "" : $", {new FileInfo(path).Length / 1024 / 1024} MB file")}): {prefectures} préfectures, {responses:N0} responses, {answers:N0} answers");
}

return 0;

static async Task GenerateAsync(DbContextOptions<AppDbContext> options, DatabaseProvider provider, string connectionString, string? path, int total)
{
    if (path is not null && File.Exists(path))
    {
        File.Delete(path);
    }

    if (provider == DatabaseProvider.Postgres)
    {
        // A throw-away database of its own, created afresh.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? throw new ArgumentException("The connection string names no database.");
        builder.Database = "postgres";
        await using var admin = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        await new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
    }

    var stopwatch = Stopwatch.StartNew();
    List<(int Id, int PrefectureId)> sites;
    Dictionary<int, int[]> campaigns;
    List<(int Id, int[] Options, bool Text)> questions;
    int versionId;
    await using (var db = new AppDbContext(options))
    {
        await db.Database.MigrateAsync();
        var version = await DefaultQuestionnaire.EnsureCreatedAsync(db, TimeProvider.System);
        versionId = version.Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var p = 1; p <= 100; p++)
        {
            var code = p.ToString("D2", CultureInfo.InvariantCulture);
            db.Prefectures.Add(new Prefecture
            {
                DepartementCode = code,
                Name = $"Département {code}",
                DisplayName = $"Préfecture {code}",
                Sites =
                [
                    new Site { PublicCode = $"p{code}-prefecture", Name = $"Préfecture {code}", Kind = SiteKind.Prefecture },
                    new Site { PublicCode = $"p{code}-sp1", Name = $"Sous-préfecture {code}-1", Kind = SiteKind.SousPrefecture },
                    new Site { PublicCode = $"p{code}-sp2", Name = $"Sous-préfecture {code}-2", Kind = SiteKind.SousPrefecture },
                    new Site { PublicCode = $"p{code}-pan", Name = $"PAN {code}", Kind = SiteKind.PointAccueilNumerique },
                ],
            });
        }

        await db.SaveChangesAsync();
        foreach (var prefecture in await db.Prefectures.ToListAsync())
        {
            db.SurveyCampaigns.Add(new SurveyCampaign { PrefectureId = prefecture.Id, Name = "Campagne précédente", StartsOn = today.AddMonths(-14), EndsOn = today.AddMonths(-11), QuestionnaireVersionId = version.Id });
            db.SurveyCampaigns.Add(new SurveyCampaign { PrefectureId = prefecture.Id, Name = "Campagne en cours", StartsOn = today.AddMonths(-2), EndsOn = today.AddMonths(1), QuestionnaireVersionId = version.Id });
        }

        await db.SaveChangesAsync();
        sites = (await db.Sites.OrderBy(s => s.Id).Select(s => new { s.Id, s.PrefectureId }).ToListAsync()).Select(s => (s.Id, s.PrefectureId)).ToList();
        campaigns = (await db.SurveyCampaigns.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Select(c => new { c.PrefectureId, c.Id }).ToListAsync())
            .GroupBy(c => c.PrefectureId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        questions = (await db.Questions.Where(q => q.QuestionnaireVersionId == versionId).OrderBy(q => q.Order)
                .Select(q => new { q.Id, q.Kind, Options = q.Options.OrderBy(o => o.Id).Select(o => o.Id).ToList() }).ToListAsync())
            .Select(q => (q.Id, q.Options.ToArray(), q.Kind == QuestionKind.FreeText)).ToList();
    }

    var random = new Random(1_000_000);
    var channels = Enum.GetValues<SurveyChannel>();
    var now = DateTime.UtcNow;

    // The same pseudo-random data set on both databases.
    IEnumerable<(long Id, int CampaignId, int SiteId, SurveyChannel Channel, DateTime SubmittedAtUtc, (int QuestionId, int? OptionId, string? Text)[] Answers)> Responses()
    {
        for (var i = 0; i < total; i++)
        {
            var site = sites[random.Next(sites.Count)];
            var campaignIds = campaigns[site.PrefectureId];
            var campaignIndex = random.Next(campaignIds.Length);
            var channel = channels[random.Next(channels.Length)];
            var submitted = now.AddDays(campaignIndex == 0 ? -400 + random.Next(90) : -60 + random.Next(55)).AddMinutes(random.Next(600));
            var answers = questions.Select(q => q.Text
                ? (q.Id, (int?)null, (string?)"Mieux signaler les guichets depuis l'entrée, et ouvrir entre 12h et 14h.")
                : (q.Id, q.Options[random.Next(q.Options.Length)], null)).ToArray();
            yield return (i + 1, campaignIds[campaignIndex], site.Id, channel, submitted, answers);
            if (i % 100_000 == 99_999)
            {
                Console.WriteLine($"{i + 1:N0} responses written ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            }
        }
    }

    if (provider == DatabaseProvider.Postgres)
    {
        // Binary COPY, ids given, in chunks (the answers' foreign key needs their responses stored first):
        // EF's change tracker is not the tool for 8 million rows.
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var chunk in Responses().Chunk(50_000))
        {
            await using (var copy = await connection.BeginBinaryImportAsync("COPY \"SurveyResponses\" (\"Id\", \"CampaignId\", \"SiteId\", \"QuestionnaireVersionId\", \"Channel\", \"SubmittedAtUtc\", \"SubmissionId\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in chunk)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.Id, NpgsqlTypes.NpgsqlDbType.Bigint);
                    await copy.WriteAsync(r.CampaignId, NpgsqlTypes.NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.SiteId, NpgsqlTypes.NpgsqlDbType.Integer);
                    await copy.WriteAsync(versionId, NpgsqlTypes.NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.Channel.ToString(), NpgsqlTypes.NpgsqlDbType.Varchar);
                    await copy.WriteAsync(DateTime.SpecifyKind(r.SubmittedAtUtc, DateTimeKind.Utc), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlTypes.NpgsqlDbType.Uuid);
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY \"SurveyAnswers\" (\"ResponseId\", \"QuestionId\", \"OptionId\", \"Text\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var r in chunk)
                {
                    foreach (var a in r.Answers)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(r.Id, NpgsqlTypes.NpgsqlDbType.Bigint);
                        await copy.WriteAsync(a.QuestionId, NpgsqlTypes.NpgsqlDbType.Integer);
                        if (a.OptionId is { } option)
                        {
                            await copy.WriteAsync(option, NpgsqlTypes.NpgsqlDbType.Integer);
                        }
                        else
                        {
                            await copy.WriteNullAsync();
                        }

                        if (a.Text is { } text)
                        {
                            await copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Varchar);
                        }
                        else
                        {
                            await copy.WriteNullAsync();
                        }
                    }
                }

                await copy.CompleteAsync();
            }
        }

        await new Npgsql.NpgsqlCommand("SELECT setval(pg_get_serial_sequence('\"SurveyResponses\"', 'Id'), (SELECT max(\"Id\") FROM \"SurveyResponses\"))", connection).ExecuteNonQueryAsync();
        // Separately: VACUUM refuses to run inside a batch of commands.
        await new Npgsql.NpgsqlCommand("VACUUM ANALYZE", connection).ExecuteNonQueryAsync();
    }
    else
    {
        // Raw prepared inserts in one transaction: EF's change tracker is not the tool for 8 million rows.
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insertResponse = connection.CreateCommand();
        insertResponse.Transaction = transaction;
        insertResponse.CommandText = "INSERT INTO SurveyResponses (Id, CampaignId, SiteId, QuestionnaireVersionId, Channel, SubmittedAtUtc, SubmissionId) VALUES ($i, $c, $s, $v, $ch, $at, $id)";
        var pi = insertResponse.Parameters.Add("$i", SqliteType.Integer);
        var pc = insertResponse.Parameters.Add("$c", SqliteType.Integer);
        var ps = insertResponse.Parameters.Add("$s", SqliteType.Integer);
        insertResponse.Parameters.AddWithValue("$v", versionId);
        var pch = insertResponse.Parameters.Add("$ch", SqliteType.Text);
        var pat = insertResponse.Parameters.Add("$at", SqliteType.Text);
        var pid = insertResponse.Parameters.Add("$id", SqliteType.Text);
        var insertAnswer = connection.CreateCommand();
        insertAnswer.Transaction = transaction;
        insertAnswer.CommandText = "INSERT INTO SurveyAnswers (ResponseId, QuestionId, OptionId, Text) VALUES ($r, $q, $o, $t)";
        var ar = insertAnswer.Parameters.Add("$r", SqliteType.Integer);
        var aq = insertAnswer.Parameters.Add("$q", SqliteType.Integer);
        var ao = insertAnswer.Parameters.Add("$o", SqliteType.Integer);
        var at = insertAnswer.Parameters.Add("$t", SqliteType.Text);
        insertResponse.Prepare();
        insertAnswer.Prepare();
        foreach (var r in Responses())
        {
            pi.Value = r.Id;
            pc.Value = r.CampaignId;
            ps.Value = r.SiteId;
            pch.Value = r.Channel.ToString();
            pat.Value = r.SubmittedAtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            pid.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            await insertResponse.ExecuteNonQueryAsync();
            foreach (var a in r.Answers)
            {
                ar.Value = r.Id;
                aq.Value = a.QuestionId;
                ao.Value = a.OptionId is { } option ? option : DBNull.Value;
                at.Value = a.Text is { } text ? text : DBNull.Value;
                await insertAnswer.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await new SqliteCommand("ANALYZE", connection).ExecuteNonQueryAsync();
    }

    Console.WriteLine($"generated {total:N0} responses, {total * questions.Count:N0} answers in {stopwatch.Elapsed.TotalSeconds:F0} s ({provider})");
}

static long PeakMegabytes()
{
    var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
