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

    [Fact]
    public async Task Quality_team_signs_in_with_its_second_factor_and_the_dashboards_pass_axe()
    {
        var page = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync($"{fixture.BaseUrl}/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(StaffTestData.Email("Qualite", "cantal"));
        await page.GetByLabel("Mot de passe").FillAsync(StaffTestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/connexion/code**");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the code page");
        await page.GetByLabel("Code à 6 chiffres").FillAsync(Totp.Code(StaffTestData.AuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.WaitForURLAsync("**/espace");
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
