using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;
using VoixUsager.Jobs;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Jobs;

/// <summary>
/// The national overview from the daily counts plus the live days equals a scan of every response, on
/// Paris days (midnight in Paris is 22:00 or 23:00 UTC, and the clocks change twice a year), whether the
/// job ran or not, once or twice, and with a response arriving after it ran.
/// </summary>
public sealed class NationalDailyCountsTests : IDisposable
{
    private readonly JobsAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    // "Now" for the job: 28 October 2025, 11:00 in Paris (winter time since the 26th).
    private static readonly DateTime NowUtc = new(2025, 10, 28, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2025, 10, 28);

    private static readonly (DateOnly? From, DateOnly? To)[] Periods =
    [
        (null, null),
        (new DateOnly(2025, 3, 30), null),
        (null, new DateOnly(2025, 10, 26)),
        (new DateOnly(2025, 3, 30), new DateOnly(2025, 3, 30)),
        (new DateOnly(2025, 10, 26), new DateOnly(2025, 10, 26)),
        (new DateOnly(2025, 10, 27), new DateOnly(2025, 10, 28)),
        (Today, null),
        (Today, Today),
        (new DateOnly(2025, 4, 1), new DateOnly(2025, 9, 30)),
        (Today.AddDays(1), null),
    ];

    private sealed record Scale(List<int> OptionIds, List<int?> Scores, int QuestionId, int MotifQuestionId, int MotifOptionId);

    [Fact]
    public async Task Overview_from_daily_counts_equals_a_scan_of_every_response()
    {
        _app.Time.Offset = NowUtc - DateTime.UtcNow;
        var (allierCampaign, cantalCampaign, scale) = await _app.WithDbAsync(async db =>
        {
            var allier = await TestData.SeedAsync(db);
            var cantal = await db.SurveyCampaigns.Where(c => c.Prefecture.DepartementCode == "15").OrderBy(c => c.StartsOn).Select(c => c.Id).FirstAsync();
            var questions = await db.Questions.Include(q => q.Options)
                .Where(q => q.QuestionnaireVersion.Key == DefaultQuestionnaire.Key).ToListAsync();
            var global = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
            var motif = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Motif);
            var options = global.Options.OrderBy(o => o.Order).ToList();
            return (allier, cantal, new Scale(options.Select(o => o.Id).ToList(), options.Select(o => o.Score).ToList(), global.Id, motif.Id, motif.Options[0].Id));
        });
        Assert.Contains(null, scale.Scores);
        Assert.Equal(5, scale.OptionIds.Count);

        // Each side of midnight in Paris, in summer and winter time, on the days the clocks change, and
        // the hour 02:00–03:00 of 26 October that happens twice; then a spread over the months between.
        var instants = new List<DateTime>
        {
            Utc(2025, 3, 29, 22, 59, 59), Utc(2025, 3, 29, 23, 0, 0), Utc(2025, 3, 30, 0, 30, 0), Utc(2025, 3, 30, 1, 30, 0),
            Utc(2025, 3, 30, 21, 59, 59), Utc(2025, 3, 30, 22, 0, 0), Utc(2025, 3, 30, 23, 30, 0),
            Utc(2025, 10, 25, 21, 59, 59), Utc(2025, 10, 25, 22, 0, 0), Utc(2025, 10, 25, 23, 30, 0),
            Utc(2025, 10, 26, 0, 30, 0), Utc(2025, 10, 26, 1, 30, 0),
            Utc(2025, 10, 26, 22, 59, 59), Utc(2025, 10, 26, 23, 0, 0),
            Utc(2025, 10, 27, 22, 59, 59), Utc(2025, 10, 27, 23, 0, 0), Utc(2025, 10, 28, 9, 0, 0),
        };
        var random = new Random(20251026);
        var spread = (NowUtc.AddHours(-2) - Utc(2025, 3, 25, 0, 0, 0)).TotalMinutes;
        instants.AddRange(Enumerable.Range(0, 150).Select(_ => Utc(2025, 3, 25, 0, 0, 0).AddMinutes(random.Next((int)spread))));
        await AddResponsesAsync(instants, allierCampaign, cantalCampaign, scale, random);

        // Before any run, everything is counted live.
        await AssertOverviewEqualsScanAsync();

        await RunJobAsync();
        var stored = await _app.WithDbAsync(async db => new
        {
            Watermark = await db.NationalDailyCountsWatermarks.Select(w => w.CompleteBefore).SingleAsync(),
            Rows = await db.NationalDailyCounts.AsNoTracking().OrderBy(c => c.Day).ThenBy(c => c.PrefectureId).ToListAsync(),
            BeforeToday = await db.SurveyResponses.CountAsync(r => r.SubmittedAtUtc < Utc(2025, 10, 27, 23, 0, 0)),
        });
        Assert.Equal(Today, stored.Watermark);
        Assert.Equal(stored.BeforeToday, stored.Rows.Sum(r => r.Responses));
        // 23:59:59 and 00:00 in Paris fall on their own days, whatever the UTC date says.
        // 30 March has 23 hours in Paris, from 23:00 UTC the day before to 22:00 UTC.
        Assert.Equal(4 + Spread(instants, new DateOnly(2025, 3, 30)), stored.Rows.Where(r => r.Day == new DateOnly(2025, 3, 30)).Sum(r => r.Responses));
        await AssertOverviewEqualsScanAsync();

        // Hangfire may run it again: nothing is counted twice.
        await RunJobAsync();
        Assert.Equal(stored.Rows.Count, await _app.WithDbAsync(db => db.NationalDailyCounts.CountAsync()));
        await AssertOverviewEqualsScanAsync();

        // A response arriving today shows at once, before the next night.
        var before = await OverviewAsync(null, null);
        await AddResponsesAsync([NowUtc.AddMinutes(-1)], allierCampaign, allierCampaign, scale, random);
        var after = await OverviewAsync(null, null);
        Assert.Equal(before.Sum(r => r.Responses) + 1, after.Sum(r => r.Responses));
        await AssertOverviewEqualsScanAsync();

        // The next day, today is complete and goes into the counts.
        _app.Time.Offset = NowUtc.AddDays(1) - DateTime.UtcNow;
        await RunJobAsync();
        Assert.Equal(Today.AddDays(1), await _app.WithDbAsync(db => db.NationalDailyCountsWatermarks.Select(w => w.CompleteBefore).SingleAsync()));
        await AssertOverviewEqualsScanAsync();

        // Counted again from a past day (as the demo seeder does after writing past responses): same figures.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NationalDailyCountsJob>().RecountFromAsync(new DateOnly(2025, 10, 26), CancellationToken.None);
        }

        Assert.Equal(new DateOnly(2025, 10, 26), await _app.WithDbAsync(db => db.NationalDailyCountsWatermarks.Select(w => w.CompleteBefore).SingleAsync()));
        await AssertOverviewEqualsScanAsync();
        await RunJobAsync();
        Assert.Equal(stored.Rows.Count + (await _app.WithDbAsync(db => db.NationalDailyCounts.CountAsync(c => c.Day == Today))), await _app.WithDbAsync(db => db.NationalDailyCounts.CountAsync()));
        await AssertOverviewEqualsScanAsync();
    }

    private static int Spread(List<DateTime> instants, DateOnly day) =>
        instants.Skip(17).Count(i => FranceClock.DateOf(i) == day);

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) => new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private async Task RunJobAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NationalDailyCountsJob>().RunAsync(CancellationToken.None);
    }

    private Task<IReadOnlyList<SurveyResultsService.NationalRow>> OverviewAsync(DateOnly? from, DateOnly? to) =>
        _app.WithDbAsync(db => new SurveyResultsService(db).NationalOverviewAsync(from, to, CancellationToken.None));

    private async Task AddResponsesAsync(IEnumerable<DateTime> instants, int allierCampaign, int cantalCampaign, Scale scale, Random random)
    {
        await _app.WithDbAsync(async db =>
        {
            var campaigns = await db.SurveyCampaigns.Include(c => c.Prefecture).ThenInclude(p => p.Sites)
                .Where(c => c.Id == allierCampaign || c.Id == cantalCampaign).ToListAsync();
            var i = 0;
            foreach (var at in instants)
            {
                var campaign = campaigns[i++ % campaigns.Count];
                var response = new SurveyResponse
                {
                    CampaignId = campaign.Id,
                    SiteId = campaign.Prefecture.Sites[0].Id,
                    QuestionnaireVersionId = campaign.QuestionnaireVersionId,
                    Channel = SurveyChannel.QrCode,
                    SubmittedAtUtc = at,
                    SubmissionId = Guid.NewGuid(),
                    // Another question's answer, which the overview must not count.
                    Answers = [new SurveyAnswer { QuestionId = scale.MotifQuestionId, OptionId = scale.MotifOptionId }],
                };
                // One in six skips the overall-satisfaction question: a response without its answer.
                var pick = random.Next(6);
                if (pick < 5)
                {
                    response.Answers.Add(new SurveyAnswer { QuestionId = scale.QuestionId, OptionId = scale.OptionIds[pick] });
                }

                db.SurveyResponses.Add(response);
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

    /// <summary>The old computation, in memory: every response's Paris day, every overall-satisfaction answer.</summary>
    private async Task AssertOverviewEqualsScanAsync()
    {
        var data = await _app.WithDbAsync(async db => new
        {
            Prefectures = await db.Prefectures.Select(p => new { p.Id, p.DisplayName }).ToListAsync(),
            Responses = await db.SurveyResponses.AsNoTracking()
                .Select(r => new { r.Campaign.PrefectureId, r.SubmittedAtUtc, Scores = r.Answers.Where(a => a.OptionId != null).Select(a => a.OptionId!.Value).ToList() })
                .ToListAsync(),
            Scores = await db.QuestionOptions.Where(o => o.Question.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale).ToDictionaryAsync(o => o.Id, o => o.Score),
        });
        foreach (var (from, to) in Periods)
        {
            var expected = data.Prefectures.Select(p =>
            {
                var responses = data.Responses.Where(r => r.PrefectureId == p.Id)
                    .Where(r => (from is null || FranceClock.DateOf(r.SubmittedAtUtc) >= from) && (to is null || FranceClock.DateOf(r.SubmittedAtUtc) <= to))
                    .ToList();
                var scores = responses.SelectMany(r => r.Scores.Where(data.Scores.ContainsKey).Select(o => data.Scores[o])).ToList();
                var summary = SatisfactionScale.Summarize(scores.Count(s => s == 4), scores.Count(s => s == 3), scores.Count(s => s == 2), scores.Count(s => s == 1), scores.Count(s => s is null));
                return new SurveyResultsService.NationalRow(p.Id, p.DisplayName, responses.Count, summary.TopTwoBox);
            }).OrderBy(r => r.Prefecture, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
            Assert.True(expected.Sum(r => r.Responses) > 0 || from > Today, $"période {from}–{to} : aucune réponse, le test ne prouverait rien");
            Assert.Equal(expected, await OverviewAsync(from, to));

            // One préfecture's count up to a cut-off (the satisfaction indicator of a CLU's snapshot):
            // before, inside and after the stored days, on a response's own instant (inclusive).
            foreach (var cutoff in Cutoffs)
            {
                foreach (var prefecture in data.Prefectures)
                {
                    var responses = data.Responses.Where(r => r.PrefectureId == prefecture.Id)
                        .Where(r => (from is null || FranceClock.DateOf(r.SubmittedAtUtc) >= from) && (to is null || FranceClock.DateOf(r.SubmittedAtUtc) <= to))
                        .Where(r => cutoff is null || r.SubmittedAtUtc <= cutoff)
                        .ToList();
                    var scores = responses.SelectMany(r => r.Scores.Where(data.Scores.ContainsKey).Select(o => data.Scores[o])).ToList();
                    var summary = SatisfactionScale.Summarize(scores.Count(s => s == 4), scores.Count(s => s == 3), scores.Count(s => s == 2), scores.Count(s => s == 1), scores.Count(s => s is null));
                    var counted = (await _app.WithDbAsync(db => new SurveyResultsService(db).SatisfactionCountsAsync(prefecture.Id, from, to, cutoff, CancellationToken.None)))
                        .GetValueOrDefault(prefecture.Id, SurveyResultsService.NationalCounts.None);
                    Assert.True((responses.Count, summary.TopTwoBox) == (counted.Responses, counted.Satisfaction),
                        $"{prefecture.DisplayName}, période {from}–{to}, jusqu’à {cutoff:O} : {responses.Count} réponses attendues, {counted.Responses} comptées");
                }
            }
        }
    }

    private static readonly DateTime?[] Cutoffs =
    [
        null,
        Utc(2025, 3, 30, 22, 0, 0),
        Utc(2025, 10, 26, 0, 30, 0),
        NowUtc.AddMinutes(-30),
    ];
}
