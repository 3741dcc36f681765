using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;
using VoixUsager.Jobs;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Jobs;

/// <summary>
/// How the national daily counts job is started and what two copies of it do at once: the web's start-up
/// enqueues it only when complete days are waiting, and two copies running together store each day once,
/// as an independent scan of the responses counts them.
/// </summary>
public sealed class NationalDailyCountsRunsTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Start_up_enqueues_the_counting_job_only_when_complete_days_are_waiting()
    {
        using var first = new VoixUsagerAppFactory();
        // A new database: nothing to count.
        Assert.Empty(EnqueuedIds(first));
        var seed = await SeedAsync(first);

        // Only today's responses: today is not complete, the overview counts it live.
        var nowUtc = DateTime.UtcNow;
        await AddResponsesAsync(first, seed, [nowUtc]);
        var seen = EnqueuedIds(first);
        using (var restarted = new SameDatabaseApp(first.Provider, first.ConnectionString))
        {
            Assert.Empty(NewCountingJobs(restarted, seen));
        }

        // Responses of past days (a first deployment on an existing database, nights the worker missed).
        await AddResponsesAsync(first, seed, [nowUtc.AddDays(-3), nowUtc.AddDays(-3).AddHours(-1), nowUtc.AddDays(-9)]);
        seen = EnqueuedIds(first);
        using (var restarted = new SameDatabaseApp(first.Provider, first.ConnectionString))
        {
            var job = Assert.Single(NewCountingJobs(restarted, seen));
            Assert.Equal(nameof(NationalDailyCountsJob.RunAsync), job.Method.Name);
            // The enqueued call, performed as a worker would (the test hosts run no Hangfire server).
            await using (var scope = restarted.Services.CreateAsyncScope())
            {
                await (Task)job.Method.Invoke(scope.ServiceProvider.GetRequiredService<NationalDailyCountsJob>(), [CancellationToken.None])!;
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, Paris));
        Assert.Equal(today, await first.WithDbAsync(db => db.NationalDailyCountsWatermarks.Select(w => w.CompleteBefore).SingleAsync()));
        Assert.Equal(3, await first.WithDbAsync(db => db.NationalDailyCounts.SumAsync(c => c.Responses)));

        // Every complete day counted: the next start-up leaves the job to its night.
        seen = EnqueuedIds(first);
        using (var restarted = new SameDatabaseApp(first.Provider, first.ConnectionString))
        {
            Assert.Empty(NewCountingJobs(restarted, seen));
        }
    }

    [Fact]
    public async Task Two_copies_running_at_once_count_each_day_exactly_once()
    {
        using var app = new VoixUsagerAppFactory();
        var seed = await SeedAsync(app);
        // Forty days of responses, several a day at random hours (some after 22:00 UTC, the next day in
        // Paris), a few days left without any.
        var random = new Random(20251130);
        var nowUtc = DateTime.UtcNow;
        var instants = Enumerable.Range(2, 40).Where(d => d % 7 != 3)
            .SelectMany(d => Enumerable.Range(0, 1 + random.Next(5)).Select(_ => nowUtc.Date.AddDays(-d).AddMinutes(random.Next(24 * 60))))
            .Append(nowUtc.AddMinutes(-2))
            .ToList();
        await AddResponsesAsync(app, seed, instants, random);

        // The first run ever: both copies find no watermark. On SQLite the second waits for the first's
        // transaction and finds the watermark moved; on PostgreSQL it may instead insert the watermark at
        // the same time and fail on its key (Hangfire then retries it), never count a day twice.
        var failures = await RunTwoCopiesAsync(app);
        Assert.True(failures.Count <= 1, string.Join("\n", failures));
        Assert.All(failures, f => Assert.IsType<DbUpdateException>(f));
        await AssertCountsEqualScanAsync(app);

        // Counted again from the first day, three times over: the copies race day by day on the watermark.
        var firstDay = instants.Min(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(i, Paris)));
        for (var round = 0; round < 3; round++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<NationalDailyCountsJob>().RecountFromAsync(firstDay, CancellationToken.None);
            }

            Assert.Equal(0, await app.WithDbAsync(db => db.NationalDailyCounts.CountAsync()));
            var raced = await RunTwoCopiesAsync(app);
            Assert.True(raced.Count == 0, string.Join("\n", raced));
            await AssertCountsEqualScanAsync(app);
        }
    }

    private sealed record Seed(List<(int Campaign, int Site, int Version)> Campaigns, int Question, List<int> Options, int Motif, int MotifOption);

    private sealed class SameDatabaseApp(DatabaseProvider provider, string connectionString) : VoixUsagerAppFactory(provider, connectionString);

    /// <summary>The counting jobs waiting in the app's queue.</summary>
    private static List<string> EnqueuedIds(VoixUsagerAppFactory app) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            .Where(j => j.Value.InEnqueuedState && j.Value.Job?.Type == typeof(NationalDailyCountsJob))
            .Select(j => j.Key).ToList();

    /// <summary>
    /// The counting jobs waiting in <paramref name="app"/>'s queue that were not in <paramref name="seenBefore"/>:
    /// on PostgreSQL every host of a database shares one job storage; on SQLite each host has its own, in
    /// memory, so a new host's queue holds only what its start-up enqueued.
    /// </summary>
    private static List<Hangfire.Common.Job> NewCountingJobs(VoixUsagerAppFactory app, List<string> seenBefore)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return EnqueuedIds(app).Where(id => app.Provider != DatabaseProvider.Postgres || !seenBefore.Contains(id))
            .Select(id => monitoring.JobDetails(id).Job).ToList();
    }

    /// <summary>Two copies of the job at once, each with its own scope and DbContext; the exceptions they ended with.</summary>
    private static async Task<List<Exception>> RunTwoCopiesAsync(VoixUsagerAppFactory app)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var copies = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<NationalDailyCountsJob>();
            await start.Task;
            await job.RunAsync(CancellationToken.None);
        })).ToList();
        start.SetResult();
        var failures = new List<Exception>();
        foreach (var copy in copies)
        {
            try
            {
                await copy;
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        return failures;
    }

    /// <summary>
    /// The stored rows against the responses read back and counted here, per préfecture and Paris day
    /// (converted with the system's time-zone rules, not the application's), for every day before today.
    /// </summary>
    private static async Task AssertCountsEqualScanAsync(VoixUsagerAppFactory app)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Paris));
        var data = await app.WithDbAsync(async db => new
        {
            Responses = await db.SurveyResponses.AsNoTracking()
                .Select(r => new { r.Campaign.PrefectureId, r.SubmittedAtUtc, Options = r.Answers.Where(a => a.OptionId != null).Select(a => a.OptionId!.Value).ToList() })
                .ToListAsync(),
            Scores = await db.QuestionOptions.Where(o => o.Question.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale).ToDictionaryAsync(o => o.Id, o => o.Score),
            Rows = await db.NationalDailyCounts.AsNoTracking().ToListAsync(),
            Watermark = await db.NationalDailyCountsWatermarks.Select(w => w.CompleteBefore).SingleAsync(),
        });
        Assert.Equal(today, data.Watermark);
        var expected = data.Responses
            .Select(r => new Counted(r.PrefectureId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.SubmittedAtUtc, Paris)), r.Options.Where(data.Scores.ContainsKey).Select(o => data.Scores[o]).ToList()))
            .Where(r => r.Day < today)
            .GroupBy(r => (r.PrefectureId, r.Day))
            .ToDictionary(g => g.Key, g => (g.Count(), Score(g, 4), Score(g, 3), Score(g, 2), Score(g, 1), Score(g, null)));
        Assert.True(expected.Count > 20, "too few days with responses for the test to prove anything");
        Assert.Equal(data.Rows.Count, data.Rows.Select(r => (r.PrefectureId, r.Day)).Distinct().Count());
        var stored = data.Rows.ToDictionary(r => (r.PrefectureId, r.Day), r => (r.Responses, r.Score4, r.Score3, r.Score2, r.Score1, r.SansAvis));
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), stored.OrderBy(e => e.Key).ToList());

        static int Score(IEnumerable<Counted> responses, int? score) => responses.Sum(r => r.Scores.Count(s => s == score));
    }

    private sealed record Counted(int PrefectureId, DateOnly Day, List<int?> Scores);

    private static Task<Seed> SeedAsync(VoixUsagerAppFactory app) => app.WithDbAsync(async db =>
    {
        await TestData.SeedAsync(db);
        var campaigns = await db.SurveyCampaigns
            .Where(c => c.Prefecture.DepartementCode == "03" || c.Prefecture.DepartementCode == "15")
            .Select(c => new { c.Id, Site = c.Prefecture.Sites.OrderBy(s => s.Id).Select(s => s.Id).First(), c.QuestionnaireVersionId })
            .ToListAsync();
        var questions = await db.Questions.Include(q => q.Options).Where(q => q.QuestionnaireVersion.Key == DefaultQuestionnaire.Key).ToListAsync();
        var global = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
        var motif = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Motif);
        return new Seed(campaigns.Select(c => (c.Id, c.Site, c.QuestionnaireVersionId)).ToList(), global.Id,
            global.Options.OrderBy(o => o.Order).Select(o => o.Id).ToList(), motif.Id, motif.Options[0].Id);
    });

    private static Task AddResponsesAsync(VoixUsagerAppFactory app, Seed seed, IReadOnlyList<DateTime> instants, Random? random = null) => app.WithDbAsync(async db =>
    {
        random ??= new Random(1);
        for (var i = 0; i < instants.Count; i++)
        {
            var (campaign, site, version) = seed.Campaigns[i % seed.Campaigns.Count];
            var response = new SurveyResponse
            {
                CampaignId = campaign,
                SiteId = site,
                QuestionnaireVersionId = version,
                Channel = SurveyChannel.QrCode,
                SubmittedAtUtc = instants[i],
                SubmissionId = Guid.NewGuid(),
                Answers = [new SurveyAnswer { QuestionId = seed.Motif, OptionId = seed.MotifOption }],
            };
            // One in six leaves the overall-satisfaction question unanswered.
            var pick = random.Next(seed.Options.Count + 1);
            if (pick < seed.Options.Count)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = seed.Question, OptionId = seed.Options[pick] });
            }

            db.SurveyResponses.Add(response);
        }

        await db.SaveChangesAsync();
        return 0;
    });
}
