using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// Every page of the public survey, in French, English and Arabic (right to left), as the server sends
/// it, passes the W3C's Nu Html Checker: the form, the form refused with its errors, the thank-you page,
/// the closed survey (read, and answered after it closed), the retired site, the unknown site and an
/// unknown address under the survey. The pages are gathered first and checked in one run of the checker.
/// </summary>
public sealed class SurveyHtmlConformanceTests : IAsyncLifetime
{
    private const string RetiredSiteCode = "allier-vichy";

    private readonly VoixUsagerAppFactory _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        await _app.WithDbAsync(TestData.SeedAsync);
        await _app.WithDbAsync(MultilingualQuestionnaire.PublishForOpenSiteAsync);
        await _app.WithDbAsync(async db =>
        {
            var allier = await db.Sites.Where(s => s.PublicCode == TestData.OpenSiteCode).Select(s => s.PrefectureId).SingleAsync();
            db.Sites.Add(new Site
            {
                PrefectureId = allier, PublicCode = RetiredSiteCode, Name = "Sous-préfecture de Vichy", Kind = SiteKind.SousPrefecture,
                IsActive = false, RetiredAtUtc = DateTime.UtcNow.AddDays(-3), RetirementMessage = "L’accueil se fait désormais à Moulins, 2 rue Michel de l’Hospital.",
            });
            return await db.SaveChangesAsync();
        });
        PublicSurveyLookup.Forget(_app.Services.GetRequiredService<IMemoryCache>(), TestData.OpenSiteCode, RetiredSiteCode);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> PageAsync(HttpResponseMessage response, HttpStatusCode expected, string expectedLang, string what)
    {
        Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode} instead of {(int)expected}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(expectedLang, new HtmlParser().ParseDocument(html).DocumentElement.GetAttribute("lang"));
        return html;
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Every_public_survey_page_passes_the_w3c_checker(string language)
    {
        var langue = language == "fr" ? "" : $"langue={language}";
        string Url(string path, string? query = null) =>
            path + (string.Join("&", new[] { query, langue }.Where(q => !string.IsNullOrEmpty(q))) is { Length: > 0 } q ? "?" + q : "");
        // The interface is written in French and English: an Arabic page keeps those words in French.
        var interfaceLang = language == "en" ? "en" : "fr";
        var pages = new Dictionary<string, string>();

        var formUrl = Url($"/avis/{TestData.OpenSiteCode}", "canal=qr");
        var formResponse = await _client.GetAsync(formUrl);
        pages[$"form ({language})"] = await PageAsync(formResponse, HttpStatusCode.OK, language, "the form");
        var form = SurveyForm.Parse(pages[$"form ({language})"]);

        var refused = await _client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string> { ["jeton"] = form.SubmissionId, ["questionnaire"] = form.Document.QuerySelector("input[name=questionnaire]")!.GetAttribute("value")! }));
        pages[$"refused form ({language})"] = await PageAsync(refused, HttpStatusCode.UnprocessableEntity, language, "the refused form");
        Assert.Contains("id=\"erreurs\"", pages[$"refused form ({language})"], StringComparison.Ordinal);

        var sent = await _client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        pages[$"thank-you ({language})"] = await PageAsync(await _client.GetAsync(sent.Headers.Location), HttpStatusCode.OK, interfaceLang, "the thank-you page");

        pages[$"closed ({language})"] = await PageAsync(await _client.GetAsync(Url($"/avis/{TestData.ClosedSiteCode}")), HttpStatusCode.OK, interfaceLang, "the closed survey");
        // Answers sent to a survey that closed meanwhile: the closed page, with 409.
        var late = await _client.PostAsync(Url($"/avis/{TestData.ClosedSiteCode}"), new FormUrlEncodedContent(form.CompleteAnswers()));
        pages[$"closed after answering ({language})"] = await PageAsync(late, HttpStatusCode.Conflict, interfaceLang, "answers to a closed survey");

        pages[$"retired site ({language})"] = await PageAsync(await _client.GetAsync(Url($"/avis/{RetiredSiteCode}")), HttpStatusCode.Gone, interfaceLang, "the retired site");
        pages[$"unknown site ({language})"] = await PageAsync(await _client.GetAsync(Url("/avis/site-inexistant")), HttpStatusCode.NotFound, interfaceLang, "the unknown site");
        pages[$"unknown address ({language})"] = await PageAsync(await _client.GetAsync(Url($"/avis/{TestData.OpenSiteCode}/inconnu")), HttpStatusCode.NotFound, interfaceLang, "an unknown address under the survey");

        await HtmlChecker.AssertValidAsync(pages);
    }

    [Fact]
    public async Task The_check_boxes_of_a_multiple_choice_question_pass_the_w3c_checker_in_french_and_arabic()
    {
        await _app.WithDbAsync(MultilingualQuestionnaire.PublishMultipleChoiceForOpenSiteAsync);
        PublicSurveyLookup.Forget(_app.Services.GetRequiredService<IMemoryCache>(), TestData.OpenSiteCode);
        var pages = new Dictionary<string, string>();
        foreach (var language in new[] { "fr", "ar" })
        {
            var url = $"/avis/{TestData.OpenSiteCode}" + (language == "fr" ? "" : $"?langue={language}");
            pages[$"check boxes ({language})"] = await PageAsync(await _client.GetAsync(url), HttpStatusCode.OK, language, "the form");
            var form = SurveyForm.Parse(pages[$"check boxes ({language})"]);
            Assert.Equal(MultilingualQuestionnaire.MultipleChoiceOptions.Count, form.Document.QuerySelectorAll("input[type=checkbox]").Length);
            var refused = await _client.PostAsync(form.Action, new FormUrlEncodedContent(new Dictionary<string, string> { ["jeton"] = form.SubmissionId }));
            pages[$"check boxes refused ({language})"] = await PageAsync(refused, HttpStatusCode.UnprocessableEntity, language, "the refused form");
        }

        await HtmlChecker.AssertValidAsync(pages);
    }
}

/// <summary>The questionnaire editor's preview, in French and in each of the draft's languages, passes the W3C checker.</summary>
public sealed class QuestionnairePreviewHtmlConformanceTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();

    public Task InitializeAsync() => StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_preview_passes_the_w3c_checker_in_every_language_of_the_draft()
    {
        using var quality = StaffClient.For(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password)).StatusCode);
        const string list = "/qualite/questionnaires";
        var created = await quality.PostFormAsync(list + "?handler=Create", [new("title", "Votre avis sur le point d’accueil numérique"), new("origin", "tronc-commun")], list);
        var draft = created.Headers.Location!.OriginalString;
        var draftId = int.Parse(draft["/questionnaires/brouillons/".Length..], CultureInfo.InvariantCulture);
        async Task<string> Stamp() => (await quality.GetPageAsync(draft)).QuerySelector("input[name=stamp]")!.GetAttribute("value")!;

        var question = $"{draft}/question?type={QuestionKind.MultipleChoice}";
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(question,
            [new("stamp", await Stamp()), new("Text", "Quelles démarches avez-vous faites ?"), new("IsRequired", "true"),
             new("OptionLabel", "Titre de séjour"), new("OptionCode", ""), new("OptionLabel", "Permis de conduire"), new("OptionCode", "")], question)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync($"{draft}?handler=AddLanguage",
            [new("language", "ar"), new("otherLanguage", ""), new("stamp", await Stamp())], draft)).StatusCode);
        var arabic = $"{draft}/langues/ar";
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(arabic,
            [new("stamp", await Stamp()), new("title", "رأيك في نقطة الاستقبال الرقمية"), new("q7-text", "ما الإجراءات التي قمت بها؟"), new("q7-o0", "تصريح الإقامة"), new("q7-o1", "رخصة القيادة")], arabic)).StatusCode);
        var languages = await _app.WithDbAsync(async db => DraftContent.Parse(await db.QuestionnaireDrafts.Where(d => d.Id == draftId).Select(d => d.ContentJson).SingleAsync()).Languages);
        Assert.Equal(["en", "ar"], languages);

        var pages = new Dictionary<string, string>();
        foreach (var language in new string?[] { null }.Concat(languages))
        {
            var url = $"{draft}/apercu" + (language is null ? "" : $"?langue={language}");
            var response = await quality.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            pages[$"preview ({language ?? "fr"})"] = await response.Content.ReadAsStringAsync();
        }

        // Each text marked with its language as on the published form: the interface's words in English
        // where it is written in it, in French marked as such in Arabic, with the untranslated questions flagged.
        var english = new HtmlParser().ParseDocument(pages["preview (en)"]).QuerySelector(".vu-apercu-formulaire")!;
        Assert.Equal(("Send my feedback", null), (english.QuerySelector("button")!.TextContent.Trim(), english.QuerySelector("button")!.GetAttribute("lang")));
        Assert.StartsWith("Help us improve", english.QuerySelector(".fr-text--lead")!.TextContent.Trim(), StringComparison.Ordinal);
        var preview = new HtmlParser().ParseDocument(pages["preview (ar)"]).QuerySelector(".vu-apercu-formulaire")!;
        Assert.Equal(("ar", "rtl"), (preview.ParentElement!.GetAttribute("lang"), preview.ParentElement!.GetAttribute("dir")));
        Assert.Equal(("رأيك في نقطة الاستقبال الرقمية", null), (preview.QuerySelector(".fr-h1")!.TextContent.Trim(), preview.QuerySelector(".fr-h1")!.GetAttribute("lang")));
        Assert.Equal(("Envoyer mon avis", "fr", "ltr"), (preview.QuerySelector("button")!.TextContent.Trim(), preview.QuerySelector("button")!.GetAttribute("lang"), preview.QuerySelector("button")!.GetAttribute("dir")));
        Assert.Equal(("fr", "ltr"), (preview.QuerySelector(".fr-text--lead")!.GetAttribute("lang"), preview.QuerySelector(".fr-text--lead")!.GetAttribute("dir")));
        // The seven national questions are not translated into Arabic; the team's question is.
        Assert.Equal(7, preview.QuerySelectorAll(".vu-badge-langue").Length);
        var translated = preview.QuerySelectorAll("legend").Last();
        Assert.Contains("ما الإجراءات التي قمت بها؟", translated.TextContent, StringComparison.Ordinal);
        Assert.Null(translated.QuerySelector(".vu-badge-langue"));
        Assert.Equal(["تصريح الإقامة", "رخصة القيادة"], preview.QuerySelectorAll(".fr-checkbox-group").Select(g => g.TextContent.Trim()));
        Assert.All(preview.QuerySelectorAll(".fr-checkbox-group"), g => Assert.Null(g.GetAttribute("lang")));
        Assert.All(preview.QuerySelectorAll(".fr-radio-group"), g => Assert.Equal(("fr", "ltr"), (g.GetAttribute("lang"), g.GetAttribute("dir"))));

        await HtmlChecker.AssertValidAsync(pages);
    }
}
