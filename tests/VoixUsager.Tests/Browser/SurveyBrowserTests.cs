using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>A usager on a 320-pixel phone, in real Chromium, against the real application.</summary>
public sealed class SurveyBrowserTests(BrowserFixture fixture) : BrowserTest, IClassFixture<BrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    private string SurveyUrl => $"{fixture.BaseUrl}/avis/{TestData.OpenSiteCode}?canal=qr";

    private Task<IPage> NewPhonePageAsync(bool javaScript = true) => fixture.NewPageAsync(javaScript: javaScript);

    private static Task AssertNoAccessibilityViolationAsync(IPage page, string what) => Accessibility.AssertNoWcag21AAViolationAsync(page, what);

    private static async Task AssertFitsIn320PixelsAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var culprits = scrollWidth <= 320 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320.5)" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(scrollWidth <= 320, $"The page scrolls sideways on a 320-pixel screen ({scrollWidth} px): {culprits}");
    }

    private Task<int> ResponsesAsync() => fixture.App.WithDbAsync(db => db.SurveyResponses.CountAsync());

    [BrowserFact]
    public async Task Usager_completes_the_survey_with_the_keyboard_only()
    {
        var page = await NewPhonePageAsync();
        await page.GotoAsync(SurveyUrl);
        await AssertFitsIn320PixelsAsync(page);
        var before = await ResponsesAsync();

        // Tab from the top of the page to the first question, as a keyboard user does.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.type || ''") != "radio"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        for (var question = 0; question < 6; question++)
        {
            Assert.Equal("radio", await page.EvaluateAsync<string>("() => document.activeElement.type"));
            // Arrow keys move through a radio group and select: the second answer of each question.
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("textarea", await page.EvaluateAsync<string>("() => document.activeElement.tagName.toLowerCase()"));
        await page.Keyboard.TypeAsync("Ouvrir entre 12h et 14h.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Envoyer mon avis", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/merci");
        Assert.Equal("Merci pour votre avis", (await page.Locator("h1").TextContentAsync())?.Trim());
        await AssertFitsIn320PixelsAsync(page);
        Assert.Equal(before + 1, await ResponsesAsync());
        var stored = await fixture.App.WithDbAsync(db => db.SurveyAnswers
            .Where(a => a.Text == "Ouvrir entre 12h et 14h.")
            .CountAsync());
        Assert.Equal(1, stored);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Survey_works_without_javascript()
    {
        var page = await NewPhonePageAsync(javaScript: false);
        await page.GotoAsync(SurveyUrl);
        var before = await ResponsesAsync();

        var groups = await page.Locator("fieldset.fr-fieldset").AllAsync();
        foreach (var group in groups)
        {
            await group.Locator(".fr-radio-group label").First.ClickAsync();
            Assert.Equal(1, await group.Locator("input[type=radio]:checked").CountAsync());
        }

        await page.Locator("textarea").FillAsync("Sans JavaScript.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();

        try
        {
            await page.WaitForURLAsync("**/merci");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No thank-you page: still at {page.Url}, showing « {(await page.Locator("main").TextContentAsync())?.Trim()[..200]} »");
        }

        Assert.Equal("Merci pour votre avis", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal(before + 1, await ResponsesAsync());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Form_error_state_and_thanks_page_have_no_wcag_21_aa_violation()
    {
        var page = await NewPhonePageAsync();
        await page.GotoAsync(SurveyUrl);
        await page.Locator("body[data-fr-js='true'], body").First.WaitForAsync();
        await AssertNoAccessibilityViolationAsync(page, "the survey form");

        var before = await ResponsesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await page.Locator("#erreurs").WaitForAsync();
        Assert.Equal(6, await page.Locator(".fr-fieldset--error").CountAsync());
        Assert.Equal(6, await page.Locator("#erreurs a").CountAsync());
        await AssertFitsIn320PixelsAsync(page);
        await AssertNoAccessibilityViolationAsync(page, "the form in its error state");
        Assert.Equal(before, await ResponsesAsync());

        // The summary's links take the keyboard to the question to fix.
        await page.Locator("#erreurs a").First.ClickAsync();
        Assert.Equal("radio", await page.EvaluateAsync<string>("() => document.activeElement.type"));

        foreach (var group in await page.Locator("fieldset.fr-fieldset").AllAsync())
        {
            await group.Locator(".fr-radio-group label").Last.ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon avis" }).ClickAsync();
        await page.WaitForURLAsync("**/merci");
        await AssertNoAccessibilityViolationAsync(page, "the thank-you page");
        Assert.Equal(before + 1, await ResponsesAsync());
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("/avis/" + TestData.ClosedSiteCode)]
    [InlineData("/avis/site-inexistant")]
    [InlineData("/accessibilite")]
    [InlineData("/donnees-personnelles")]
    [InlineData("/")]
    public async Task Other_public_pages_have_no_wcag_21_aa_violation(string path)
    {
        var page = await NewPhonePageAsync();
        await page.GotoAsync(fixture.BaseUrl + path);
        await AssertFitsIn320PixelsAsync(page);
        await AssertNoAccessibilityViolationAsync(page, path);
        await page.Context.CloseAsync();
    }
}
