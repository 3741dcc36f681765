using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>The open site's survey offers French, English and Arabic (one question left in French).</summary>
public sealed class MultilingualSurveyFixture : BrowserFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await App.WithDbAsync(MultilingualQuestionnaire.PublishForOpenSiteAsync);
    }
}

/// <summary>A usager answers the survey in French, English or Arabic, in real Chromium, on a laptop and a phone.</summary>
public sealed class SurveyLanguagesBrowserTests(MultilingualSurveyFixture fixture) : BrowserTest, IClassFixture<MultilingualSurveyFixture>
{
    protected override BrowserFixture Browser => fixture;

    private const string ScreenshotFolder = "/tmp/voixusager-langues";

    [BrowserTheory]
    [InlineData("fr", 1280)]
    [InlineData("fr", 375)]
    [InlineData("en", 1280)]
    [InlineData("en", 375)]
    [InlineData("ar", 1280)]
    [InlineData("ar", 375)]
    public async Task Usager_answers_in_a_language_and_is_thanked_in_it(string language, int width)
    {
        // With script on, as axe needs it; the public pages load none of their own.
        var page = await fixture.NewPageAsync(width, 900);
        await page.GotoAsync($"{fixture.BaseUrl}/avis/{TestData.OpenSiteCode}?canal=qr" + (language == "fr" ? "" : $"&langue={language}"));

        var html = page.Locator("html");
        Assert.Equal(language, await html.GetAttributeAsync("lang"));
        Assert.Equal(language == "ar" ? "rtl" : "ltr", await html.GetAttributeAsync("dir"));
        var links = page.Locator("nav.vu-langues a");
        Assert.Equal(["fr", "ar", "en"], await links.EvaluateAllAsync<string[]>("links => links.map(l => l.lang)"));
        Assert.Equal(language, await page.Locator("nav.vu-langues a[aria-current=true]").GetAttributeAsync("lang"));
        Assert.Equal(language == "ar" ? 1 : 0, await page.Locator(".vu-badge-langue").CountAsync());
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page scrolls sideways at {width} px ({scrollWidth} px).");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = $"{ScreenshotFolder}/avis-{language}-{width}.png", FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the survey in {language} at {width} px");

        // A refused form stays in the language and stays accessible.
        var submit = page.Locator("button[type=submit]");
        await submit.ClickAsync();
        await page.WaitForSelectorAsync("#erreurs");
        Assert.Equal(language, await html.GetAttributeAsync("lang"));
        await page.ScreenshotAsync(new() { Path = $"{ScreenshotFolder}/avis-{language}-{width}-erreurs.png" });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the refused survey in {language} at {width} px");

        var before = await fixture.App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Language == language));
        foreach (var group in await page.Locator("fieldset.fr-fieldset").AllAsync())
        {
            await group.Locator(".fr-radio-group label").First.ClickAsync();
        }

        await submit.ClickAsync();
        await page.WaitForURLAsync("**/merci**");
        // The thank-you page holds only the interface's words: English or French (no Arabic interface words ship).
        var thanksLanguage = language == "en" ? "en" : "fr";
        Assert.Equal(thanksLanguage, await html.GetAttributeAsync("lang"));
        Assert.Equal(thanksLanguage == "en" ? "Thank you for your feedback" : "Merci pour votre avis", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.ScreenshotAsync(new() { Path = $"{ScreenshotFolder}/merci-{language}-{width}.png" });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the thank-you page in {language} at {width} px");
        Assert.Equal(before + 1, await fixture.App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Language == language)));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_language_links_switch_the_page_without_javascript()
    {
        var page = await fixture.NewPageAsync(375, 900, javaScript: false);
        await page.GotoAsync($"{fixture.BaseUrl}/avis/{TestData.OpenSiteCode}?canal=qr");

        await page.Locator("nav.vu-langues a[lang=ar]").ClickAsync();
        await page.WaitForURLAsync("**langue=ar**");
        Assert.Contains("canal=qr", page.Url);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(MultilingualQuestionnaire.ArabicTitle, (await page.Locator("h1").TextContentAsync())?.Trim());

        await page.Locator("nav.vu-langues a[lang=en]").ClickAsync();
        await page.WaitForURLAsync("**langue=en**");
        Assert.Equal("Send my feedback", (await page.Locator("button[type=submit]").TextContentAsync())?.Trim());

        await page.Locator("nav.vu-langues a[lang=fr]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'fr'");
        Assert.DoesNotContain("langue=", page.Url);
        await page.Context.CloseAsync();
    }
}
