using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Mystery;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

public sealed class StaffBrowserFixture : BrowserFixture
{
    public StaffTestData Data { get; private set; } = null!;

    protected override async Task SeedAsync() => Data = await StaffTestData.SeedAsync(App);
}

/// <summary>Allier's référent, on her laptop, records a call and an email to Cantal in real Chromium.</summary>
public sealed class ReferentBrowserTests(StaffBrowserFixture fixture) : BrowserTest, IClassFixture<StaffBrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    private async Task<IPage> SignedInReferentAsync()
    {
        var page = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync($"{fixture.BaseUrl}/connexion");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the login page");
        await page.GetByLabel("Adresse électronique").FillAsync(StaffTestData.Email("Referent", "allier"));
        await page.GetByLabel("Mot de passe").FillAsync(StaffTestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/espace");
        return page;
    }

    [BrowserFact]
    public async Task Referent_records_a_call_and_an_email_and_the_pages_pass_axe()
    {
        var page = await SignedInReferentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes appels et courriels mystères" }).ClickAsync();
        await page.WaitForURLAsync("**/referent");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the référent's list");

        await page.Locator($"a[href='/referent/appel/{fixture.Data.CallScenarioId}']").ClickAsync();
        await page.WaitForURLAsync($"**/referent/appel/{fixture.Data.CallScenarioId}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the call grid");

        // Submitting an empty grid shows the errors the DSFR way; axe checks that state too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre la fiche" }).ClickAsync();
        await page.Locator("#erreurs").WaitForAsync();
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the call grid with errors");

        await page.GetByLabel("Date et heure de l’appel").FillAsync(GridFields.Local(VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow.AddHours(-1))));
        await page.GetByLabel("Numéro ou service appelé").FillAsync("04 71 46 23 00");
        await page.Locator("label[for='Outcome-Abouti']").ClickAsync();
        foreach (var criterion in GridFields.Criteria(fixture.App, DefaultGrids.CallKey))
        {
            if (criterion.Kind == CriterionKind.Nombre)
            {
                await page.Locator($"#c{criterion.Id}").FillAsync("3");
            }
            else
            {
                await page.Locator($"label[for='c{criterion.Id}-{(criterion.Kind == CriterionKind.OuiNon ? "oui" : "4")}']").ClickAsync();
            }
        }

        await page.GetByLabel("Commentaire libre").FillAsync("Standard très aimable.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre la fiche" }).ClickAsync();
        await page.WaitForURLAsync("**enregistre=soumis");
        Assert.Contains("Fiche soumise", await page.Locator("main").TextContentAsync());

        await page.GotoAsync($"{fixture.BaseUrl}/referent/courriel/{fixture.Data.EmailScenarioId}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the email grid");
        var sent = VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow.AddDays(-6));
        await page.GetByLabel("Date et heure d’envoi").FillAsync(GridFields.Local(sent));
        await page.GetByLabel("Réponse reçue le").FillAsync(GridFields.Local(sent.AddDays(2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.WaitForURLAsync("**enregistre=brouillon");

        var records = await fixture.App.WithDbAsync(db => db.MysteryRecords.OrderBy(r => r.Id).ToListAsync());
        Assert.Collection(records,
            call => Assert.Equal((RecordStatus.Soumis, 3), (call.Status, ((MysteryCallRecord)call).RingsBeforePickup)),
            email => Assert.Equal(RecordStatus.Brouillon, email.Status));
        await page.Context.CloseAsync();
    }
}
