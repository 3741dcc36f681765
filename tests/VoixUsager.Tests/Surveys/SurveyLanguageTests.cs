using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

/// <summary>The public survey in several languages: what the usager reads, what is stored, how it is counted.</summary>
public sealed class SurveyLanguageTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        await _app.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> NationalVersionIdAsync() =>
        _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.Key == DefaultQuestionnaire.Key).Select(v => v.Id).SingleAsync());

    private async Task<QuestionnaireDefinition> CatalogAsync(int versionId, string? language)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<QuestionnaireCatalog>().GetAsync(versionId, language);
    }

    [Fact]
    public async Task National_questionnaire_ships_in_english_with_every_question_and_option_translated()
    {
        var english = await CatalogAsync(await NationalVersionIdAsync(), "en");

        Assert.Equal(["fr", "en"], english.Languages);
        Assert.Equal("en", english.Language);
        Assert.Equal("Your feedback on how the prefecture served you", english.Title);
        Assert.Equal(7, english.Questions.Count);
        Assert.All(english.Questions, q => Assert.False(q.ShownInFrench, q.Code));
        Assert.All(english.Questions, q => Assert.Equal("en", q.TextLanguage));
        Assert.All(english.Questions.SelectMany(q => q.Options), o => Assert.Equal("en", o.LabelLanguage));
        Assert.Equal("How did you contact the prefecture?", english.Questions[0].Text);
        Assert.Equal("Very satisfied", english.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale).Options[0].Label);
        Assert.StartsWith("Optional.", english.Questions[^1].HelpText);
    }

    [Fact]
    public async Task A_question_without_translation_falls_back_to_french_and_is_flagged()
    {
        var versionId = await _app.WithDbAsync(MultilingualQuestionnaire.PublishForOpenSiteAsync);

        var arabic = await CatalogAsync(versionId, "AR");
        var french = await CatalogAsync(versionId, "fr");

        Assert.Equal(["fr", "ar", "en"], arabic.Languages);
        Assert.Equal(("ar", MultilingualQuestionnaire.ArabicTitle), (arabic.Language, arabic.Title));
        var untranslated = arabic.Questions.Single(q => q.Code == MultilingualQuestionnaire.UntranslatedCode);
        var frenchText = french.Questions.Single(q => q.Code == MultilingualQuestionnaire.UntranslatedCode);
        Assert.True(untranslated.ShownInFrench);
        Assert.Equal(("fr", frenchText.Text), (untranslated.TextLanguage, untranslated.Text));
        Assert.All(untranslated.Options, o => Assert.Equal("fr", o.LabelLanguage));
        Assert.All(arabic.Questions.Where(q => q.Code != MultilingualQuestionnaire.UntranslatedCode), q => Assert.Equal(("ar", false), (q.TextLanguage, q.ShownInFrench)));
        // Same questions and option ids in every language: answers count together.
        Assert.Equal(french.Questions.SelectMany(q => q.Options).Select(o => o.Id), arabic.Questions.SelectMany(q => q.Options).Select(o => o.Id));
        Assert.All(french.Questions, q => Assert.False(q.ShownInFrench));

        // A language the version does not offer is the French version, never an error.
        var unknown = await CatalogAsync(versionId, "de");
        Assert.Equal("fr", unknown.Language);
        Assert.Equal(french.Title, unknown.Title);
    }

    [Fact]
    public async Task A_response_sent_in_english_is_stored_in_english_and_counts_with_the_french_ones()
    {
        var english = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?canal=qr&langue=en");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", english.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Send my feedback", english.Document.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Contains("langue=en", english.Action);
        // The header stays French, and says so.
        Assert.Equal("fr", english.Document.QuerySelector("header")!.GetAttribute("lang"));
        var selector = english.Document.QuerySelectorAll("nav.vu-langues a").Select(a => (a.GetAttribute("lang"), a.GetAttribute("aria-current"))).ToList();
        Assert.Equal([("fr", null), ("en", "true")], selector);

        var posted = await _client.PostAsync(english.Action, new FormUrlEncodedContent(english.CompleteAnswers("A quieter waiting room.")));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var thanksUrl = posted.Headers.Location!.ToString();
        Assert.Contains("langue=en", thanksUrl);
        var thanks = new HtmlParser().ParseDocument(await _client.GetStringAsync(thanksUrl));
        Assert.Equal("en", thanks.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Thank you for your feedback", thanks.QuerySelector("h1")!.TextContent.Trim());

        var french = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?canal=qr");
        Assert.Equal(HttpStatusCode.SeeOther, (await _client.PostAsync(french.Action, new FormUrlEncodedContent(french.CompleteAnswers()))).StatusCode);

        var languages = await _app.WithDbAsync(db => db.SurveyResponses.OrderBy(r => r.Id).Select(r => r.Language).ToListAsync());
        Assert.Equal(["en", "fr"], languages);

        var (prefectureId, campaignId) = await _app.WithDbAsync(db => db.SurveyCampaigns.Where(c => c.Prefecture.DepartementCode == "03").Select(c => new { c.PrefectureId, c.Id }).SingleAsync().ContinueWith(t => (t.Result.PrefectureId, t.Result.Id)));
        var results = await _app.WithDbAsync(db => new SurveyResultsService(db).ComputeAsync(prefectureId, new SurveyFilter(CampaignId: campaignId), CancellationToken.None));
        Assert.Equal(2, results.Responses);
        var global = results.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
        // Both answered the first option ("Tout à fait satisfait" / "Very satisfied"): one figure, two languages.
        Assert.Equal(2, global.Options[0].Count);
        Assert.Equal(2, global.Scale!.TresSatisfaits);
        Assert.Equal(["Français", "Anglais"], results.ByLanguage.Select(r => r.Label));
        Assert.All(results.ByLanguage, r => Assert.Equal((1, 1), (r.Satisfaction.TresSatisfaits, r.Satisfaction.Expressed)));
        Assert.Equal(global.Scale.Expressed, results.ByLanguage.Sum(r => r.Satisfaction.Expressed));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de")]
    [InlineData("<script>")]
    [InlineData("fr-FR-extra-bien-trop-long-pour-une-langue-vraiment")]
    public async Task An_unknown_or_unoffered_language_falls_back_to_french(string langue)
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?langue={Uri.EscapeDataString(langue)}");

        Assert.Equal("fr", form.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Envoyer mon avis", form.Document.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.DoesNotContain("langue", form.Action);

        var posted = await _client.PostAsync($"/avis/{TestData.OpenSiteCode}?langue={Uri.EscapeDataString(langue)}", new FormUrlEncodedContent(form.CompleteAnswers()));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("fr", await _app.WithDbAsync(db => db.SurveyResponses.Select(r => r.Language).SingleAsync()));
    }

    [Fact]
    public async Task Arabic_page_is_right_to_left_marks_the_french_fallback_and_stores_arabic()
    {
        await _app.WithDbAsync(MultilingualQuestionnaire.PublishForOpenSiteAsync);
        PublicSurveyLookup.Forget(_app.Services.GetRequiredService<IMemoryCache>(), TestData.OpenSiteCode);

        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?langue=ar");
        Assert.Equal(("ar", "rtl"), (form.Document.DocumentElement.GetAttribute("lang"), form.Document.DocumentElement.GetAttribute("dir")));
        Assert.Equal(MultilingualQuestionnaire.ArabicTitle, form.Document.QuerySelector("h1")!.TextContent.Trim());
        // No interface words in Arabic: they stay French, marked French and left to right.
        var button = form.Document.QuerySelector("button[type=submit]")!;
        Assert.Equal(("Envoyer mon avis", "fr", "ltr"), (button.TextContent.Trim(), button.GetAttribute("lang"), button.GetAttribute("dir")));
        var badges = form.Document.QuerySelectorAll(".vu-badge-langue");
        var badge = Assert.Single(badges);
        Assert.Equal(("Question en français", "fr"), (badge.TextContent.Trim(), badge.GetAttribute("lang")));
        var untranslatedLegend = badge.ParentElement!;
        Assert.Contains(untranslatedLegend.QuerySelectorAll("span[lang=fr]"), s => s.TextContent.Contains("explications"));
        Assert.Equal(["fr", "ar", "en"], form.Document.QuerySelectorAll("nav.vu-langues a").Select(a => a.GetAttribute("lang")));

        // A refused form keeps the language: the messages in the interface's language (French here).
        var refused = await _client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string> { ["jeton"] = form.SubmissionId }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("ar", refusedPage.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", refusedPage.QuerySelector("#erreurs")!.GetAttribute("lang"));

        var posted = await _client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers("غرفة انتظار أكبر")));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("ar", await _app.WithDbAsync(db => db.SurveyResponses.Select(r => r.Language).SingleAsync()));
    }

    [Fact]
    public async Task English_survey_errors_closed_and_unknown_pages_are_in_english()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?langue=en");
        var refused = await _client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string> { ["jeton"] = form.SubmissionId }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("There are 6 problems with the form", refusedPage.QuerySelector("#erreurs h2")!.TextContent.Trim());
        Assert.Contains("Please choose an answer.", refusedPage.QuerySelector(".fr-message--error")!.TextContent);
        Assert.StartsWith("Error: ", refusedPage.Title);

        var closed = new HtmlParser().ParseDocument(await _client.GetStringAsync($"/avis/{TestData.ClosedSiteCode}?langue=en"));
        Assert.Equal("en", closed.DocumentElement.GetAttribute("lang"));
        Assert.Equal("The satisfaction survey is closed", closed.QuerySelector("h1")!.TextContent.Trim());

        var unknown = await _client.GetAsync("/avis/site-inexistant?langue=en");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var unknownPage = new HtmlParser().ParseDocument(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(("en", "Page not found"), (unknownPage.DocumentElement.GetAttribute("lang"), unknownPage.QuerySelector("h1")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Start_up_adds_the_english_translation_to_an_existing_national_version_once()
    {
        // A database created before the translation was shipped: the national version without it.
        await _app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"QuestionOptionTranslations\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"QuestionTranslations\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"QuestionnaireVersionTranslations\"");
            return 0;
        });
        Task<int> RowsAsync() => _app.WithDbAsync(async db =>
            await db.QuestionnaireVersionTranslations.CountAsync() + await db.QuestionTranslations.CountAsync() + await db.QuestionOptionTranslations.CountAsync());
        Assert.Equal(0, await RowsAsync());

        await _app.WithDbAsync(db => DefaultQuestionnaire.EnsureCreatedAsync(db, TimeProvider.System));
        var expected = 1 + 7 + (5 + 6 + (4 * 5));
        Assert.Equal(expected, await RowsAsync());
        await _app.WithDbAsync(db => DefaultQuestionnaire.EnsureCreatedAsync(db, TimeProvider.System));
        Assert.Equal(expected, await RowsAsync());

        var versions = await _app.WithDbAsync(db => db.QuestionnaireVersions.CountAsync(v => v.Key == DefaultQuestionnaire.Key));
        Assert.Equal(1, versions);
        var english = await _app.WithDbAsync(db => db.QuestionTranslations.Where(t => t.Language == "en").Select(t => t.Text).ToListAsync());
        Assert.Contains("Overall, are you satisfied with how you were welcomed and the service you received?", english);
    }
}
