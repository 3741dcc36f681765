using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Tests.ResultsPages;

namespace VoixUsager.Tests.Browser;

/// <summary>The quality team publishes a semester in Chromium; the public page and its schema pass axe on a desktop and a phone.</summary>
public sealed class PublicResultsBrowserTests(ResultsBrowserFixture fixture) : BrowserTest, IClassFixture<ResultsBrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");

    [BrowserFact]
    public async Task Quality_team_publishes_a_semester_and_the_public_page_passes_axe_at_1280_and_375_px()
    {
        Directory.CreateDirectory(Shots);
        var (year, semester, _, _) = PublicResultsTests.DataSemester();
        // Nothing published, even when this is the browser tests' retry of a first attempt that published.
        await fixture.App.WithDbAsync(db => db.ResultsPublications.ExecuteDeleteAsync());

        var before = await fixture.NewPageAsync(1280, 900);
        Assert.True((await before.GotoAsync($"{fixture.BaseUrl}/resultats-publics/15"))!.Ok);
        await Assertions.Expect(before.Locator("#aucun-resultat")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcag21AAViolationAsync(before, "the public results before publication");
        await before.Context.CloseAsync();

        var staff = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, 1280);
        await staff.GotoAsync($"{fixture.BaseUrl}/resultats/indicateurs?annee={year}&semestre={semester}");
        await Accessibility.AssertNoWcag21AAViolationAsync(staff, "the indicators page with its publish button");
        await staff.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Publier le ") }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Dépublier le ") })).ToBeVisibleAsync();
        await Accessibility.AssertNoWcag21AAViolationAsync(staff, "the indicators page once published");
        await staff.Context.CloseAsync();

        foreach (var width in new[] { 1280, 375 })
        {
            var page = await fixture.NewPageAsync(width, 900);
            foreach (var (path, name) in new[] { ("/resultats-publics/15", "resultats-publics"), ("/resultats-publics/schema", "resultats-publics-schema") })
            {
                var response = await page.GotoAsync(fixture.BaseUrl + path);
                Assert.True(response!.Ok, $"{path}: {response.Status}");
                await Accessibility.AssertNoWcag21AAViolationAsync(page, $"{path} at {width} px");
                await TableLayout.AssertEveryColumnInViewAsync(page, $"{path} at {width} px");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
                await PublicStylesheetCoverage.AssertStyledAsWithTheWholeStylesheetAsync(page, $"{path} at {width} px");
            }

            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("jean.dupont");
            await page.GotoAsync($"{fixture.BaseUrl}/resultats-publics/15");
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "non significatif" }).First).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
    }
}
