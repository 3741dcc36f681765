using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Calendar;
using VoixUsager.Questionnaires;
using VoixUsager.Reporting;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>
/// What keeps the results pages fast on a national data set without making them wrong: figures computed
/// once per state of the data and shared by the page and its charts, suggestions paged in the database,
/// the CSV export streamed.
/// </summary>
public sealed class ResultsAtScaleTests : CantalResultsTest
{
    private static string Cells(AngleSharp.Dom.IElement row) => string.Join(" | ", row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()));

    private async Task<string> GlobalDistributionAsync()
    {
        var page = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}");
        var rows = page.QuerySelectorAll("main table tr").Where(r => r.TextContent.Contains("Globalement, êtes-vous satisfait", StringComparison.Ordinal)).ToList();
        return Cells(rows[1]) + " // " + page.QuerySelector("main")!.TextContent;
    }

    private Task<byte[]> ChartAsync(string kind) =>
        Cantal.Http.GetByteArrayAsync($"/resultats/graphique/{kind}?campagne={Ids.CurrentCampaignId}");

    /// <summary>A response to the current campaign whose overall satisfaction is « pas du tout satisfait ».</summary>
    private Task AddUnhappyResponseAsync() => App.WithDbAsync(async db =>
    {
        var version = await db.QuestionnaireVersions.Include(v => v.Questions).ThenInclude(q => q.Options).SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
        var global = version.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
        return await AddResponseAsync(db, version.Id, new SurveyAnswer { QuestionId = global.Id, OptionId = global.Options.OrderBy(o => o.Order).ElementAt(3).Id });
    });

    /// <summary>A response to the current campaign at the main site, five minutes ago, with one answer.</summary>
    private Task<int> AddResponseAsync(VoixUsager.Data.AppDbContext db, int versionId, SurveyAnswer answer)
    {
        var response = new SurveyResponse
        {
            CampaignId = Ids.CurrentCampaignId,
            SiteId = Ids.MainSiteId,
            QuestionnaireVersionId = versionId,
            Channel = SurveyChannel.QrCode,
            SubmissionId = Guid.NewGuid(),
            SubmittedAtUtc = DateTime.UtcNow.AddMinutes(-5),
        };
        response.Answers.Add(answer);
        db.SurveyResponses.Add(response);
        return db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_new_response_changes_the_page_and_its_charts_at_once()
    {
        var before = await GlobalDistributionAsync();
        Assert.Contains("12 | 10 | 5 | 3 | 10 | 30", before);
        Assert.Contains("40 réponse(s)", before);
        var chartBefore = await ChartAsync("satisfaction");
        // Served from memory the second time: the same figures, the same picture.
        Assert.Equal(before, await GlobalDistributionAsync());

        // The browser keeps the chart but asks again each time: kept for a minute, it would disagree
        // with the table after a new response.
        var url = $"/resultats/graphique/satisfaction?campagne={Ids.CurrentCampaignId}";
        var first = await Cantal.Http.GetAsync(url);
        Assert.True(first.Headers.CacheControl!.NoCache);
        var etag = first.Headers.ETag!;
        using (var unchanged = new HttpRequestMessage(HttpMethod.Get, url))
        {
            unchanged.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await Cantal.Http.SendAsync(unchanged)).StatusCode);
        }

        await AddUnhappyResponseAsync();

        using (var changed = new HttpRequestMessage(HttpMethod.Get, url))
        {
            changed.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.OK, (await Cantal.Http.SendAsync(changed)).StatusCode);
        }

        var after = await GlobalDistributionAsync();
        Assert.Contains("12 | 10 | 5 | 4 | 10 | 31", after);
        Assert.Contains("41 réponse(s)", after);
        Assert.NotEqual(chartBefore, await ChartAsync("satisfaction"));
    }

    [Fact]
    public async Task The_page_and_its_charts_share_one_computation_and_show_the_same_figures()
    {
        var memory = App.Services.GetRequiredService<ResultsMemory>();
        memory.Cache.Compact(1.0);
        await GlobalDistributionAsync();
        // The figures, and the list of the questionnaire versions the responses answered.
        Assert.Equal(2, memory.Cache.Count);

        var served = new Dictionary<string, byte[]>();
        foreach (var kind in ChartKinds.Survey)
        {
            served[kind.Slug()] = await ChartAsync(kind.Slug());
        }

        // One computed result, shared, and one picture per chart: nothing computed twice.
        Assert.Equal(2 + ChartKinds.Survey.Count, memory.Cache.Count);

        // Each chart is the drawing of exactly the figures a fresh, uncached computation gives, which are
        // those of the table.
        var fresh = await App.WithDbAsync(db => new SurveyResultsService(db).ComputeAsync(Ids.Staff.CantalId, new SurveyFilter(CampaignId: Ids.CurrentCampaignId), CancellationToken.None));
        foreach (var kind in ChartKinds.Survey)
        {
            Assert.Equal(ResultsCharts.Render(kind, fresh, null), served[kind.Slug()]);
        }

        var global = fresh.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
        Assert.Contains(string.Join(" | ", global.Options.Select(o => o.Count)), await GlobalDistributionAsync());
    }

    [Fact]
    public async Task Twenty_people_opening_the_same_dashboard_at_once_compute_it_once_and_a_new_response_shows_at_once()
    {
        var memory = App.Services.GetRequiredService<ResultsMemory>();
        memory.Cache.Compact(1.0);
        var before = memory.Computations;

        var pages = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(GlobalDistributionAsync)));
        Assert.All(pages, page => Assert.Equal(pages[0], page));
        Assert.Contains("40 réponse(s)", pages[0]);
        Assert.Equal(before + 1, memory.Computations);

        // Their browsers then ask for the three charts at once: each drawn once, from the same figures.
        var charts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => ChartAsync(ChartKinds.Survey[i % ChartKinds.Survey.Count].Slug()))));
        Assert.Equal(before + 1 + ChartKinds.Survey.Count, memory.Computations);
        Assert.Equal(ChartKinds.Survey.Count, charts.Select(Convert.ToBase64String).Distinct().Count());

        await AddUnhappyResponseAsync();
        var after = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(GlobalDistributionAsync)));
        Assert.All(after, page => Assert.Contains("12 | 10 | 5 | 4 | 10 | 31", page));
        Assert.All(after, page => Assert.Contains("41 réponse(s)", page));
        Assert.Equal(before + 2 + ChartKinds.Survey.Count, memory.Computations);
    }

    [Fact]
    public async Task A_response_to_a_questionnaire_no_campaign_names_shows_its_questions_at_once()
    {
        // The versions the responses answered are kept between requests (reading them means reading
        // every response of the préfecture); a response answering one the campaigns do not name (stored
        // before a team switched a running campaign) must still bring its questions at once.
        await using var scope = App.Services.CreateAsyncScope();
        var cache = scope.ServiceProvider.GetRequiredService<ResultsCache>();
        var filter = new SurveyFilter();
        var before = await cache.SurveyAsync(Ids.Staff.CantalId, filter, CancellationToken.None);
        Assert.DoesNotContain(before.Questions, q => q.Code == "horaires");

        await App.WithDbAsync(async db =>
        {
            var version = new QuestionnaireVersion
            {
                Key = "ancien-accueil", VersionNumber = 1, Title = "Ancien accueil", PrefectureId = Ids.Staff.CantalId, CreatedAtUtc = DateTime.UtcNow,
                Questions = [new Question { Code = "horaires", Order = 1, Text = "Les horaires vous conviennent-ils ?", Kind = QuestionKind.FreeText }],
            };
            db.QuestionnaireVersions.Add(version);
            await db.SaveChangesAsync();
            return await AddResponseAsync(db, version.Id, new SurveyAnswer { QuestionId = version.Questions.Single().Id, Text = "Oui, le samedi matin." });
        });

        var after = await cache.SurveyAsync(Ids.Staff.CantalId, filter, CancellationToken.None);
        Assert.Equal(before.Responses + 1, after.Responses);
        var added = Assert.Single(after.Questions, q => q.Code == "horaires");
        Assert.Equal("Les horaires vous conviennent-ils ?", added.Text);
        Assert.Contains(after.Questionnaires!, q => q.Questionnaire == "Ancien accueil v1" && q.Responses == 1);
    }

    [Fact]
    public async Task Cached_figures_never_cross_from_one_prefecture_to_another()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var cache = scope.ServiceProvider.GetRequiredService<ResultsCache>();
        var filter = new SurveyFilter();

        var cantal = await cache.SurveyAsync(Ids.Staff.CantalId, filter, CancellationToken.None);
        var allier = await cache.SurveyAsync(Ids.Staff.AllierId, filter, CancellationToken.None);

        Assert.Equal(60, cantal.Responses);
        Assert.Equal(0, allier.Responses);
        Assert.NotEqual(cantal.PrefectureName, allier.PrefectureName);
        Assert.Equal(cantal, await cache.SurveyAsync(Ids.Staff.CantalId, filter, CancellationToken.None));
        Assert.NotEqual(
            await cache.SurveyChartAsync(ChartKind.Tendance, Ids.Staff.CantalId, filter, CancellationToken.None),
            await cache.SurveyChartAsync(ChartKind.Tendance, Ids.Staff.AllierId, filter, CancellationToken.None));
    }

    [Fact]
    public async Task A_new_visitor_count_shows_at_once_in_representativeness()
    {
        static string Representativeness(AngleSharp.Html.Dom.IHtmlDocument page) =>
            string.Join("\n", page.QuerySelectorAll("main table tr").Where(r => r.QuerySelector("th")?.TextContent == "Préfecture Cantal" && r.QuerySelectorAll("td").Length == 4).Select(Cells));

        var before = Representativeness(await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}"));
        await App.WithDbAsync(db =>
        {
            var month = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20));
            db.SiteMonthlyVisitors.Add(new SiteMonthlyVisitors { SiteId = Ids.MainSiteId, Month = new DateOnly(month.Year, month.Month, 1), Visitors = 250 });
            return db.SaveChangesAsync();
        });

        var after = Representativeness(await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}"));
        Assert.NotEqual(before, after);
        Assert.Contains("25", after);
    }

    [Fact]
    public async Task Suggestions_are_paged_and_searched_in_the_database()
    {
        await App.WithDbAsync(async db =>
        {
            var version = await db.QuestionnaireVersions.Include(v => v.Questions).SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
            var suggestion = version.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Suggestion);
            for (var i = 0; i < 65; i++)
            {
                var response = new SurveyResponse
                {
                    CampaignId = Ids.CurrentCampaignId,
                    SiteId = Ids.MainSiteId,
                    QuestionnaireVersionId = version.Id,
                    Channel = SurveyChannel.QrCode,
                    SubmissionId = Guid.NewGuid(),
                    SubmittedAtUtc = DateTime.UtcNow.AddDays(-10).AddMinutes(i),
                };
                response.Answers.Add(new SurveyAnswer { QuestionId = suggestion.Id, Text = $"Idée {i:D3} : plus de bancs, appelez le 06 12 34 56 {i % 100:D2}" });
                db.SurveyResponses.Add(response);
            }

            return await db.SaveChangesAsync();
        });

        var first = await Cantal.GetPageAsync("/resultats/suggestions");
        Assert.Contains("67 suggestion(s)", first.QuerySelector("main")!.TextContent);
        var cards = first.QuerySelectorAll("main .fr-card");
        Assert.Equal(30, cards.Length);
        // Newest first, masked.
        Assert.Contains("Idée 064", cards[0].TextContent);
        Assert.DoesNotContain("06 12 34 56", first.QuerySelector("main")!.TextContent);

        var third = await Cantal.GetPageAsync("/resultats/suggestions?numero=3");
        Assert.Equal(7, third.QuerySelectorAll("main .fr-card").Length);
        Assert.Contains("67 suggestion(s)", third.QuerySelector("main")!.TextContent);

        // The page number was read from the route value of the same name before: every page was the first.
        var second = await Cantal.GetPageAsync("/resultats/suggestions?numero=2");
        Assert.Contains("Idée 034", second.QuerySelectorAll("main .fr-card")[0].TextContent);

        var bad = await Cantal.Http.GetAsync("/resultats/suggestions?numero=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Le numéro de page doit être un nombre entier à partir de 1.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        var searched = await Cantal.GetPageAsync("/resultats/suggestions?q=" + Uri.EscapeDataString("Idée 04"));
        Assert.Contains("10 suggestion(s)", searched.QuerySelector("main")!.TextContent);
        Assert.Equal(10, searched.QuerySelectorAll("main .fr-card").Length);

        // The digits of a masked phone number find nothing, however many texts hold them.
        var masked = await Cantal.GetPageAsync("/resultats/suggestions?q=" + Uri.EscapeDataString("34 56"));
        Assert.Contains("0 suggestion(s)", masked.QuerySelector("main")!.TextContent);
        Assert.Empty(masked.QuerySelectorAll("main .fr-card"));
    }

    [Fact]
    public async Task Responses_csv_is_streamed_in_the_same_format_as_the_file_written_in_memory()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/resultats/export/reponses.csv?campagne={Ids.CurrentCampaignId}");
        using var response = await Cantal.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CsvExport.ContentType, response.Content.Headers.ContentType!.ToString().Replace("\"", "", StringComparison.Ordinal));
        Assert.NotNull(response.Content.Headers.ContentDisposition);
        // Streamed: sent as it is written, so its length is unknown when the headers leave. A file built in
        // memory first is sent with its length.
        Assert.Null(response.Content.Headers.ContentLength);
        var streamed = await response.Content.ReadAsByteArrayAsync();

        // The same file written the former way, whole in memory, from the same scope.
        var text = System.Text.Encoding.UTF8.GetString(streamed);
        var cutoffText = text.Split("\r\n")[2].Split(';')[1];
        var cutoffParis = DateTime.ParseExact(cutoffText, "dd/MM/yyyy à HH:mm", CultureInfo.InvariantCulture);
        var expected = await App.WithDbAsync(async db =>
        {
            var exports = new ResultsExports(db, new SurveyResultsService(db));
            var name = await db.Prefectures.Where(p => p.Id == Ids.Staff.CantalId).Select(p => p.DisplayName).SingleAsync();
            var scope = new ExportScope(name, [("Campagne", "Campagne 2026")], FrenchTimeZones.ParisToUtc(cutoffParis).AddSeconds(59));
            var file = await exports.ResponsesCsvAsync(Ids.Staff.CantalId, new SurveyFilter(CampaignId: Ids.CurrentCampaignId), scope, CancellationToken.None);
            var rows = new List<IReadOnlyList<string?>>();
            await foreach (var row in file.Rows)
            {
                rows.Add(row);
            }

            return CsvExport.Write(file.Headers, rows, file.Preamble);
        });
        Assert.Equal(expected, streamed);
    }
}
