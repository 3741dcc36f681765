using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;

// Results benchmark: 1,000,000 survey responses (7 million answers) across 100 préfectures in SQLite;
// times one préfecture's full survey results and the national overview, and reports the process's
// peak resident memory.
// Usage: dotnet VoixUsager.ResultsBench.dll generate <file.db> [responses=1000000]
//        dotnet VoixUsager.ResultsBench.dll measure <file.db>
// Run "generate" once, then "measure" in a fresh process so its peak memory is the computation's own.

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: generate|measure <file.db> [responses]");
    return 2;
}

var path = Path.GetFullPath(args[1]);
var options = new DbContextOptionsBuilder<AppDbContext>();
DatabaseRegistration.Configure(options, DatabaseProvider.Sqlite, DatabaseRegistration.SqliteConnectionString(path));

if (args[0] == "generate")
{
    var total = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
    await GenerateAsync(options.Options, path, total);
    return 0;
}

await using var db = new AppDbContext(options.Options);
var service = new SurveyResultsService(db);
var responses = await db.SurveyResponses.CountAsync();
var answers = await db.SurveyAnswers.CountAsync();
var prefectures = await db.Prefectures.CountAsync();
Console.WriteLine($"data: {new FileInfo(path).Length / 1024 / 1024} MB SQLite file, {prefectures} préfectures, {responses:N0} responses, {answers:N0} answers");

var target = await db.Prefectures.OrderBy(p => p.Id).Skip(prefectures / 2).Select(p => p.Id).FirstAsync();
var campaign = await db.SurveyCampaigns.Where(c => c.PrefectureId == target).OrderByDescending(c => c.StartsOn).Select(c => c.Id).FirstAsync();
foreach (var (label, filter) in new[] { ("one préfecture, latest campaign", new SurveyFilter(CampaignId: campaign)), ("one préfecture, all campaigns", new SurveyFilter()) })
{
    var times = new List<double>();
    SurveyResults? result = null;
    for (var i = 0; i < 5; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        result = await service.ComputeAsync(target, filter, CancellationToken.None);
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"{label}: {result!.Responses:N0} responses; first {times[0]:F0} ms, then median {times.Skip(1).Order().ElementAt(2):F0} ms");
}

var national = new List<double>();
for (var i = 0; i < 3; i++)
{
    var stopwatch = Stopwatch.StartNew();
    var rows = await service.NationalOverviewAsync(null, null, CancellationToken.None);
    national.Add(stopwatch.Elapsed.TotalMilliseconds);
    if (i == 0)
    {
        Console.WriteLine($"national overview: {rows.Count} préfectures, {rows.Sum(r => r.Responses):N0} responses");
    }
}

Console.WriteLine($"national overview: first {national[0]:F0} ms, then {national[1]:F0} ms, {national[2]:F0} ms");
var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
Console.WriteLine($"peak resident memory of this process: {long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024} MB");
return 0;

static async Task GenerateAsync(DbContextOptions<AppDbContext> options, string path, int total)
{
    if (File.Exists(path))
    {
        File.Delete(path);
    }

    var stopwatch = Stopwatch.StartNew();
    await using (var db = new AppDbContext(options))
    {
        await db.Database.MigrateAsync();
        var version = await DefaultQuestionnaire.EnsureCreatedAsync(db, TimeProvider.System);
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
    }

    // Raw prepared inserts in one transaction: EF's change tracker is not the tool for 8 million rows.
    await using var connection = new SqliteConnection(DatabaseRegistration.SqliteConnectionString(path));
    await connection.OpenAsync();
    var sites = new List<(int Id, int PrefectureId)>();
    await using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT Id, PrefectureId FROM Sites";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sites.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }
    }

    var campaigns = new Dictionary<int, int[]>();
    await using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT PrefectureId, Id FROM SurveyCampaigns ORDER BY StartsOn";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var prefectureId = reader.GetInt32(0);
            campaigns[prefectureId] = [.. campaigns.GetValueOrDefault(prefectureId, []), reader.GetInt32(1)];
        }
    }

    var questions = new List<(int Id, int[] Options, bool Text)>();
    await using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT q.Id, q.Kind, group_concat(o.Id) FROM Questions q LEFT JOIN QuestionOptions o ON o.QuestionId = q.Id GROUP BY q.Id ORDER BY q.\"Order\"";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var ids = reader.IsDBNull(2) ? [] : reader.GetString(2).Split(',').Select(int.Parse).ToArray();
            questions.Add((reader.GetInt32(0), ids, reader.GetString(1) == nameof(QuestionKind.FreeText)));
        }
    }

    var versionId = await new SqliteCommand("SELECT Id FROM QuestionnaireVersions LIMIT 1", connection).ExecuteScalarAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var insertResponse = connection.CreateCommand();
    insertResponse.Transaction = transaction;
    insertResponse.CommandText = "INSERT INTO SurveyResponses (CampaignId, SiteId, QuestionnaireVersionId, Channel, SubmittedAtUtc, SubmissionId) VALUES ($c, $s, $v, $ch, $at, $id) RETURNING Id";
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

    var random = new Random(1_000_000);
    string[] channels = [.. Enum.GetNames<SurveyChannel>()];
    var now = DateTime.UtcNow;
    for (var i = 0; i < total; i++)
    {
        var site = sites[random.Next(sites.Count)];
        var campaignIds = campaigns[site.PrefectureId];
        var campaignIndex = random.Next(campaignIds.Length);
        pc.Value = campaignIds[campaignIndex];
        ps.Value = site.Id;
        pch.Value = channels[random.Next(channels.Length)];
        var submitted = now.AddDays(campaignIndex == 0 ? -400 + random.Next(90) : -60 + random.Next(55)).AddMinutes(random.Next(600));
        pat.Value = submitted.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        pid.Value = Guid.NewGuid().ToString().ToUpperInvariant();
        var responseId = (long)(await insertResponse.ExecuteScalarAsync())!;
        foreach (var question in questions)
        {
            ar.Value = responseId;
            aq.Value = question.Id;
            if (question.Text)
            {
                ao.Value = DBNull.Value;
                at.Value = "Mieux signaler les guichets depuis l'entrée, et ouvrir entre 12h et 14h.";
            }
            else
            {
                ao.Value = question.Options[random.Next(question.Options.Length)];
                at.Value = DBNull.Value;
            }

            await insertAnswer.ExecuteNonQueryAsync();
        }

        if (i % 100_000 == 99_999)
        {
            Console.WriteLine($"{i + 1:N0} responses written ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        }
    }

    await transaction.CommitAsync();
    await new SqliteCommand("ANALYZE", connection).ExecuteNonQueryAsync();
    Console.WriteLine($"generated {total:N0} responses, {total * questions.Count:N0} answers in {stopwatch.Elapsed.TotalSeconds:F0} s: {path}");
}
