using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Tests.Surveys;

namespace VoixUsager.Tests.Browser;

/// <summary>Cantal's campaign with its Mauriac site answering a questionnaire with a multiple-choice and a 0–10 question.</summary>
public sealed class QuestionKindsFixture : BrowserFixture
{
    public ResultsTestData.Ids Ids { get; private set; } = null!;

    public string SecondSiteCode { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        Ids = await ResultsTestData.SeedAsync(App);
        SecondSiteCode = await App.WithDbAsync(async db =>
        {
            var version = await SiteQuestionnairesTests.CreatePanQuestionnaireAsync(db, Ids.Staff.CantalId);
            db.SurveyCampaignQuestionnaires.Add(new Questionnaires.SurveyCampaignQuestionnaire { CampaignId = Ids.CurrentCampaignId, SiteId = Ids.SecondSiteId, QuestionnaireVersionId = version });
            await db.SaveChangesAsync();
            return await db.Sites.Where(s => s.Id == Ids.SecondSiteId).Select(s => s.PublicCode).SingleAsync();
        });
    }
}

/// <summary>The public form's checkboxes and 0–10 row, and the staff interview screen, at 1280 and 375 px in Chromium.</summary>
public sealed class QuestionKindsBrowserTests(QuestionKindsFixture fixture) : BrowserTest, IClassFixture<QuestionKindsFixture>
{
    protected override BrowserFixture Browser => fixture;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");

    private static async Task AssertFitsAsync(IPage page, int width, string what)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{what} scrolls sideways at {width} px ({scrollWidth} px)");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static ILocator Label(IPage page, string text) =>
        page.Locator("main label").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$") });

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Usager_ticks_boxes_and_gives_a_note_on_one_row(int width)
    {
        var page = await fixture.NewPageAsync(width, 900);
        await page.GotoAsync($"{fixture.BaseUrl}/avis/{fixture.SecondSiteCode}?canal=qr");
        Assert.Equal("PAN", (await page.Locator("h1").InnerTextAsync()).Trim());

        // The eleven notes share one row: same top, each inside the screen.
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var note in await page.Locator(".vu-zero-dix input[type=radio]").AllAsync())
        {
            boxes.Add((await note.BoundingBoxAsync())!);
        }

        Assert.Equal(11, boxes.Count);
        Assert.True(boxes.Max(b => b.Y) - boxes.Min(b => b.Y) < 1, $"the notes 0 to 10 wrap at {width} px");
        Assert.True(boxes.Max(b => b.X + b.Width) <= width, $"the note 10 is off-screen at {width} px");
        // "10 : tout à fait" ends under the 10, "0 : pas du tout" starts under the 0.
        // The text itself, not its box, which may stretch across its column.
        const string textEdges = "e => { const r = document.createRange(); r.selectNodeContents(e); const b = r.getBoundingClientRect(); return [b.left, b.right]; }";
        var high = await page.Locator(".vu-zero-dix__bornes span").Last.EvaluateAsync<double[]>(textEdges);
        var low = await page.Locator(".vu-zero-dix__bornes span").First.EvaluateAsync<double[]>(textEdges);
        var cells = (await page.Locator(".vu-zero-dix").BoundingBoxAsync())!;
        Assert.True(Math.Abs(high[1] - (cells.X + cells.Width)) < 3, $"the end label ends at {high[1]:0}, the row at {cells.X + cells.Width:0}");
        Assert.True(Math.Abs(low[0] - cells.X) < 3, $"the start label starts at {low[0]:0}, the row at {cells.X:0}");
        await AssertFitsAsync(page, width, "the form");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the form with checkboxes and a 0–10 question at {width} px");

        // Sent empty: every question says what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await page.Locator("#erreurs").WaitForAsync();
        await Expect(page.Locator("#erreurs")).ToContainTextAsync(SurveySubmissionValidator.MissingTicks);
        await Expect(page.Locator("#erreurs")).ToContainTextAsync(SurveySubmissionValidator.MissingScore);
        await AssertFitsAsync(page, width, "the form in its error state");
        await ShotAsync(page, $"avis-choix-multiple-note-erreurs-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the form's error state at {width} px");

        var before = await fixture.App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SiteId == fixture.Ids.SecondSiteId));
        // DSFR draws its own boxes over the inputs: people click the labels.
        await Label(page, "Titres d’identité").ClickAsync();
        await Label(page, "Permis de conduire").ClickAsync();
        // The number is the label: a tap on "9" chooses 9.
        await page.Locator(".vu-zero-dix label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^9$") }).ClickAsync();
        await page.Locator("fieldset").Last.Locator(".fr-radio-group label").First.ClickAsync();
        await ShotAsync(page, $"avis-choix-multiple-note-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await page.WaitForURLAsync("**/merci");

        var stored = await fixture.App.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => r.SiteId == fixture.Ids.SecondSiteId).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(before + 1, stored.Count);
        var labels = await fixture.App.WithDbAsync(db => db.QuestionOptions.Where(o => stored.Last().Answers.Select(a => a.OptionId).Contains(o.Id)).Select(o => o.Label).ToListAsync());
        Assert.Contains("Titres d’identité", labels);
        Assert.Contains("Permis de conduire", labels);
        Assert.Contains("9", labels);
        Assert.Equal(4, stored.Last().Answers.Count);
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Agent_types_a_series_of_phone_interviews(int width)
    {
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width);
        await page.GotoAsync($"{fixture.BaseUrl}/qualite/entretiens");
        await AssertFitsAsync(page, width, "the start of a series");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the start of a series at {width} px");
        await page.Locator("#site").SelectOptionAsync(new SelectOptionValue { Label = "Sous-préfecture de Mauriac" });
        await Label(page, "Enquête téléphonique").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer la saisie" }).ClickAsync();
        await Expect(page.Locator("#compteur")).ToContainTextAsync("0 entretien saisi dans cette série");

        var before = await fixture.App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Channel == SurveyChannel.EnqueteTelephonique));
        for (var interview = 1; interview <= 2; interview++)
        {
            await Label(page, "Titre de séjour").ClickAsync();
            await page.Locator(".vu-zero-dix label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{interview + 6}$") }).ClickAsync();
            await page.Locator("fieldset").Last.Locator(".fr-radio-group label").First.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et saisir l’entretien suivant" }).ClickAsync();
            await Expect(page.Locator("#compteur")).ToContainTextAsync($"{interview} entretien{(interview > 1 ? "s" : "")} saisi{(interview > 1 ? "s" : "")} dans cette série");
            // The next interview starts blank.
            Assert.Equal(0, await page.Locator("#entretien input:checked").CountAsync());
        }

        await AssertFitsAsync(page, width, "the interview screen");
        await ShotAsync(page, $"qualite-entretiens-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the interview screen at {width} px");
        Assert.Equal(before + 2, await fixture.App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Channel == SurveyChannel.EnqueteTelephonique)));
        await page.Context.CloseAsync();
    }
}
