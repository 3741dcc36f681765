using Microsoft.Playwright;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>
/// The pages shown to visitors who are not signed in get the public part of the design system's stylesheet
/// (carried in the head of the pages they land on, linked on the others): in real Chromium, at 1280 and
/// 375 px, each page, in its error states and in Arabic, is styled as the whole stylesheet would style it.
/// </summary>
public sealed class PublicStylesheetBrowserTests(RightToLeftCheckBoxesFixture fixture) : BrowserTest, IClassFixture<RightToLeftCheckBoxesFixture>
{
    protected override BrowserFixture Browser => fixture;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");

    private async Task CheckAsync(IPage page, string path, string name, int width, Func<IPage, Task>? then = null, bool inline = false)
    {
        var response = await page.GotoAsync(fixture.BaseUrl + path);
        Assert.NotNull(response);
        if (then is not null)
        {
            await then(page);
        }

        // The pages a visitor lands on carry the stylesheets; the others link them.
        Assert.Equal(inline, await page.Locator("head style").CountAsync() == 1);
        Assert.Equal(inline ? 0 : 1, await page.Locator("link[rel=stylesheet][href*='dsfr-public']").CountAsync());
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"public-css-{name}-{width}.png"), FullPage = true });
        await PublicStylesheetCoverage.AssertStyledAsWithTheWholeStylesheetAsync(page, $"{name} at {width} px");
    }

    private static async Task SubmitEmptyAsync(IPage page)
    {
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_public_page_is_styled_by_the_public_stylesheet_as_by_the_whole_one(int width)
    {
        var page = await fixture.NewPageAsync(width, 900);
        var survey = $"/avis/{TestData.OpenSiteCode}?canal=qr";
        await CheckAsync(page, survey, "avis", width, inline: true);
        await CheckAsync(page, survey, "avis-erreurs", width, async p =>
        {
            await SubmitEmptyAsync(p);
            await p.WaitForSelectorAsync("#erreurs");
        }, inline: true);
        await CheckAsync(page, survey + "&langue=ar", "avis-ar", width, inline: true);
        await CheckAsync(page, survey + "&langue=ar", "avis-ar-erreurs", width, async p =>
        {
            await SubmitEmptyAsync(p);
            await p.WaitForSelectorAsync("#erreurs");
        }, inline: true);
        await CheckAsync(page, $"/avis/{TestData.OpenSiteCode}/merci", "avis-merci", width);
        await CheckAsync(page, $"/avis/{TestData.ClosedSiteCode}", "avis-ferme", width, inline: true);
        await CheckAsync(page, "/", "accueil", width, inline: true);
        await CheckAsync(page, "/accessibilite", "accessibilite", width, inline: true);
        await CheckAsync(page, "/donnees-personnelles", "donnees-personnelles", width, inline: true);
        await CheckAsync(page, "/page-inconnue", "erreur-404", width);
        await CheckAsync(page, "/connexion", "connexion", width);
        await CheckAsync(page, "/connexion", "connexion-erreurs", width, SubmitEmptyAsync);
        await CheckAsync(page, "/connexion/mot-de-passe-oublie", "mot-de-passe-oublie", width);
        await CheckAsync(page, "/connexion/mot-de-passe-oublie", "mot-de-passe-oublie-erreurs", width, SubmitEmptyAsync);
        await CheckAsync(page, "/connexion/reinitialiser?jeton=inconnu", "reinitialiser", width);
        await CheckAsync(page, "/connexion/invitation?jeton=inconnu", "invitation", width);
        await CheckAsync(page, "/suggestions-reclamations/inconnu", "registre-inconnu", width);
        await page.Context.CloseAsync();
    }
}

/// <summary>The public register form, filled in and refused, styled by the public stylesheet as by the whole one.</summary>
public sealed class PublicStylesheetRegisterBrowserTests(RegisterFormFixture fixture) : BrowserTest, IClassFixture<RegisterFormFixture>
{
    protected override BrowserFixture Browser => fixture;

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_public_register_form_and_its_errors_are_styled_as_by_the_whole_stylesheet(int width)
    {
        var page = await fixture.NewPageAsync(width, 900);
        await page.GotoAsync(fixture.BaseUrl + "/suggestions-reclamations/site-cantal");
        await PublicStylesheetCoverage.AssertStyledAsWithTheWholeStylesheetAsync(page, $"the register form at {width} px");

        await page.GotoAsync(fixture.BaseUrl + "/suggestions-reclamations/site-cantal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await page.WaitForSelectorAsync("#erreurs");
        await PublicStylesheetCoverage.AssertStyledAsWithTheWholeStylesheetAsync(page, $"the refused register form at {width} px");
        await page.Context.CloseAsync();
    }
}
