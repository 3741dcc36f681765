using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

public sealed class PublicSurveyTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private HttpClient _client = null!;
    private int _openCampaignId;

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        _openCampaignId = await _app.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> CountResponsesAsync() => _app.WithDbAsync(db => db.SurveyResponses.CountAsync());

    private Task<int> CountAnswersAsync() => _app.WithDbAsync(db => db.SurveyAnswers.CountAsync());

    private async Task<HttpResponseMessage> PostAsync(SurveyForm form, IDictionary<string, string> fields) =>
        await _client.PostAsync(form.Action, new FormUrlEncodedContent(fields));

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await CountResponsesAsync());
        Assert.Equal(0, await CountAnswersAsync());
    }

    [Fact]
    public async Task Form_shows_the_seven_questions_in_french_with_the_prefecture_name()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?canal=qr");

        Assert.Equal("fr", form.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(6, form.ChoiceQuestions.Count);
        Assert.Equal(5, form.ChoiceQuestions[0].Values.Count);
        Assert.Equal(6, form.ChoiceQuestions[1].Values.Count);
        Assert.All(form.ChoiceQuestions.Skip(2), q => Assert.Equal(5, q.Values.Count));
        Assert.Single(form.Document.QuerySelectorAll("textarea[maxlength='2000']"));
        Assert.Equal(6, form.Document.QuerySelectorAll("fieldset.fr-fieldset legend").Length);
        Assert.Contains("Préfecture de l'Allier", form.Document.QuerySelector(".fr-header__service-title")!.TextContent);
        Assert.Contains("donnée personnelle", form.Document.QuerySelector("label[for=" + form.FreeTextName + "]")!.TextContent);
        Assert.Equal("qr", form.Document.QuerySelector("input[name=canal]")!.GetAttribute("value"));
        Assert.True(Guid.TryParse(form.SubmissionId, out _));
        Assert.NotNull(form.Document.QuerySelector("a[href='/accessibilite']"));
        Assert.NotNull(form.Document.QuerySelector("a[href='/donnees-personnelles']"));
    }

    [Fact]
    public async Task Valid_post_stores_one_response_with_its_answers_and_redirects_to_thanks()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}?canal=qr");

        var response = await PostAsync(form, form.CompleteAnswers());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/avis/{TestData.OpenSiteCode}/merci", response.Headers.Location!.OriginalString);
        var stored = await _app.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync());
        Assert.Equal(_openCampaignId, stored.CampaignId);
        Assert.Equal(SurveyChannel.QrCode, stored.Channel);
        Assert.Equal(Guid.Parse(form.SubmissionId), stored.SubmissionId);
        Assert.Equal(7, stored.Answers.Count);
        Assert.Equal("Un guichet séparé pour les étrangers.", stored.Answers.Single(a => a.Text is not null).Text);
        Assert.True((DateTime.UtcNow - stored.SubmittedAtUtc).Duration() < TimeSpan.FromMinutes(1));

        var thanks = await _client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains("Merci pour votre avis", await thanks.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Optional_suggestion_may_be_left_empty()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers(suggestion: "   ");

        var response = await PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(6, await CountAnswersAsync());
        Assert.Equal(SurveyChannel.NonPrecise, await _app.WithDbAsync(db => db.SurveyResponses.Select(r => r.Channel).SingleAsync()));
    }

    [Fact]
    public async Task Re_post_of_the_same_form_stores_exactly_one_response_and_shows_the_same_thanks()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(form, fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await CountResponsesAsync());
        Assert.Equal(7, await CountAnswersAsync());
    }

    [Fact]
    public async Task Many_concurrent_submissions_are_all_stored_without_database_is_locked()
    {
        var forms = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}")));

        var responses = await Task.WhenAll(forms.Select(form => PostAsync(form, form.CompleteAnswers())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(60, await CountResponsesAsync());
        Assert.Equal(60 * 7, await CountAnswersAsync());
    }

    [Fact]
    public async Task Missing_answer_is_shown_the_dsfr_way_with_answers_kept_and_nothing_stored()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers("Mieux signaler l'entrée");
        var missing = form.ChoiceQuestions[3].Name;
        fields.Remove(missing);

        var response = await PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = SurveyForm.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Erreur", page.Document.Title);
        var fieldset = page.Document.QuerySelector($"fieldset#{missing}")!;
        Assert.Contains("fr-fieldset--error", fieldset.ClassName);
        Assert.Contains($"{missing}-messages", fieldset.GetAttribute("aria-labelledby"));
        Assert.Equal(SurveySubmissionValidator.MissingChoice, page.Document.QuerySelector($"#{missing}-messages .fr-message--error")!.TextContent);
        var summaryLink = page.Document.QuerySelector("#erreurs a")!;
        Assert.Equal($"#{missing}-{form.ChoiceQuestions[3].Values[0]}", summaryLink.GetAttribute("href"));
        Assert.Contains("Question 4", summaryLink.TextContent);
        // The other answers are kept, and the same one-time id is reused.
        Assert.NotNull(page.Document.QuerySelector($"input[name={form.ChoiceQuestions[0].Name}][value='{form.ChoiceQuestions[0].Values[0]}'][checked]"));
        Assert.Equal("Mieux signaler l'entrée", page.Document.QuerySelector("textarea")!.TextContent);
        Assert.Equal(form.SubmissionId, page.SubmissionId);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Option_of_another_question_is_refused()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers();
        fields[form.ChoiceQuestions[2].Name] = form.ChoiceQuestions[3].Values[0];

        var response = await PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(SurveySubmissionValidator.UnknownChoice, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1 OR 1=1")]
    public async Task Unknown_option_is_refused(string value)
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers();
        fields[form.ChoiceQuestions[0].Name] = value;

        var response = await PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(SurveySubmissionValidator.UnknownChoice, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Two_values_for_one_question_are_refused()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers().ToList();
        fields.Add(new(form.ChoiceQuestions[0].Name, form.ChoiceQuestions[0].Values[1]));

        var response = await _client.PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Text_of_2001_characters_is_refused_and_2000_accepted()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");

        var tooLong = await PostAsync(form, form.CompleteAnswers(new string('é', 2001)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var html = WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("2\u202F001 caractères", html.Replace('\u00A0', '\u202F'));
        await AssertNothingStoredAsync();

        // Line breaks arrive as CRLF but count as one character, as the browser's maxlength counts them.
        var exact = new string('a', 999) + "\r\n" + new string('b', 1000);
        var accepted = await PostAsync(form, form.CompleteAnswers(exact));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        var text = await _app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Text != null).Select(a => a.Text!).SingleAsync());
        Assert.Equal(2000, text.Length);
    }

    [Fact]
    public async Task Unknown_site_answers_404_in_french()
    {
        var response = await _client.GetAsync("/avis/site-inexistant");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page non trouvée", await response.Content.ReadAsStringAsync());

        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var post = await _client.PostAsync("/avis/site-inexistant", new FormUrlEncodedContent(form.CompleteAnswers()));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var strange = await _client.GetAsync("/avis/%3Cscript%3E");
        Assert.Equal(HttpStatusCode.NotFound, strange.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Machines_asking_for_json_get_a_problem_description()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/avis/site-inexistant");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Page non trouvée", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Closed_campaign_says_when_the_next_one_opens_and_refuses_posts()
    {
        var page = await _client.GetAsync($"/avis/{TestData.ClosedSiteCode}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("L’enquête de satisfaction est fermée", html);
        Assert.Contains(TestData.NextCantalOpening.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), html);
        Assert.DoesNotContain("<form method=\"post\"", html);

        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var post = await _client.PostAsync($"/avis/{TestData.ClosedSiteCode}", new FormUrlEncodedContent(form.CompleteAnswers()));
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("L’enquête de satisfaction est fermée", await post.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Closed_page_announces_the_first_campaign_to_come_and_not_a_cancelled_or_later_one()
    {
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        await _app.WithDbAsync(async db =>
        {
            var cantal = await db.Prefectures.SingleAsync(p => p.DepartementCode == "15");
            var questionnaireId = await db.SurveyCampaigns.Where(c => c.PrefectureId == cantal.Id).Select(c => c.QuestionnaireVersionId).FirstAsync();
            db.SurveyCampaigns.AddRange(
                new SurveyCampaign { PrefectureId = cantal.Id, Name = "Annulée", StartsOn = TestData.Today.AddDays(5), EndsOn = TestData.Today.AddDays(9), QuestionnaireVersionId = questionnaireId, ClosedAtUtc = DateTime.UtcNow },
                new SurveyCampaign { PrefectureId = cantal.Id, Name = "Plus tard", StartsOn = TestData.NextCantalOpening.AddDays(100), EndsOn = TestData.NextCantalOpening.AddDays(120), QuestionnaireVersionId = questionnaireId });
            return await db.SaveChangesAsync();
        });

        var html = await _client.GetStringAsync($"/avis/{TestData.ClosedSiteCode}");
        Assert.Contains(TestData.NextCantalOpening.ToString("d MMMM yyyy", french), html);
        Assert.DoesNotContain(TestData.Today.AddDays(5).ToString("d MMMM yyyy", french), html);

        await _app.WithDbAsync(async db =>
        {
            foreach (var campaign in await db.SurveyCampaigns.Where(c => c.Prefecture.DepartementCode == "15" && c.StartsOn > TestData.Today).ToListAsync())
            {
                campaign.ClosedAtUtc = DateTime.UtcNow;
            }

            return await db.SaveChangesAsync();
        });
        // The form remembers a site's availability for a few seconds; an edit through the staff pages forgets it.
        PublicSurveyLookup.Forget(_app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(), TestData.ClosedSiteCode);
        Assert.Contains("La date de la prochaine enquête n’est pas encore connue.", await _client.GetStringAsync($"/avis/{TestData.ClosedSiteCode}"));
    }

    [Fact]
    public async Task Campaign_closed_while_answering_stores_nothing()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        await _app.WithDbAsync(async db =>
        {
            var campaign = await db.SurveyCampaigns.SingleAsync(c => c.Id == _openCampaignId);
            campaign.ClosedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });

        var response = await PostAsync(form, form.CompleteAnswers());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pas-un-identifiant")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Missing_or_malformed_submission_id_is_refused_with_a_fresh_one(string? submissionId)
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers();
        if (submissionId is null)
        {
            fields.Remove("jeton");
        }
        else
        {
            fields["jeton"] = submissionId;
        }

        var response = await PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = SurveyForm.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("n’a pas pu être identifié", page.Document.QuerySelector("#erreurs")!.TextContent);
        Assert.True(Guid.TryParse(page.SubmissionId, out var fresh) && fresh != Guid.Empty);
        await AssertNothingStoredAsync();

        // Sent again as the page now offers it, the survey is stored once.
        var again = await PostAsync(page, page.CompleteAnswers());
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(1, await CountResponsesAsync());
    }

    [Fact]
    public async Task Reused_submission_id_with_other_answers_keeps_the_first_response_only()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        await PostAsync(form, form.CompleteAnswers("premier envoi"));

        var reused = await PostAsync(form, form.CompleteAnswers("second envoi"));

        Assert.Equal(HttpStatusCode.SeeOther, reused.StatusCode);
        Assert.Equal(1, await CountResponsesAsync());
        Assert.Equal("premier envoi", await _app.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Text != null).Select(a => a.Text).SingleAsync()));
    }

    [Fact]
    public async Task Filled_honeypot_is_silently_discarded()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var fields = form.CompleteAnswers();
        fields["site_web"] = "http://spam.example";

        var response = await PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Malformed_form_body_is_refused_with_400()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--frontiere\r\nContent-Disposition: form-data; name=\"q1\"\r\n\r\nsans fin"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=frontiere");

        var response = await _client.PostAsync($"/avis/{TestData.OpenSiteCode}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Requête incorrecte", await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Json_body_is_refused_with_415()
    {
        var response = await _client.PostAsync($"/avis/{TestData.OpenSiteCode}", new StringContent("{\"q1\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Response_stores_no_ip_user_agent_or_cookie()
    {
        var form = await SurveyForm.LoadAsync(_client, $"/avis/{TestData.OpenSiteCode}");
        var formResponse = await _client.GetAsync($"/avis/{TestData.OpenSiteCode}");
        Assert.False(formResponse.Headers.Contains("Set-Cookie"));

        var request = new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(form.CompleteAnswers()) };
        request.Headers.UserAgent.ParseAdd("NavigateurTemoin/1.0");
        request.Headers.Add("X-Forwarded-For", "203.0.113.77");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        // Read the raw rows: neither the address nor the user agent may appear anywhere in them.
        await using var connection = _app.OpenRawConnection();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "SELECT * FROM \"SurveyResponses\"";
        await using var reader = await checkpoint.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        // The language is the form's, chosen in its address: it says nothing of the person.
        Assert.Equal(
            ["CampaignId", "Channel", "Id", "Language", "QuestionnaireVersionId", "SiteId", "SubmissionId", "SubmittedAtUtc"],
            columns.Order(StringComparer.Ordinal).ToList());
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i)?.ToString() ?? "";
                Assert.DoesNotContain("203.0.113.77", value);
                Assert.DoesNotContain("NavigateurTemoin", value);
            }
        }
    }
}
