using Microsoft.Playwright;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

public sealed class ResultsLayoutBrowserFixture : BrowserFixture
{
    public ResultsTestData.Ids Ids { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Ids = await ResultsTestData.SeedAsync(App);
        await MysteryTestData.SeedAsync(App, Ids.Staff);
    }
}

/// <summary>
/// The results pages on an ordinary 1280 px monitor: the key columns and the export actions are on
/// screen, labelled, and no script error is thrown.
/// </summary>
public sealed class ResultsLayoutBrowserTests(ResultsLayoutBrowserFixture fixture) : IClassFixture<ResultsLayoutBrowserFixture>
{
    private const int Width = 1280;
    private const int Height = 800;

    private async Task<(IPage Page, List<string> Errors)> SignedInAsync()
    {
        var errors = new List<string>();
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, Width, Height,
            onNewPage: page =>
            {
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        errors.Add($"{page.Url}: {message.Text}");
                    }
                };
                page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
            });
        return (page, errors);
    }

    /// <summary>Scrolled to, the element lies wholly inside the 1280 × 800 viewport and is not hidden.</summary>
    private static async Task AssertOnScreenAsync(ILocator element, string what)
    {
        await element.ScrollIntoViewIfNeededAsync();
        Assert.True(await element.IsVisibleAsync(), $"{what} is hidden");
        var box = await element.BoundingBoxAsync();
        Assert.True(box is not null, $"{what} has no box");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= Width && box.Y + box.Height <= Height,
            $"{what} is outside the viewport: x = {box.X}, y = {box.Y}, {box.Width} × {box.Height}");
    }

    [BrowserFact]
    public async Task Key_columns_and_export_actions_are_visible_at_1280_px_without_script_errors()
    {
        var (page, errors) = await SignedInAsync();

        await page.GotoAsync($"{fixture.BaseUrl}/resultats");
        var rates = page.Locator("#taux-par-question table");
        foreach (var column in new[] { "Question", "Taux de satisfaction", "IC 95 %", "Note moyenne (sur 4)", "Évolution" })
        {
            await AssertOnScreenAsync(rates.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true }), $"column « {column} »");
        }

        var globalRow = rates.Locator("tbody tr", new() { HasText = "Globalement" });
        await AssertOnScreenAsync(globalRow.Locator("td").Last, "the trend of overall satisfaction");

        // The demo's trend is a full sentence; laid out on one line it pushed the column past 1280 px.
        await globalRow.Locator("td").Last.EvaluateAsync("(cell, text) => cell.textContent = text",
            "Hausse de 13,2 points par rapport à la campagne précédente, supérieure à ce que le hasard expliquerait (p < 0,001).");
        var widths = await rates.EvaluateAsync<int[]>("t => [Math.round(t.getBoundingClientRect().width), t.closest('.fr-table__container').clientWidth]");
        Assert.True(widths[0] <= widths[1], $"with a long trend the table is {widths[0]} px wide in a {widths[1]} px container: « Évolution » needs a sideways scroll");
        foreach (var export in new[] { "Réponses anonymisées (CSV)", "Classeur de tous les résultats (XLSX)" })
        {
            var link = page.GetByRole(AriaRole.Link, new() { Name = export, Exact = true });
            await AssertOnScreenAsync(link, $"the export « {export} »");
            Assert.Equal(export, (await link.InnerTextAsync()).Trim());
        }

        await page.GotoAsync($"{fixture.BaseUrl}/resultats/mystere");
        var export2 = page.GetByRole(AriaRole.Link, new() { Name = "Fiches d’appels et de courriels (CSV)", Exact = true });
        await AssertOnScreenAsync(export2, "the mystery export");
        Assert.Equal("Fiches d’appels et de courriels (CSV)", (await export2.InnerTextAsync()).Trim());
        var criteria = page.Locator("table", new() { HasText = "Conformité des appels par critère" });
        foreach (var column in new[] { "Critère", "Conformité", "n", "IC 95 %" })
        {
            await AssertOnScreenAsync(criteria.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true }), $"mystery column « {column} »");
        }

        // Charts are shown at the size they are drawn: never stretched.
        foreach (var path in new[] { "/resultats", "/resultats/mystere" })
        {
            await page.GotoAsync(fixture.BaseUrl + path);
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('main img')].every(i => i.complete && i.naturalWidth > 0)");
            var sizes = await page.EvaluateAsync<int[][]>("() => [...document.querySelectorAll('main img')].map(i => [i.naturalWidth, i.naturalHeight, Math.round(i.getBoundingClientRect().width), Math.round(i.getBoundingClientRect().height)])");
            Assert.NotEmpty(sizes);
            Assert.All(sizes, s => Assert.True(s[0] == s[2] && s[1] == s[3], $"{path}: a {s[0]} × {s[1]} chart is shown at {s[2]} × {s[3]}"));
        }

        Assert.True(errors.Count == 0, "Script errors:\n" + string.Join("\n", errors));
        await page.Context.CloseAsync();
    }
}
