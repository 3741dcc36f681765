using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.QuestionnaireEditor;

/// <summary>
/// The questionnaire editor over real HTTP, as the quality team of Cantal and the national administrator
/// use it: drafts change nothing live, publication makes the next version with its translations and
/// audit entries, codes follow the wording, and nobody reaches another préfecture's questionnaires.
/// </summary>
public sealed class QuestionnaireEditorTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;

    private static readonly string CantalQuality = StaffTestData.Email("Qualite", "cantal");
    private static readonly string AllierQuality = StaffTestData.Email("Qualite", "allier");

    public async Task InitializeAsync() => _data = await StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<StaffClient> SignedInAsync(string email)
    {
        var client = StaffClient.For(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, StaffTestData.Password)).StatusCode);
        return client;
    }

    private static string Draft(int id) => "/questionnaires/brouillons/" + id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> StampAsync(StaffClient client, int draftId) =>
        (await client.GetPageAsync(Draft(draftId))).QuerySelector("input[name=stamp]")!.GetAttribute("value")!;

    private static int DraftIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/questionnaires/brouillons/", location, StringComparison.Ordinal);
        return int.Parse(location["/questionnaires/brouillons/".Length..], CultureInfo.InvariantCulture);
    }

    private static async Task<int> CreateAsync(StaffClient client, string title, string origin, string list = "/qualite/questionnaires") =>
        DraftIdOf(await client.PostFormAsync(list + "?handler=Create", [new("title", title), new("origin", origin)], list));

    private static async Task<HttpResponseMessage> AddQuestionAsync(StaffClient client, int draftId, QuestionKind kind, string text, string[]? options = null, string? maxLength = null)
    {
        var url = $"{Draft(draftId)}/question?type={kind}";
        var fields = new List<KeyValuePair<string, string>> { new("stamp", await StampAsync(client, draftId)), new("Text", text), new("IsRequired", "true") };
        fields.AddRange((options ?? []).SelectMany(o => new KeyValuePair<string, string>[] { new("OptionLabel", o), new("OptionCode", "") }));
        if (maxLength is not null)
        {
            fields.Add(new("MaxLength", maxLength));
        }

        return await client.PostFormAsync(url, fields, url);
    }

    private static async Task<HttpResponseMessage> PostDraftAsync(StaffClient client, int draftId, string handler, params (string Name, string Value)[] fields) =>
        await client.PostFormAsync($"{Draft(draftId)}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("stamp", await StampAsync(client, draftId))), Draft(draftId));

    private static async Task<HttpResponseMessage> PublishAsync(StaffClient client, int draftId) =>
        await client.PostFormAsync($"{Draft(draftId)}/publier", [new("stamp", await StampAsync(client, draftId))], Draft(draftId));

    private Task<DraftContent> ContentAsync(int draftId) =>
        _app.WithDbAsync(async db => DraftContent.Parse(await db.QuestionnaireDrafts.Where(d => d.Id == draftId).Select(d => d.ContentJson).SingleAsync()));

    [Fact]
    public async Task A_local_questionnaire_built_on_the_national_core_is_published_with_its_translations_and_audit_entry()
    {
        using var quality = await SignedInAsync(CantalQuality);
        var draftId = await CreateAsync(quality, "Votre avis sur le point d’accueil numérique", "tronc-commun");
        var response = await AddQuestionAsync(quality, draftId, QuestionKind.MultipleChoice, "Quelles démarches avez-vous faites au point d’accueil numérique ?", ["Titre de séjour", "Permis de conduire", "Carte grise"]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The national core comes with the English it ships with; the team adds Spanish and Ukrainian.
        Assert.Equal(["en"], (await ContentAsync(draftId)).Languages);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(quality, draftId, "AddLanguage", ("language", "es"), ("otherLanguage", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(quality, draftId, "AddLanguage", ("language", ""), ("otherLanguage", "UK"))).StatusCode);
        var translation = $"{Draft(draftId)}/langues/es";
        response = await quality.PostFormAsync(translation,
            [new("stamp", await StampAsync(quality, draftId)), new("title", "Su opinión sobre el punto de ayuda digital"), new("q7-text", "¿Qué trámites realizó?"), new("q7-o0", "Permiso de residencia"), new("q2-o0", "Muy satisfecho")], translation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // A scale level translated once is offered in the other scale questions' fields.
        Assert.Equal("Muy satisfecho", (await quality.GetPageAsync(translation)).QuerySelector("#q5-o0")!.GetAttribute("value"));

        // Before publishing, the editor says what each language lacks, and the confirmation that it may still be published.
        var overview = await quality.GetPageAsync(Draft(draftId));
        Assert.Contains("8 questions à compléter", overview.QuerySelector("#langues ~ ul")!.TextContent, StringComparison.Ordinal);
        var confirmation = await quality.GetPageAsync($"{Draft(draftId)}/publier");
        var warning = System.Text.RegularExpressions.Regex.Replace(confirmation.QuerySelector("#traductions-incompletes")!.TextContent, @"\s+", " ");
        Assert.Contains("8 questions en français", warning, StringComparison.Ordinal);
        Assert.Contains("ukrainien (uk) : titre non traduit : cette langue ne sera pas proposée", warning, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(quality, draftId)).StatusCode);

        await _app.WithDbAsync(async db =>
        {
            var version = await db.QuestionnaireVersions.Include(v => v.Translations).Include(v => v.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Translations)
                .Include(v => v.Questions).ThenInclude(q => q.Translations).SingleAsync(v => v.PrefectureId == _data.CantalId);
            var national = await db.QuestionnaireVersions.Include(v => v.Questions).SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
            Assert.Equal(1, version.VersionNumber);
            Assert.Equal(8, version.Questions.Count);
            // The core keeps the national codes and wording, in its order; the local question comes last.
            Assert.Equal(national.Questions.OrderBy(q => q.Order).Select(q => (q.Code, q.Text)), version.Questions.OrderBy(q => q.Order).Take(7).Select(q => (q.Code, q.Text)));
            var local = version.Questions.Single(q => q.Order == 8);
            Assert.Equal(QuestionKind.MultipleChoice, local.Kind);
            Assert.Equal(["Titre de séjour", "Permis de conduire", "Carte grise"], local.Options.OrderBy(o => o.Order).Select(o => o.Label));
            Assert.Equal("¿Qué trámites realizó?", local.Translations.Single().Text);
            Assert.Equal("Permiso de residencia", local.Options.Single(o => o.Order == 1).Translations.Single().Label);
            // Only Spanish has the new title translated: English (the core's, shipped) and Ukrainian are not offered yet.
            Assert.Equal(["es"], version.Translations.Select(t => t.Language));
            Assert.False(await db.QuestionnaireDrafts.AnyAsync(d => d.Id == draftId));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "questionnaire.publie");
            Assert.Equal((CantalQuality, _data.CantalId, version.Id.ToString(CultureInfo.InvariantCulture)), (audit.UserEmail, audit.PrefectureId, audit.EntityId));
            Assert.Contains("uk : non publiée", audit.Details, StringComparison.Ordinal);
            return 0;
        });

        // The next publication is version 2 of the same questionnaire, its core still locked.
        var key = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.PrefectureId == _data.CantalId).Select(v => v.Key).SingleAsync());
        var nextDraft = DraftIdOf(await quality.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", key)], "/qualite/questionnaires"));
        Assert.True((await ContentAsync(nextDraft)).Questions.Take(7).All(q => q.IsCore));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(quality, nextDraft)).StatusCode);
        Assert.Equal([1, 2], await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.Key == key).OrderBy(v => v.VersionNumber).Select(v => v.VersionNumber).ToListAsync()));
    }

    [Fact]
    public async Task Saving_a_draft_changes_nothing_live_and_a_running_campaign_keeps_its_version_after_a_publication()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (v1, courtesy) = await _app.WithDbAsync(async db =>
        {
            var version = await db.QuestionnaireVersions.Include(v => v.Questions).SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
            db.SurveyCampaigns.Add(new SurveyCampaign { PrefectureId = _data.CantalId, Name = "Campagne en cours", StartsOn = today.AddDays(-5), EndsOn = today.AddDays(30), QuestionnaireVersionId = version.Id });
            await db.SaveChangesAsync();
            return (version.Id, version.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Courtoisie));
        });
        const string reworded = "L’agent qui vous a reçu a-t-il été aimable et respectueux ?";

        using var admin = await SignedInAsync(StaffTestData.AdminEmail);
        var draftId = DraftIdOf(await admin.PostFormAsync("/administration/questionnaires?handler=Start", [new("key", DefaultQuestionnaire.Key)], "/administration/questionnaires"));
        var url = $"{Draft(draftId)}/question?code={DefaultQuestionnaire.Codes.Courtoisie}";
        var response = await admin.PostFormAsync(url, [new("stamp", await StampAsync(admin, draftId)), new("Text", reworded), new("IsRequired", "true"), new("IncludeSansAvis", "true")], url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var usager = _app.CreateClient();
        var form = await usager.GetStringAsync("/avis/site-cantal");
        Assert.Contains("a-t-il été courtois", form, StringComparison.Ordinal);
        Assert.DoesNotContain("aimable et respectueux", form, StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.QuestionnaireVersions.CountAsync(v => v.Key == DefaultQuestionnaire.Key)));

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, draftId)).StatusCode);
        var v2 = await _app.WithDbAsync(db => db.QuestionnaireVersions.Include(v => v.Questions).SingleAsync(v => v.Key == DefaultQuestionnaire.Key && v.VersionNumber == 2));
        Assert.Null(v2.PrefectureId);
        Assert.Contains(v2.Questions, q => q.Text == reworded);

        // The running campaign still serves version 1: same wording, answers posted to version 1's questions.
        form = await usager.GetStringAsync("/avis/site-cantal");
        Assert.Contains("a-t-il été courtois", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"q{courtesy.Id.ToString(CultureInfo.InvariantCulture)}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("aimable et respectueux", form, StringComparison.Ordinal);
        Assert.Equal(v1, await _app.WithDbAsync(db => db.SurveyCampaigns.Where(c => c.PrefectureId == _data.CantalId).Select(c => c.QuestionnaireVersionId).SingleAsync()));
    }

    [Fact]
    public async Task A_reworded_question_gets_a_new_code_unless_the_team_says_its_meaning_is_unchanged_and_the_journal_says_who()
    {
        using var quality = await SignedInAsync(CantalQuality);
        var draftId = await CreateAsync(quality, "Étude sur l’accueil des collectivités", "vide");
        Assert.Equal(HttpStatusCode.Redirect, (await AddQuestionAsync(quality, draftId, QuestionKind.SatisfactionScale, "Avez-vous obtenu une réponse rapide ?")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddQuestionAsync(quality, draftId, QuestionKind.ZeroToTen, "Quelle note donnez-vous au service ?")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(quality, draftId)).StatusCode);
        var key = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.PrefectureId == _data.CantalId).Select(v => v.Key).SingleAsync());
        var v1 = await _app.WithDbAsync(db => db.QuestionnaireVersions.Include(v => v.Questions).ThenInclude(q => q.Options).SingleAsync(v => v.Key == key));
        var (fast, score) = (v1.Questions.Single(q => q.Order == 1).Code, v1.Questions.Single(q => q.Order == 2).Code);
        Assert.Equal(Enumerable.Range(0, 11), v1.Questions.Single(q => q.Order == 2).Options.OrderBy(o => o.Order).Select(o => o.Score!.Value));

        var next = DraftIdOf(await quality.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", key)], "/qualite/questionnaires"));
        var url = $"{Draft(next)}/question?code={fast}";
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(url, [new("stamp", await StampAsync(quality, next)), new("Text", "Avez-vous obtenu une réponse dans un délai raisonnable ?"), new("IsRequired", "true")], url)).StatusCode);
        url = $"{Draft(next)}/question?code={score}";
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(url, [new("stamp", await StampAsync(quality, next)), new("Text", "Quelle note donnez-vous à ce service ?"), new("IsRequired", "true"), new("MeaningUnchanged", "true")], url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(quality, next)).StatusCode);

        await _app.WithDbAsync(async db =>
        {
            var v2 = await db.QuestionnaireVersions.Include(v => v.Questions).SingleAsync(v => v.Key == key && v.VersionNumber == 2);
            var renewed = v2.Questions.Single(q => q.Order == 1);
            Assert.NotEqual(fast, renewed.Code);
            Assert.Equal("avez-vous-obtenu-une-reponse-dans-un", renewed.Code);
            Assert.Equal(score, v2.Questions.Single(q => q.Order == 2).Code);
            var declared = await db.AuditEntries.SingleAsync(a => a.Action == "questionnaire.sens-inchange");
            Assert.Equal((CantalQuality, v2.Id.ToString(CultureInfo.InvariantCulture), _data.CantalId), (declared.UserEmail, declared.EntityId, declared.PrefectureId));
            Assert.Contains("Quelle note donnez-vous à ce service ?", declared.Details, StringComparison.Ordinal);
            var published = await db.AuditEntries.Where(a => a.Action == "questionnaire.publie").OrderByDescending(a => a.Id).FirstAsync();
            Assert.Contains($"nouveau code {renewed.Code} (ancien {fast})", published.Details, StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task A_local_questionnaire_follows_the_national_core_when_the_administrators_publish_a_new_one()
    {
        using var quality = await SignedInAsync(CantalQuality);
        var first = await CreateAsync(quality, "Votre avis sur le point d’accueil numérique", "tronc-commun");
        Assert.Equal(HttpStatusCode.Redirect, (await AddQuestionAsync(quality, first, QuestionKind.SingleChoice, "Saviez-vous que le point d’accueil numérique existait ?", ["Oui", "Non"])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(quality, first, "AddLanguage", ("language", "es"), ("otherLanguage", ""))).StatusCode);
        var translation = $"{Draft(first)}/langues/es";
        // Spanish for two core questions: the motive (left alone nationally) and the courtesy (reworded nationally).
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync(translation,
            [new("stamp", await StampAsync(quality, first)), new("title", "Su opinión"), new("q1-text", "¿Motivo de su visita?"), new("q3-text", "¿Fue cortés el agente?")], translation)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(quality, first)).StatusCode);
        var key = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.PrefectureId == _data.CantalId).Select(v => v.Key).SingleAsync());
        var inProgress = DraftIdOf(await quality.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", key)], "/qualite/questionnaires"));
        Assert.Null((await quality.GetPageAsync(Draft(inProgress))).QuerySelector("#tronc-commun-a-jour"));
        Assert.DoesNotContain("Questionnaire national modifié depuis", (await quality.GetPageAsync("/qualite/questionnaires")).Body!.TextContent, StringComparison.Ordinal);

        // The administrators reword the courtesy question (same meaning, same code) and the clarity question (new code).
        const string courtesy = "L’agent qui vous a reçu a-t-il été aimable et respectueux ?";
        const string clarity = "Les explications données étaient-elles faciles à comprendre ?";
        using var admin = await SignedInAsync(StaffTestData.AdminEmail);
        var national = DraftIdOf(await admin.PostFormAsync("/administration/questionnaires?handler=Start", [new("key", DefaultQuestionnaire.Key)], "/administration/questionnaires"));
        foreach (var (code, text, same) in new[] { (DefaultQuestionnaire.Codes.Courtoisie, courtesy, true), (DefaultQuestionnaire.Codes.ClarteExplications, clarity, false) })
        {
            var url = $"{Draft(national)}/question?code={code}";
            var fields = new List<KeyValuePair<string, string>> { new("stamp", await StampAsync(admin, national)), new("Text", text), new("IsRequired", "true"), new("IncludeSansAvis", "true") };
            if (same)
            {
                fields.Add(new("MeaningUnchanged", "true"));
            }

            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, fields, url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, national)).StatusCode);
        var core = await _app.WithDbAsync(db => db.QuestionnaireVersions.Include(v => v.Questions)
            .SingleAsync(v => v.Key == DefaultQuestionnaire.Key && v.VersionNumber == 2));
        var newClarityCode = core.Questions.Single(q => q.Text == clarity).Code;
        Assert.NotEqual(DefaultQuestionnaire.Codes.ClarteExplications, newClarityCode);

        // The team is told, on its list and on the draft it had open, and takes the national core back in one click.
        Assert.Contains("Questionnaire national modifié depuis", (await quality.GetPageAsync("/qualite/questionnaires")).Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await quality.GetPageAsync(Draft(inProgress))).QuerySelector("#tronc-commun-a-jour"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(quality, inProgress, "RefreshCore")).StatusCode);
        Assert.Null((await quality.GetPageAsync(Draft(inProgress))).QuerySelector("#tronc-commun-a-jour"));
        var content = await ContentAsync(inProgress);
        Assert.Equal(core.Questions.OrderBy(q => q.Order).Select(q => (q.Code, q.Text)), content.Questions.Where(q => q.IsCore).Select(q => (q.Code, q.Text)));
        var local = Assert.Single(content.Questions, q => !q.IsCore);
        Assert.Equal("Saviez-vous que le point d’accueil numérique existait ?", local.Text);
        Assert.Equal(content.Questions.Count - 1, content.Questions.IndexOf(local));
        // The team's Spanish stays where the national wording did not change, and goes where it did.
        Assert.Equal("¿Motivo de su visita?", content.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Motif).TextTranslations["es"]);
        Assert.False(content.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Courtoisie).TextTranslations.ContainsKey("es"));

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(quality, inProgress)).StatusCode);
        await _app.WithDbAsync(async db =>
        {
            var v2 = await db.QuestionnaireVersions.Include(v => v.Questions).SingleAsync(v => v.Key == key && v.VersionNumber == 2);
            // The national codes, as the administrators decided them: nothing re-coded locally, nobody declared anything for Cantal.
            Assert.Equal(courtesy, v2.Questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Courtoisie).Text);
            Assert.Equal(clarity, v2.Questions.Single(q => q.Code == newClarityCode).Text);
            Assert.DoesNotContain(v2.Questions, q => q.Code == DefaultQuestionnaire.Codes.ClarteExplications);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "questionnaire.sens-inchange" && a.PrefectureId == _data.CantalId));
            return 0;
        });
        Assert.DoesNotContain("Questionnaire national modifié depuis", (await quality.GetPageAsync("/qualite/questionnaires")).Body!.TextContent, StringComparison.Ordinal);

        // A later national change reaches the next draft the team opens, with no click.
        national = DraftIdOf(await admin.PostFormAsync("/administration/questionnaires?handler=Start", [new("key", DefaultQuestionnaire.Key)], "/administration/questionnaires"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(admin, national, "Remove", ("code", DefaultQuestionnaire.Codes.Suggestion))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(admin, national)).StatusCode);
        Assert.Contains("Questionnaire national modifié depuis", (await quality.GetPageAsync("/qualite/questionnaires")).Body!.TextContent, StringComparison.Ordinal);
        var next = DraftIdOf(await quality.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", key)], "/qualite/questionnaires"));
        content = await ContentAsync(next);
        Assert.DoesNotContain(content.Questions, q => q.Code == DefaultQuestionnaire.Codes.Suggestion);
        Assert.Single(content.Questions, q => !q.IsCore);
        Assert.Null((await quality.GetPageAsync(Draft(next))).QuerySelector("#tronc-commun-a-jour"));
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_with_a_message_and_overwrites_nothing()
    {
        using var quality = await SignedInAsync(CantalQuality);
        var draftId = await CreateAsync(quality, "Questionnaire des collectivités", "vide");
        var stale = await StampAsync(quality, draftId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostDraftAsync(quality, draftId, "Title", ("title", "Avis des collectivités"))).StatusCode);

        var response = await quality.PostFormAsync($"{Draft(draftId)}?handler=Title", [new("stamp", stale), new("title", "Titre écrit sur une page ancienne")], Draft(draftId));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("modifié par quelqu’un d’autre", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var question = $"{Draft(draftId)}/question?type=FreeText";
        response = await quality.PostFormAsync(question, [new("stamp", stale), new("Text", "Une remarque ?"), new("MaxLength", "500")], question);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Une remarque ?", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Avis des collectivités", await _app.WithDbAsync(db => db.QuestionnaireDrafts.Where(d => d.Id == draftId).Select(d => d.Title).SingleAsync()));
        Assert.Empty((await ContentAsync(draftId)).Questions);
    }

    [Fact]
    public async Task Invalid_questions_are_refused_beside_their_field_and_nothing_is_half_saved()
    {
        using var quality = await SignedInAsync(CantalQuality);
        var draftId = await CreateAsync(quality, "Point d’accueil numérique", "tronc-commun");

        async Task Refused(HttpResponseMessage response, string fieldId, string message)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = StaffClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, page.QuerySelector($"#{fieldId}-error")?.TextContent ?? "(pas de message)", StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#erreurs"));
        }

        await Refused(await AddQuestionAsync(quality, draftId, QuestionKind.SingleChoice, "  ", ["Oui", "Non"]), "Text", "Écrivez le texte de la question");
        await Refused(await AddQuestionAsync(quality, draftId, QuestionKind.SingleChoice, new string('x', 501), ["Oui", "Non"]), "Text", "500 caractères au plus");
        await Refused(await AddQuestionAsync(quality, draftId, QuestionKind.MultipleChoice, "Vos démarches ?", ["Une seule"]), "option-0", "au moins 2 options");
        await Refused(await AddQuestionAsync(quality, draftId, QuestionKind.SingleChoice, "Vos démarches ?", ["Titre", "titre"]), "option-1", "deux fois");
        await Refused(await AddQuestionAsync(quality, draftId, QuestionKind.FreeText, "Une remarque ?", maxLength: "5"), "MaxLength", "nombre entier de 20 à 2");
        await Refused(await PostDraftAsync(quality, draftId, "Title", ("title", "")), "Title", "Écrivez le titre");
        await Refused(await PostDraftAsync(quality, draftId, "AddLanguage", ("language", ""), ("otherLanguage", "pas une langue")), "OtherLanguage", "n’est pas un code de langue");
        Assert.Equal(7, (await ContentAsync(draftId)).Questions.Count);
        Assert.Equal(["en"], (await ContentAsync(draftId)).Languages);

        // A core question cannot be opened for rewording nor removed.
        Assert.Equal(HttpStatusCode.Forbidden, (await quality.Http.GetAsync($"{Draft(draftId)}/question?code={DefaultQuestionnaire.Codes.Courtoisie}")).StatusCode);
        var removal = await PostDraftAsync(quality, draftId, "Remove", ("code", DefaultQuestionnaire.Codes.Courtoisie));
        Assert.Equal(HttpStatusCode.BadRequest, removal.StatusCode);
        Assert.Contains("vient du questionnaire national", await removal.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Five local questions at most on the national core.
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AddQuestionAsync(quality, draftId, QuestionKind.ZeroToTen, $"Question locale {i} ?")).StatusCode);
        }

        await Refused(await AddQuestionAsync(quality, draftId, QuestionKind.ZeroToTen, "Question locale 6 ?"), "Text", "5 questions locales au plus");
        Assert.Equal(12, (await ContentAsync(draftId)).Questions.Count);

        // A questionnaire without any question is not published.
        var empty = await CreateAsync(quality, "Étude ponctuelle", "vide");
        var response = await PublishAsync(quality, empty);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ajoutez au moins une question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _app.WithDbAsync(db => db.QuestionnaireVersions.AnyAsync(v => v.PrefectureId == _data.CantalId)));
    }

    [Fact]
    public async Task Another_préfecture_never_sees_nor_changes_a_questionnaire_and_a_quality_team_only_reads_the_national_one()
    {
        using var cantal = await SignedInAsync(CantalQuality);
        var draftId = await CreateAsync(cantal, "Questionnaire du Cantal", "vide");
        Assert.Equal(HttpStatusCode.Redirect, (await AddQuestionAsync(cantal, draftId, QuestionKind.ZeroToTen, "Quelle note ?")).StatusCode);
        var stamp = await StampAsync(cantal, draftId);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(cantal, draftId)).StatusCode);
        var key = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.PrefectureId == _data.CantalId).Select(v => v.Key).SingleAsync());
        var versionId = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.Key == key).Select(v => v.Id).SingleAsync());
        draftId = DraftIdOf(await cantal.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", key)], "/qualite/questionnaires"));
        stamp = await StampAsync(cantal, draftId);

        using var allier = await SignedInAsync(AllierQuality);
        using var admin = await SignedInAsync(StaffTestData.AdminEmail);
        foreach (var client in new[] { allier, admin })
        {
            foreach (var path in new[] { Draft(draftId), $"{Draft(draftId)}/question?type=FreeText", $"{Draft(draftId)}/apercu", $"{Draft(draftId)}/publier", $"{Draft(draftId)}/langues/en" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(path)).StatusCode);
            }

            var token = (await client.GetPageAsync("/compte/mot-de-passe")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var (path, fields) in new (string, KeyValuePair<string, string>[])[]
                     {
                         ($"{Draft(draftId)}?handler=Title", [new("title", "Pris par un autre")]),
                         ($"{Draft(draftId)}?handler=Discard", []),
                         ($"{Draft(draftId)}?handler=RefreshCore", []),
                         ($"{Draft(draftId)}/publier", []),
                         ($"{Draft(draftId)}/question?type=FreeText", [new("Text", "Intrusion ?"), new("MaxLength", "100")]),
                     })
            {
                var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("stamp", stamp)).Append(new("__RequestVerificationToken", token))));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await allier.Http.GetAsync($"/questionnaires/versions/{versionId}")).StatusCode);
        Assert.DoesNotContain("Questionnaire du Cantal", await allier.Http.GetStringAsync("/qualite/questionnaires"), StringComparison.Ordinal);
        var response2 = await allier.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", key)], "/qualite/questionnaires");
        Assert.Equal(HttpStatusCode.NotFound, response2.StatusCode);
        Assert.Equal(stamp, await StampAsync(cantal, draftId));

        // The national questionnaire: readable by the quality team, its draft only the administrators'.
        var national = await _app.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.Key == DefaultQuestionnaire.Key).Select(v => v.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await cantal.Http.GetAsync($"/questionnaires/versions/{national}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cantal.PostFormAsync("/qualite/questionnaires?handler=Start", [new("key", DefaultQuestionnaire.Key)], "/qualite/questionnaires")).StatusCode);
        var nationalDraft = DraftIdOf(await admin.PostFormAsync("/administration/questionnaires?handler=Start", [new("key", DefaultQuestionnaire.Key)], "/administration/questionnaires"));
        Assert.Equal(HttpStatusCode.Forbidden, (await cantal.Http.GetAsync(Draft(nationalDraft))).StatusCode);
        var cantalToken = (await cantal.GetPageAsync("/compte/mot-de-passe")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var publish = await cantal.Http.PostAsync($"{Draft(nationalDraft)}/publier", new FormUrlEncodedContent([new("stamp", await StampAsync(admin, nationalDraft)), new("__RequestVerificationToken", cantalToken)]));
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cantal.Http.GetAsync("/administration/questionnaires")).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.QuestionnaireVersions.CountAsync(v => v.Key == DefaultQuestionnaire.Key)));
    }
}
