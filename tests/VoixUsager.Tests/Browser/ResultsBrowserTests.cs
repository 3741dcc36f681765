using Microsoft.Playwright;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

public sealed class ResultsBrowserFixture : BrowserFixture
{
    public ResultsTestData.Ids Ids { get; private set; } = null!;

    protected override async Task SeedAsync() => Ids = await ResultsTestData.SeedAsync(App);
}

/// <summary>Cantal's quality team reads its dashboards in Chromium; axe-core checks each page.</summary>
public sealed class ResultsBrowserTests(ResultsBrowserFixture fixture) : BrowserTest, IClassFixture<ResultsBrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    [BrowserFact]
    public async Task Quality_team_signs_in_with_its_second_factor_and_the_dashboards_pass_axe()
    {
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, 1280,
            onCodePage: codePage => Accessibility.AssertNoWcag21AAViolationAsync(codePage, "the code page"));
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the staff home");

        foreach (var path in new[] { $"/resultats?campagne={fixture.Ids.CurrentCampaignId}", "/resultats/mystere", "/resultats/suggestions", "/resultats/indicateurs", "/resultats/frequentation", "/resultats/instantanes", "/resultats/clu", "/resultats/campagnes", "/qualite/journal", "/qualite/utilisateurs", $"/qualite/mystere/{fixture.Ids.Staff.CampaignId}" })
        {
            var response = await page.GotoAsync(fixture.BaseUrl + path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await Accessibility.AssertNoWcag21AAViolationAsync(page, path);
        }

        // The charts load as images in the browser too (same origin, allowed by the CSP).
        await page.GotoAsync($"{fixture.BaseUrl}/resultats?campagne={fixture.Ids.CurrentCampaignId}");
        var widths = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('main img')].map(i => i.naturalWidth)");
        Assert.All(widths, w => Assert.True(w > 0));
        await page.Context.CloseAsync();
    }
}
