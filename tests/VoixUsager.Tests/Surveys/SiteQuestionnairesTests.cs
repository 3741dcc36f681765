using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// A campaign whose sites answer different questionnaires (one with a multiple-choice and a 0–10
/// question): which form a site and channel get, what is stored, how results aggregate, how a running
/// campaign switches, and the interviews the quality team types.
/// </summary>
public sealed class SiteQuestionnairesTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private ResultsTestData.Ids _ids = null!;
    private int _panVersionId;
    private int _defaultVersionId;

    public const string ServicesCode = "services-utilises";
    public const string RecommandationCode = "recommandation";

    public async Task InitializeAsync()
    {
        _ids = await ResultsTestData.SeedAsync(_app);
        (_panVersionId, _defaultVersionId) = await _app.WithDbAsync(async db =>
        {
            var version = await CreatePanQuestionnaireAsync(db, _ids.Staff.CantalId);
            return (version, await db.QuestionnaireVersions.Where(v => v.Key == DefaultQuestionnaire.Key).Select(v => v.Id).SingleAsync());
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A préfecture's own questionnaire: the national overall satisfaction, services ticked, a 0–10 note.</summary>
    public static async Task<int> CreatePanQuestionnaireAsync(VoixUsager.Data.AppDbContext db, int prefectureId, string key = "point-accueil-numerique")
    {
        var version = new QuestionnaireVersion
        {
            Key = key, VersionNumber = 1, Title = "PAN", PrefectureId = prefectureId, CreatedAtUtc = DateTime.UtcNow,
            Questions =
            [
                new Question
                {
                    Code = ServicesCode, Order = 1, Text = "Pour quelles démarches êtes-vous venu(e) ?", Kind = QuestionKind.MultipleChoice, IsRequired = true,
                    Options =
                    [
                        new QuestionOption { Code = "titres", Label = "Titres d’identité", Order = 1 },
                        new QuestionOption { Code = "etrangers", Label = "Titre de séjour", Order = 2 },
                        new QuestionOption { Code = "permis", Label = "Permis de conduire", Order = 3 },
                    ],
                },
                new Question
                {
                    Code = RecommandationCode, Order = 2, Text = "Recommanderiez-vous le point d’accueil numérique ?", Kind = QuestionKind.ZeroToTen, IsRequired = true,
                    Options = Enumerable.Range(0, 11).Select(n => new QuestionOption { Code = n.ToString(CultureInfo.InvariantCulture), Label = n.ToString(CultureInfo.InvariantCulture), Score = n, Order = n + 1 }).ToList(),
                },
                new Question
                {
                    Code = DefaultQuestionnaire.Codes.SatisfactionGlobale, Order = 6, Text = "Globalement, êtes-vous satisfait(e) ?", Kind = QuestionKind.SatisfactionScale, IsRequired = true,
                    Options = DefaultQuestionnaire.ScaleOptions.Select((o, i) => new QuestionOption { Code = o.Code, Label = o.Label, Score = o.Score, Order = i + 1 }).ToList(),
                },
            ],
        };
        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    private async Task AssignAsync(int siteId, SurveyChannel? channel, int versionId) => await _app.WithDbAsync(async db =>
    {
        db.SurveyCampaignQuestionnaires.Add(new SurveyCampaignQuestionnaire { CampaignId = _ids.CurrentCampaignId, SiteId = siteId, Channel = channel, QuestionnaireVersionId = versionId });
        await db.SaveChangesAsync();
        return 0;
    });

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<string> SiteCodeAsync(int siteId) => _app.WithDbAsync(db => db.Sites.Where(s => s.Id == siteId).Select(s => s.PublicCode).SingleAsync());

    [Fact]
    public async Task The_lookup_gives_the_site_and_channel_s_questionnaire_then_the_site_s_then_the_campaign_s()
    {
        var secondCode = await SiteCodeAsync(_ids.SecondSiteId);
        var mainCode = await SiteCodeAsync(_ids.MainSiteId);
        await AssignAsync(_ids.SecondSiteId, SurveyChannel.PointAccueilNumerique, _panVersionId);
        var other = await _app.WithDbAsync(async db =>
        {
            var copy = new QuestionnaireVersion { Key = "autre", VersionNumber = 1, Title = "Autre", PrefectureId = _ids.Staff.CantalId, CreatedAtUtc = DateTime.UtcNow,
                Questions = [new Question { Code = "x", Order = 1, Text = "X ?", Kind = QuestionKind.FreeText }] };
            db.QuestionnaireVersions.Add(copy);
            await db.SaveChangesAsync();
            return copy.Id;
        });
        await AssignAsync(_ids.SecondSiteId, null, other);

        async Task<int> VersionAsync(string code, SurveyChannel channel) => await WithScopeAsync(async s =>
            Assert.IsType<SurveyAvailability.Open>(await s.GetRequiredService<PublicSurveyLookup>().FindAsync(code, channel, CancellationToken.None)).Questionnaire.VersionId);

        Assert.Equal(_panVersionId, await VersionAsync(secondCode, SurveyChannel.PointAccueilNumerique));
        Assert.Equal(other, await VersionAsync(secondCode, SurveyChannel.QrCode));
        Assert.Equal(_defaultVersionId, await VersionAsync(mainCode, SurveyChannel.PointAccueilNumerique));

        // Through the form: ?canal= picks the questionnaire.
        using var client = _app.CreateBrowserLikeClient();
        var pan = await SurveyForm.LoadAsync(client, $"/avis/{secondCode}?canal=pan");
        Assert.Equal("PAN", pan.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(3, pan.Document.QuerySelectorAll($"input[type=checkbox]").Length);
        Assert.Equal(11, pan.Document.QuerySelectorAll(".vu-zero-dix input[type=radio]").Length);
        Assert.Contains("0 = pas du tout, 10 = tout à fait", pan.Document.QuerySelector(".vu-zero-dix")!.Closest("fieldset")!.QuerySelector("legend")!.TextContent);
    }

    [Fact]
    public async Task A_poster_names_the_languages_of_the_questionnaire_its_site_and_channel_answer()
    {
        await AssignAsync(_ids.SecondSiteId, SurveyChannel.PointAccueilNumerique, _panVersionId);
        var today = await WithScopeAsync(s => Task.FromResult(s.GetRequiredService<FranceClock>().Today));

        var (panPoster, qrPoster, otherSitePan, national) = await _app.WithDbAsync(async db => (
            await SurveyLanguages.OfferedAsync(db, _ids.Staff.CantalId, _ids.SecondSiteId, SurveyChannel.PointAccueilNumerique, today),
            await SurveyLanguages.OfferedAsync(db, _ids.Staff.CantalId, _ids.SecondSiteId, SurveyChannel.QrCode, today),
            await SurveyLanguages.OfferedAsync(db, _ids.Staff.CantalId, _ids.MainSiteId, SurveyChannel.PointAccueilNumerique, today),
            await db.QuestionnaireVersionTranslations.Where(t => t.QuestionnaireVersionId == _defaultVersionId).Select(t => t.Language).ToListAsync()));

        // The PAN questionnaire is in French only; the campaign's national one is translated.
        Assert.Contains("en", national);
        Assert.Equal(["Français"], panPoster);
        Assert.Equal(["Français", "English"], qrPoster);
        Assert.Equal(qrPoster, otherSitePan);
    }

    /// <summary>Answers the PAN form: the given boxes ticked (by their index), the note, the first option of the other radio questions.</summary>
    private static List<KeyValuePair<string, string>> PanAnswers(SurveyForm form, string[] ticked, int? note)
    {
        var fields = form.Document.QuerySelectorAll("form[method=post] input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var boxes = form.Document.QuerySelectorAll("input[type=checkbox]").ToList();
        foreach (var index in ticked)
        {
            var box = boxes[int.Parse(index, CultureInfo.InvariantCulture)];
            fields.Add(new(box.GetAttribute("name")!, box.GetAttribute("value")!));
        }

        var notes = form.Document.QuerySelectorAll(".vu-zero-dix input[type=radio]").ToList();
        if (note is { } n)
        {
            fields.Add(new(notes[n].GetAttribute("name")!, notes[n].GetAttribute("value")!));
        }

        foreach (var group in form.Document.QuerySelectorAll("input[type=radio]").Where(r => r.Closest(".vu-zero-dix") is null).GroupBy(r => r.GetAttribute("name")!))
        {
            fields.Add(new(group.Key, group.First().GetAttribute("value")!));
        }

        return fields;
    }

    [Fact]
    public async Task Ticked_boxes_and_a_note_are_stored_one_row_each_and_counted_beside_the_other_questionnaire()
    {
        var secondCode = await SiteCodeAsync(_ids.SecondSiteId);
        await AssignAsync(_ids.SecondSiteId, null, _panVersionId);
        using var client = _app.CreateBrowserLikeClient();
        var before = await _app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.CampaignId == _ids.CurrentCampaignId));

        // Three usagers: (titres, permis; 10), (titres; 9), (étrangers; 3).
        foreach (var (ticked, note) in new[] { (new[] { "0", "2" }, 10), (new[] { "0" }, 9), (new[] { "1" }, 3) })
        {
            var form = await SurveyForm.LoadAsync(client, $"/avis/{secondCode}?canal=qr");
            var posted = await client.PostAsync(form.Action, new FormUrlEncodedContent(PanAnswers(form, ticked, note)));
            Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        }

        // A double click stores once; no box ticked, a duplicate box and an unknown one are refused, nothing stored.
        var again = await SurveyForm.LoadAsync(client, $"/avis/{secondCode}?canal=qr");
        var answers = PanAnswers(again, ["1"], 5);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostAsync(again.Action, new FormUrlEncodedContent(answers))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostAsync(again.Action, new FormUrlEncodedContent(answers))).StatusCode);
        var refused = await SurveyForm.LoadAsync(client, $"/avis/{secondCode}?canal=qr");
        var none = await client.PostAsync(refused.Action, new FormUrlEncodedContent(PanAnswers(refused, [], 5)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains(SurveySubmissionValidator.MissingTicks, await none.Content.ReadAsStringAsync());
        var twice = PanAnswers(refused, ["1", "1"], 5);
        var duplicate = await client.PostAsync(refused.Action, new FormUrlEncodedContent(twice));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("envoyée plusieurs fois", await duplicate.Content.ReadAsStringAsync());
        var unknown = PanAnswers(refused, ["1"], 5);
        unknown.Add(new(refused.Document.QuerySelector("input[type=checkbox]")!.GetAttribute("name")!, "999999"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync(refused.Action, new FormUrlEncodedContent(unknown))).StatusCode);

        var stored = await _app.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => r.QuestionnaireVersionId == _panVersionId).ToListAsync());
        Assert.Equal(4, stored.Count);
        Assert.Equal(before + 4, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.CampaignId == _ids.CurrentCampaignId)));
        var servicesQuestion = await _app.WithDbAsync(db => db.Questions.SingleAsync(q => q.QuestionnaireVersionId == _panVersionId && q.Code == ServicesCode));
        Assert.Equal([2, 1, 1, 1], stored.OrderBy(r => r.Id).Select(r => r.Answers.Count(a => a.QuestionId == servicesQuestion.Id)));

        var results = await WithScopeAsync(s => s.GetRequiredService<SurveyResultsService>()
            .ComputeAsync(_ids.Staff.CantalId, new SurveyFilter(CampaignId: _ids.CurrentCampaignId), CancellationToken.None));

        var services = results.Questions.Single(q => q.Code == ServicesCode);
        Assert.Equal(4, services.Respondents);
        Assert.Equal([2, 2, 1], services.Options.Select(o => o.Count));
        Assert.Equal(0.5, services.Share(services.Options[0]).Rate);
        Assert.Equal([new QuestionnaireCount("PAN v1", 4)], services.Sources);

        var recommandation = results.Questions.Single(q => q.Code == RecommandationCode);
        Assert.Equal(4, recommandation.ZeroToTen!.Answered);
        Assert.Equal((10 + 9 + 3 + 5) / 4.0, recommandation.ZeroToTen.Mean, 10);
        Assert.Equal(2, recommandation.ZeroToTen.NineToTen.Successes);
        Assert.Equal(2, recommandation.ZeroToTen.ZeroToSix.Successes);

        // The national core aggregates: overall satisfaction counts both questionnaires' answers, and says so.
        var global = results.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
        Assert.Equal(before + 4, global.Respondents);
        Assert.Equal(before + 4, global.Scale!.Expressed + global.Scale.SansAvis);
        var defaultLabel = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.Id == _defaultVersionId).Select(v => v.Title + " v" + v.VersionNumber).SingleAsync());
        Assert.Equal([new QuestionnaireCount(defaultLabel, before), new QuestionnaireCount("PAN v1", 4)], global.Sources);
        Assert.Equal([new QuestionnaireCount(defaultLabel, before), new QuestionnaireCount("PAN v1", 4)], results.Questionnaires);
        // A question of one questionnaire only shows with its own n.
        Assert.Equal(before, results.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Courtoisie).Respondents);

        // The snapshot of these figures reads back the same.
        var json = System.Text.Json.JsonSerializer.Serialize(results, SnapshotService.Json);
        var back = System.Text.Json.JsonSerializer.Deserialize<SurveyResults>(json, SnapshotService.Json)!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, SnapshotService.Json));

        // The results page names the questionnaires and shows the 0–10 figures.
        using var staff = StaffClient.For(_app);
        await staff.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var page = await staff.GetPageAsync($"/resultats?campagne={_ids.CurrentCampaignId}");
        Assert.Contains("PAN v1 (4 réponses)", page.QuerySelector("#questionnaires-sources")!.TextContent);
        Assert.Contains("Questions notées de 0 à 10", page.Body!.TextContent);
        Assert.Contains("part des 4 répondants", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_form_shown_before_a_switch_is_refused_clearly_and_nothing_is_stored()
    {
        var secondCode = await SiteCodeAsync(_ids.SecondSiteId);
        using var client = _app.CreateBrowserLikeClient();
        var form = await SurveyForm.LoadAsync(client, $"/avis/{secondCode}?canal=qr");
        var before = await _app.WithDbAsync(db => db.SurveyResponses.CountAsync());
        await AssignAsync(_ids.SecondSiteId, null, _panVersionId);
        await WithScopeAsync(s =>
        {
            PublicSurveyLookup.Forget(s.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(), secondCode);
            return Task.FromResult(0);
        });

        var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = SurveyForm.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Le questionnaire de ce site vient de changer", page.Document.QuerySelector("#erreurs")!.TextContent);
        Assert.Equal("PAN", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(before, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task The_writer_refuses_answers_to_a_version_the_site_no_longer_answers()
    {
        await AssignAsync(_ids.SecondSiteId, null, _panVersionId);
        var writer = _app.Services.GetRequiredService<SurveyResponseWriter>();

        var outcome = await writer.StoreAsync(new SurveySubmission(_ids.CurrentCampaignId, _ids.SecondSiteId, _defaultVersionId, SurveyChannel.QrCode, Guid.NewGuid(), []));
        var accepted = await writer.StoreAsync(new SurveySubmission(_ids.CurrentCampaignId, _ids.MainSiteId, _defaultVersionId, SurveyChannel.QrCode, Guid.NewGuid(), []));

        Assert.Equal(StoreOutcome.QuestionnaireChanged, outcome);
        Assert.Equal(StoreOutcome.Stored, accepted);
    }

    [Fact]
    public async Task A_running_campaign_switches_only_when_confirmed_audited_and_its_earlier_answers_keep_their_version()
    {
        using var staff = StaffClient.For(_app);
        await staff.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var url = $"/resultats/campagnes/{_ids.CurrentCampaignId}/questionnaires";
        var answeredBefore = await _app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.CampaignId == _ids.CurrentCampaignId && r.QuestionnaireVersionId == _defaultVersionId));
        Assert.True(answeredBefore > 0);

        var unconfirmed = await staff.PostFormAsync(url, [new("site", _ids.SecondSiteId.ToString(CultureInfo.InvariantCulture)), new("canal", ""), new("questionnaire", _panVersionId.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("cochez la confirmation", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Empty(await _app.WithDbAsync(db => db.SurveyCampaignQuestionnaires.ToListAsync()));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.StartsWith("campagne.questionnaire"))));

        var confirmed = await staff.PostFormAsync(url, [new("site", _ids.SecondSiteId.ToString(CultureInfo.InvariantCulture)), new("canal", ""), new("questionnaire", _panVersionId.ToString(CultureInfo.InvariantCulture)), new("confirmation", "oui")]);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var assignment = Assert.Single(await _app.WithDbAsync(db => db.SurveyCampaignQuestionnaires.ToListAsync()));
        Assert.Equal((_ids.SecondSiteId, (SurveyChannel?)null, _panVersionId), (assignment.SiteId, assignment.Channel, assignment.QuestionnaireVersionId));
        var audit = Assert.Single(await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "campagne.questionnaire.change").ToListAsync()));
        Assert.Contains("PAN v1", audit.Details);
        Assert.Equal(answeredBefore, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.CampaignId == _ids.CurrentCampaignId && r.QuestionnaireVersionId == _defaultVersionId)));
        var campaignVersion = await _app.WithDbAsync(db => db.SurveyCampaigns.Where(c => c.Id == _ids.CurrentCampaignId).Select(c => c.QuestionnaireVersionId).SingleAsync());
        Assert.Equal(_defaultVersionId, campaignVersion);

        // Another préfecture's questionnaire is not offered and refused when posted.
        var allierVersion = await _app.WithDbAsync(db => CreatePanQuestionnaireAsync(db, _ids.Staff.AllierId, "pan-allier"));
        var foreign = await staff.PostFormAsync(url, [new("site", _ids.MainSiteId.ToString(CultureInfo.InvariantCulture)), new("questionnaire", allierVersion.ToString(CultureInfo.InvariantCulture)), new("confirmation", "oui")]);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Single(await _app.WithDbAsync(db => db.SurveyCampaignQuestionnaires.ToListAsync()));
        // Another préfecture's campaign is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/resultats/campagnes/{_ids.AllierCampaignId}/questionnaires")).StatusCode);
    }

    [Fact]
    public async Task Interviews_are_stored_anonymously_counted_by_channel_once_per_form_and_never_for_another_prefecture_s_site()
    {
        using var staff = StaffClient.For(_app);
        await staff.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var agent = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == StaffTestData.Email("Qualite", "cantal")).Select(u => new { u.Id, u.Email }).SingleAsync());
        var auditBefore = await _app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var start = $"/qualite/entretiens?site={_ids.MainSiteId}&canal=EnqueteTelephonique";

        var page = await staff.GetPageAsync(start);
        Assert.Contains("0 entretien saisi dans cette série", page.QuerySelector("#compteur")!.TextContent);
        var form = SurveyForm.Parse(page.DocumentElement.OuterHtml);
        var fields = page.QuerySelectorAll("#entretien input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, values) in form.ChoiceQuestions)
        {
            fields[name] = values[0];
        }

        fields[form.FreeTextName] = "Plus de créneaux le samedi.";
        var first = await staff.Http.PostAsync("/qualite/entretiens", new FormUrlEncodedContent(fields));
        var second = await staff.Http.PostAsync("/qualite/entretiens", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var next = await staff.GetPageAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("1 entretien saisi dans cette série", next.QuerySelector("#compteur")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = Assert.Single(await _app.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => r.Channel == SurveyChannel.EnqueteTelephonique).ToListAsync()));
        Assert.Equal(Guid.Parse(fields["jeton"]), stored.SubmissionId);

        // Nothing ties the response to the agent: no column of its row or its answers' holds the agent's id or email, and no audit entry was written.
        await using (var connection = _app.OpenRawConnection())
        {
            foreach (var sql in new[] { $"SELECT * FROM \"SurveyResponses\" WHERE \"Id\" = {stored.Id}", $"SELECT * FROM \"SurveyAnswers\" WHERE \"ResponseId\" = {stored.Id}" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                        Assert.DoesNotContain(agent.Id, value, StringComparison.OrdinalIgnoreCase);
                        Assert.DoesNotContain(agent.Email!, value, StringComparison.OrdinalIgnoreCase);
                    }
                }
            }
        }

        Assert.Equal(auditBefore, await _app.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // Counted in the same results, on its channel's row.
        var results = await WithScopeAsync(s => s.GetRequiredService<SurveyResultsService>()
            .ComputeAsync(_ids.Staff.CantalId, new SurveyFilter(CampaignId: _ids.CurrentCampaignId), CancellationToken.None));
        Assert.Equal(1, results.ByChannel.Single(r => r.Label == SurveyChannels.Label(SurveyChannel.EnqueteTelephonique)).Satisfaction.TopTwoBox.Total);

        // Another préfecture's site: refused, nothing stored, whether asked for or posted.
        var allierSite = await _app.WithDbAsync(db => db.Sites.Where(s => s.PrefectureId == _ids.Staff.AllierId).Select(s => s.Id).FirstAsync());
        var foreignPage = await staff.Http.GetAsync($"/qualite/entretiens?site={allierSite}&canal=Collectivites");
        Assert.Equal(HttpStatusCode.BadRequest, foreignPage.StatusCode);
        Assert.Contains("Choisissez un site de votre préfecture", await foreignPage.Content.ReadAsStringAsync());
        fields["site"] = allierSite.ToString(CultureInfo.InvariantCulture);
        fields["jeton"] = Guid.NewGuid().ToString("D");
        var foreign = await staff.Http.PostAsync("/qualite/entretiens", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Channel == SurveyChannel.EnqueteTelephonique)));

        // A public channel is not an interview.
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.Http.GetAsync($"/qualite/entretiens?site={_ids.MainSiteId}&canal=QrCode")).StatusCode);
    }

    [Fact]
    public async Task The_suggestions_list_holds_every_free_text_question_s_answers_with_the_question()
    {
        await _app.WithDbAsync(async db =>
        {
            var version = new QuestionnaireVersion { Key = "texte-libre", VersionNumber = 1, Title = "Texte", PrefectureId = _ids.Staff.CantalId, CreatedAtUtc = DateTime.UtcNow,
                Questions = [new Question { Code = "attente", Order = 1, Text = "Qu’avez-vous pensé de l’attente ?", Kind = QuestionKind.FreeText }] };
            db.QuestionnaireVersions.Add(version);
            await db.SaveChangesAsync();
            db.SurveyResponses.Add(new SurveyResponse
            {
                CampaignId = _ids.CurrentCampaignId, SiteId = _ids.SecondSiteId, QuestionnaireVersionId = version.Id, Channel = SurveyChannel.QrCode,
                SubmissionId = Guid.NewGuid(), SubmittedAtUtc = DateTime.UtcNow,
                Answers = [new SurveyAnswer { QuestionId = version.Questions[0].Id, Text = "Vingt minutes, c’est raisonnable." }],
            });
            return await db.SaveChangesAsync();
        });
        using var staff = StaffClient.For(_app);
        await staff.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var page = await staff.GetPageAsync("/resultats/suggestions");

        var card = page.QuerySelectorAll(".fr-card").Single(c => c.TextContent.Contains("Vingt minutes", StringComparison.Ordinal));
        Assert.Contains("Question : Qu’avez-vous pensé de l’attente ?", card.TextContent);
        Assert.Contains(page.QuerySelectorAll(".fr-card"), c => c.TextContent.Contains("Plus de guichets le matin", StringComparison.Ordinal) && !c.TextContent.Contains("Question :", StringComparison.Ordinal));
    }
}
