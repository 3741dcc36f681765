using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>
/// The dashboard's figures come from a few grouped counts shared by every table; each is checked here
/// against a scan of every response in memory, for filters by campaign, Paris dates (responses on each
/// side of midnight in Paris and on the night the clocks go back), site, channel and motif.
/// </summary>
public sealed class SurveyFiguresScanTests : IDisposable
{
    private readonly VoixUsagerAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static DateTime Utc(int month, int day, int hour, int minute, int second = 0) => new(2025, month, day, hour, minute, second, DateTimeKind.Utc);

    private sealed record Answer(int QuestionId, int? OptionId);

    private sealed record Row(int CampaignId, int SiteId, SurveyChannel Channel, string Language, DateTime SubmittedAtUtc, List<Answer> Answers);

    [Fact]
    public async Task Every_figure_equals_a_scan_of_every_response()
    {
        var seeded = await _app.WithDbAsync(async db =>
        {
            await TestData.SeedAsync(db);
            var version = await db.QuestionnaireVersions.Include(v => v.Questions).ThenInclude(q => q.Options).SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
            var prefecture = new Prefecture
            {
                DepartementCode = "48",
                Name = "Lozère",
                DisplayName = "Préfecture de la Lozère",
                Sites =
                [
                    new Site { PublicCode = "lozere-mende", Name = "Préfecture (Mende)", Kind = SiteKind.Prefecture },
                    new Site { PublicCode = "lozere-florac", Name = "Sous-préfecture de Florac", Kind = SiteKind.SousPrefecture },
                ],
            };
            var previous = new SurveyCampaign { Prefecture = prefecture, Name = "Campagne de printemps", StartsOn = new DateOnly(2025, 3, 20), EndsOn = new DateOnly(2025, 4, 10), QuestionnaireVersionId = version.Id };
            var current = new SurveyCampaign { Prefecture = prefecture, Name = "Campagne d’automne", StartsOn = new DateOnly(2025, 10, 20), EndsOn = new DateOnly(2025, 11, 5), QuestionnaireVersionId = version.Id };
            db.AddRange(previous, current);
            await db.SaveChangesAsync();
            return (Prefecture: prefecture.Id, Previous: previous.Id, Current: current.Id, Sites: prefecture.Sites.Select(s => s.Id).ToList(), version.Questions);
        });

        // Each side of midnight in Paris, in summer and in winter time, the night the clocks go back (two
        // 02:30s) and the 23-hour day they go forward; then a spread over both campaigns.
        var instants = new List<DateTime>
        {
            Utc(3, 29, 22, 59, 59), Utc(3, 29, 23, 0), Utc(3, 30, 21, 59, 59), Utc(3, 30, 22, 0),
            Utc(10, 25, 21, 59, 59), Utc(10, 25, 22, 0), Utc(10, 26, 0, 30), Utc(10, 26, 1, 30),
            Utc(10, 26, 22, 59, 59), Utc(10, 26, 23, 0), Utc(10, 27, 22, 59, 59), Utc(10, 27, 23, 0),
        };
        var random = new Random(48_2510);
        instants.AddRange(Enumerable.Range(0, 60).Select(_ => Utc(3, 20, 0, 0).AddMinutes(random.Next(20 * 24 * 60))));
        instants.AddRange(Enumerable.Range(0, 90).Select(_ => Utc(10, 20, 0, 0).AddMinutes(random.Next(15 * 24 * 60))));
        var rows = instants.Select(at => new Row(
            at.Month < 6 ? seeded.Previous : seeded.Current,
            seeded.Sites[random.Next(seeded.Sites.Count)],
            Enum.GetValues<SurveyChannel>()[random.Next(Enum.GetValues<SurveyChannel>().Length)],
            random.Next(4) == 0 ? "en" : QuestionnaireLanguages.French,
            at,
            seeded.Questions.SelectMany<Question, Answer>(q =>
            {
                // One in seven skips a question; a few tick two boxes of the contact question.
                if (random.Next(7) == 0)
                {
                    return [];
                }

                if (q.Kind == QuestionKind.FreeText)
                {
                    return [new Answer(q.Id, null)];
                }

                var options = q.Options.OrderBy(_ => random.Next()).ToList();
                return q.Code == DefaultQuestionnaire.Codes.ModeContact && random.Next(5) == 0
                    ? new[] { new Answer(q.Id, options[0].Id), new Answer(q.Id, options[1].Id) }
                    : [new Answer(q.Id, options[0].Id)];
            }).ToList())).ToList();
        await _app.WithDbAsync(db =>
        {
            foreach (var row in rows)
            {
                db.SurveyResponses.Add(new SurveyResponse
                {
                    CampaignId = row.CampaignId,
                    SiteId = row.SiteId,
                    QuestionnaireVersionId = seeded.Questions[0].QuestionnaireVersionId,
                    Channel = row.Channel,
                    Language = row.Language,
                    SubmittedAtUtc = row.SubmittedAtUtc,
                    SubmissionId = Guid.NewGuid(),
                    Answers = row.Answers.Select(a => new SurveyAnswer { QuestionId = a.QuestionId, OptionId = a.OptionId, Text = a.OptionId is null ? "Plus de guichets." : null }).ToList(),
                });
            }

            return db.SaveChangesAsync();
        });

        var motif = seeded.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Motif).Options[0].Id;
        SurveyFilter[] filters =
        [
            new(),
            new(CampaignId: seeded.Current),
            new(CampaignId: seeded.Previous),
            new(CampaignId: seeded.Current, From: new DateOnly(2025, 10, 26), To: new DateOnly(2025, 10, 26)),
            new(From: new DateOnly(2025, 3, 30), To: new DateOnly(2025, 3, 30)),
            new(From: new DateOnly(2025, 10, 27)),
            new(To: new DateOnly(2025, 10, 25)),
            new(CampaignId: seeded.Current, SiteId: seeded.Sites[1]),
            new(Channel: SurveyChannel.QrCode),
            new(CampaignId: seeded.Current, MotifOptionId: motif),
            new(CampaignId: seeded.Current, From: new DateOnly(2025, 10, 26), Channel: SurveyChannel.SiteInternet),
            new(CutoffUtc: Utc(10, 26, 22, 59, 59)),
        ];
        foreach (var filter in filters)
        {
            await AssertEqualsScanAsync(seeded.Prefecture, filter, rows, seeded.Questions, [seeded.Previous, seeded.Current], seeded.Sites);
        }
    }

    private async Task AssertEqualsScanAsync(int prefectureId, SurveyFilter filter, List<Row> rows, List<Question> questions, int[] campaigns, List<int> siteIds)
    {
        var results = await _app.WithDbAsync(db => new SurveyResultsService(db).ComputeAsync(prefectureId, filter, CancellationToken.None));
        bool Matches(Row r, SurveyFilter f) =>
            (f.CampaignId is not { } c || r.CampaignId == c)
            && (f.From is not { } from || FranceClock.DateOf(r.SubmittedAtUtc) >= from)
            && (f.To is not { } to || FranceClock.DateOf(r.SubmittedAtUtc) <= to)
            && (f.CutoffUtc is not { } cutoff || r.SubmittedAtUtc <= cutoff)
            && (f.SiteId is not { } site || r.SiteId == site)
            && (f.Channel is not { } channel || r.Channel == channel)
            && (f.MotifOptionId is not { } motif || r.Answers.Any(a => a.OptionId == motif));
        var shown = rows.Where(r => Matches(r, filter)).ToList();
        Assert.True(shown.Count > 0, $"{filter} : aucune réponse, le test ne prouverait rien");
        Assert.Equal(shown.Count, results.Responses);

        var global = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
        ScaleSummary Scale(Question question, IEnumerable<Row> responses)
        {
            var scores = responses.SelectMany(r => r.Answers).Where(a => a.QuestionId == question.Id && a.OptionId is not null)
                .Select(a => question.Options.Single(o => o.Id == a.OptionId).Score).ToList();
            return SatisfactionScale.Summarize(scores.Count(s => s == 4), scores.Count(s => s == 3), scores.Count(s => s == 2), scores.Count(s => s == 1), scores.Count(s => s is null));
        }

        var previous = filter.CampaignId == campaigns[1]
            ? rows.Where(r => Matches(r, filter with { CampaignId = campaigns[0], From = null, To = null })).ToList()
            : null;
        foreach (var question in questions)
        {
            var result = results.Questions.Single(q => q.Code == question.Code);
            Assert.Equal(shown.Count(r => r.Answers.Any(a => a.QuestionId == question.Id)), result.Respondents);
            if (question.Kind == QuestionKind.FreeText)
            {
                continue;
            }

            Assert.Equal(
                question.Options.OrderBy(o => o.Order).Select(o => (o.Code, shown.Sum(r => r.Answers.Count(a => a.OptionId == o.Id)))),
                result.Options.Select(o => (o.Code, o.Count)));
            if (question.Kind == QuestionKind.SatisfactionScale)
            {
                Assert.Equal(Scale(question, shown), result.Scale);
                Assert.Equal(previous is null ? null : TwoProportionTest.Compare(Scale(question, shown).TopTwoBox, Scale(question, previous).TopTwoBox), result.ComparedWithPrevious);
            }
        }

        Assert.Equal(siteIds.Count, results.BySite.Count);
        var sites = await _app.WithDbAsync(db => db.Sites.Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Name, s => s.Id));
        foreach (var row in results.BySite)
        {
            Assert.Equal(Scale(global, shown.Where(r => r.SiteId == sites[row.Label])), row.Satisfaction);
        }

        foreach (var row in results.Representativeness)
        {
            Assert.Equal(shown.Count(r => r.SiteId == sites[row.Site]), row.Responses);
        }

        var channels = Enum.GetValues<SurveyChannel>()
            .Select(ch => new BreakdownRow(SurveyChannels.Label(ch), Scale(global, shown.Where(r => r.Channel == ch))))
            .Where(row => row.Satisfaction.Expressed + row.Satisfaction.SansAvis > 0);
        Assert.Equal(channels, results.ByChannel);

        var languages = shown.Where(r => r.Answers.Any(a => a.QuestionId == global.Id && a.OptionId is not null)).Select(r => r.Language).Distinct()
            .OrderBy(l => l != QuestionnaireLanguages.French).ThenBy(l => l, StringComparer.Ordinal)
            .Select(l => new BreakdownRow(SurveyResultsService.LanguageLabel(l), Scale(global, shown.Where(r => r.Language == l))));
        Assert.Equal(languages, results.ByLanguage);

        // The trend is every campaign's, whatever the campaign and dates shown.
        var trend = campaigns.Select(c =>
        {
            var summary = Scale(global, rows.Where(r => r.CampaignId == c && Matches(r, filter with { CampaignId = null, From = null, To = null })));
            return summary.TopTwoBox.Total == 0 ? (double?)null : summary.TopTwoBox.Rate;
        });
        Assert.Equal(trend, results.Trend.Select(t => t.SatisfactionRate));
    }
}
