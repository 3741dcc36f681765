using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VoixUsager.Questionnaires;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

public sealed class QuestionnaireEditorFixture : BrowserFixture
{
    public StaffTestData Data { get; private set; } = null!;

    protected override async Task SeedAsync() => Data = await StaffTestData.SeedAsync(App);
}

/// <summary>
/// Cantal's quality team builds a questionnaire for its point d'accueil numérique in Chromium, on a
/// 1280-pixel monitor and a 375-pixel phone: the national core plus a local multiple-choice question
/// whose options are reordered without JavaScript, previewed as the usager will see it, then published.
/// </summary>
[Trait("Category", "Browser")]
public sealed class QuestionnaireEditorBrowserTests(QuestionnaireEditorFixture fixture) : BrowserTest, IClassFixture<QuestionnaireEditorFixture>
{
    protected override BrowserFixture Browser => fixture;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "voixusager-captures-questionnaires");

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{name} is {widths[0]} px wide on a {widths[1]} px screen: the whole page scrolls sideways");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"{name} at {width} px");
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_local_questionnaire_is_built_on_the_national_core_previewed_and_published_without_javascript(int width)
    {
        Directory.CreateDirectory(Shots);
        // Its own title on each attempt: a retried run finds the first attempt's questionnaire in the same database.
        var title = $"Votre avis sur le point d’accueil numérique ({width}-{Guid.NewGuid().ToString("N")[..6]})";
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 900);
        await page.GotoAsync(fixture.BaseUrl + "/espace");
        await page.GetByRole(AriaRole.Link, new() { Name = "Questionnaires", Exact = true }).ClickAsync();
        await CheckAsync(page, "liste", width);

        await page.FillAsync("#Title", title);
        await page.CheckAsync("#origine-tronc", new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon" }).ClickAsync();
        await page.Locator("h1", new() { HasText = title }).WaitForAsync();
        Assert.Equal(7, await page.Locator(".vu-editeur-questions > li").CountAsync());
        // A questionnaire never published has neither new nor reworded questions to point out.
        Assert.Equal(0, await page.Locator(".vu-editeur-questions .fr-badge--warning, .vu-editeur-questions .fr-badge--new").CountAsync());
        await CheckAsync(page, "brouillon", width);

        await page.SelectOptionAsync("#type", nameof(QuestionKind.MultipleChoice));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une question" }).ClickAsync();
        await page.FillAsync("#Text", "Quelles démarches avez-vous faites au point d’accueil numérique ?");
        await page.FillAsync("#option-0", "Titre de séjour");
        await page.FillAsync("#option-1", "Permis de conduire");
        await page.FillAsync("#option-2", "Carte grise");

        // A blank question is refused beside its field, with what was typed kept.
        await page.FillAsync("#Text", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la question" }).ClickAsync();
        await page.Locator("#Text-error").WaitForAsync();
        Assert.Equal("Carte grise", await page.InputValueAsync("#option-2"));
        await CheckAsync(page, "question-erreur", width);

        await page.FillAsync("#Text", "Quelles démarches avez-vous faites au point d’accueil numérique ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Descendre l’option « Titre de séjour »" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ordre des options" }).WaitForAsync();
        Assert.Equal("Permis de conduire", await page.InputValueAsync("#option-0"));
        Assert.Equal("Titre de séjour", await page.InputValueAsync("#option-1"));
        await CheckAsync(page, "question", width);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la question" }).ClickAsync();
        await page.Locator("#question-8").WaitForAsync();
        Assert.Contains("Permis de conduire ; Titre de séjour ; Carte grise", await page.Locator("#question-8").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Aperçu", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Aperçu du brouillon" }).WaitForAsync();
        Assert.Equal(3, await page.Locator(".vu-apercu-formulaire input[type=checkbox]").CountAsync());
        Assert.Equal(5 + 6 + (4 * 5), await page.Locator(".vu-apercu-formulaire input[type=radio]").CountAsync());
        await CheckAsync(page, "apercu", width);

        await page.GetByRole(AriaRole.Link, new() { Name = "Publier…" }).ClickAsync();
        await CheckAsync(page, "publier", width);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier la version 1" }).ClickAsync();
        await page.GetByText("Version 1 publiée").WaitForAsync();
        await CheckAsync(page, "version", width);

        var published = await fixture.App.WithDbAsync(db => db.QuestionnaireVersions.Include(v => v.Questions).ThenInclude(q => q.Options).SingleAsync(v => v.Title == title));
        Assert.Equal(fixture.Data.CantalId, published.PrefectureId);
        var local = published.Questions.Single(q => q.Order == 8);
        Assert.Equal(QuestionKind.MultipleChoice, local.Kind);
        Assert.Equal(["Permis de conduire", "Titre de séjour", "Carte grise"], local.Options.OrderBy(o => o.Order).Select(o => o.Label));
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_draft_built_on_an_older_national_core_says_so_and_takes_the_new_one_back(int width)
    {
        Directory.CreateDirectory(Shots);
        var run = $"{width}-{Guid.NewGuid().ToString("N")[..6]}";
        var title = $"Étude PAN ({run})";
        int draftId;
        string reworded = $"L’agent qui vous a reçu a-t-il été aimable ({run}) ?";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var editing = scope.ServiceProvider.GetRequiredService<QuestionnaireEditing>();
            var db = scope.ServiceProvider.GetRequiredService<VoixUsager.Data.AppDbContext>();
            var qualityUser = await db.Users.SingleAsync(u => u.Email == StaffTestData.Email("Qualite", "cantal"));
            var adminUser = await db.Users.SingleAsync(u => u.Email == StaffTestData.AdminEmail);
            var quality = new EditorActor(qualityUser.Id, qualityUser.Email!, fixture.Data.CantalId, false);
            var admin = new EditorActor(adminUser.Id, adminUser.Email!, null, true);
            draftId = Assert.IsType<QuestionnaireEditing.Result.Done>(await editing.CreateAsync(quality, title, fromNationalCore: true, CancellationToken.None)).DraftId;

            // The administrators reword the courtesy question, keeping its meaning, while Cantal's draft is open.
            var national = Assert.IsType<QuestionnaireEditing.Result.Done>(await editing.StartDraftAsync(admin, DefaultQuestionnaire.Key, CancellationToken.None)).DraftId;
            Task<string> StampAsync() => db.QuestionnaireDrafts.AsNoTracking().Where(d => d.Id == national).Select(d => d.ConcurrencyStamp.ToString()).SingleAsync();
            Assert.IsType<QuestionnaireEditing.Result.Done>(await editing.SaveQuestionAsync(admin, national, await StampAsync(), DefaultQuestionnaire.Codes.Courtoisie,
                new QuestionInput { Text = reworded, IsRequired = true, IncludeSansAvis = true, MeaningUnchanged = true }, CancellationToken.None));
            Assert.IsType<QuestionnaireEditing.Result.Published>(await editing.PublishAsync(admin, national, await StampAsync(), CancellationToken.None));
        }

        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 900);
        await page.GotoAsync($"{fixture.BaseUrl}/questionnaires/brouillons/{draftId}");
        var notice = page.Locator("#tronc-commun-a-jour");
        await notice.WaitForAsync();
        await CheckAsync(page, "tronc-commun-modifie", width);
        await notice.GetByRole(AriaRole.Button, new() { Name = "Reprendre le questionnaire national à jour" }).ClickAsync();
        await page.GetByText("Le brouillon reprend le questionnaire national").WaitForAsync();
        Assert.Equal(0, await page.Locator("#tronc-commun-a-jour").CountAsync());
        Assert.Contains(reworded, await page.Locator(".vu-editeur-questions").TextContentAsync(), StringComparison.Ordinal);
        await CheckAsync(page, "tronc-commun-repris", width);
    }
}
