using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Auditing;
using VoixUsager.Prefectures;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>
/// Staff data as long as real data: the demo's scenario questions, sites with full names, audit details
/// of a whole grid. Short test strings would fit any table and hide what happens on a real screen.
/// </summary>
public sealed class StaffScreensFixture : BrowserFixture
{
    public StaffTestData Data { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Data = await StaffTestData.SeedAsync(App);
        await App.WithDbAsync(async db =>
        {
            var scenarios = await db.MysteryScenarios.OrderBy(s => s.Id).ToListAsync();
            var questions = new[]
            {
                ("Je voudrais savoir comment renouveler mon titre de séjour qui expire dans deux mois.", "Standard de la préfecture – 04 71 46 23 00"),
                ("Ma demande de titre de séjour est en attente depuis trois mois, pouvez-vous me dire où elle en est ?", "pref-etrangers-renouvellements@cantal.gouv.fr"),
                ("Mon association veut organiser une manifestation sur la voie publique : à qui m'adresser ?", "Standard de la sous-préfecture de Saint-Flour"),
            };
            foreach (var (scenario, (question, target)) in scenarios.Zip(questions))
            {
                scenario.Question = question;
                scenario.Target = target;
            }

            var allier = await db.Prefectures.Include(p => p.Sites).SingleAsync(p => p.Id == Data.AllierId);
            allier.Sites.Add(new Site { PublicCode = "allier-sous-prefecture-montlucon", Name = "Sous-préfecture de Montluçon – accueil des étrangers", Kind = SiteKind.SousPrefecture });
            allier.Sites.Add(new Site { PublicCode = "allier-sous-prefecture-vichy", Name = "Sous-préfecture de Vichy – guichet des titres", Kind = SiteKind.SousPrefecture });

            var now = DateTime.UtcNow;
            for (var i = 0; i < 12; i++)
            {
                db.AuditEntries.Add(AuditEntry.Of(now.AddMinutes(-i), null, "qualite@cantal.test", Data.CantalId, "suggestion.retenue", "SurveyAnswer", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "Nous allons ouvrir un second guichet le mardi matin pour les renouvellements de titres de séjour, et afficher les horaires à l'entrée du bâtiment ainsi que sur le site internet de la préfecture."));
            }

            return await db.SaveChangesAsync();
        });
    }
}

/// <summary>Staff screens on an ordinary 1280-pixel monitor and on a 375-pixel phone, in Chromium.</summary>
public sealed class StaffScreensBrowserTests(StaffScreensFixture fixture) : BrowserTest, IClassFixture<StaffScreensFixture>
{
    protected override BrowserFixture Browser => fixture;

    private Task<IPage> SignedInAsync(string email, int width, int height = 900) =>
        fixture.SignedInPageAsync(email, StaffTestData.Password,
            email.StartsWith("referent", StringComparison.Ordinal) ? null : StaffTestData.AuthenticatorKey, width, height);

    /// <summary>
    /// The element is on screen without scrolling sideways: inside the viewport and inside the table's
    /// scrolling container (which would otherwise clip it).
    /// </summary>
    private static async Task AssertVisibleAsync(IPage page, ILocator element, string what)
    {
        await element.ScrollIntoViewIfNeededAsync();
        Assert.True(await element.IsVisibleAsync(), $"{what} is not visible");
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} has no box");
        var viewport = page.ViewportSize!.Width;
        Assert.True(box.X >= 0 && box.X + box.Width <= viewport, $"{what} is at x = {box.X:0} to {box.X + box.Width:0}, outside the {viewport}-pixel viewport");
        var scrolled = await element.EvaluateAsync<string>(
            "e => { const c = e.closest('.fr-table__container'); return c && (c.scrollLeft > 0 || c.scrollWidth > c.clientWidth + 1) ? `${c.scrollWidth} > ${c.clientWidth}` : ''; }");
        Assert.True(scrolled.Length == 0, $"{what}: its table scrolls sideways at {viewport} px ({scrolled})");
    }

    private static ILocator Header(IPage page, string name) =>
        page.Locator("main table thead th").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(name)}\\s*$") });

    [BrowserFact]
    public async Task Referent_sees_the_state_and_the_grid_links_of_every_scenario_at_1280_px()
    {
        var page = await SignedInAsync(StaffTestData.Email("Referent", "allier"), 1280);
        await page.GotoAsync($"{fixture.BaseUrl}/referent");

        await AssertVisibleAsync(page, Header(page, "État"), "the État column");
        var links = page.Locator("main table a", new() { HasTextString = "Saisir la grille" });
        Assert.Equal(3, await links.CountAsync());
        for (var i = 0; i < 3; i++)
        {
            await AssertVisibleAsync(page, links.Nth(i), $"Saisir la grille ({i + 1})");
        }

        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the référent's list at 1280 px");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Quality_team_reads_its_journal_and_its_accounts_at_1280_px()
    {
        var page = await SignedInAsync(StaffTestData.Email("Qualite", "cantal"), 1280);
        await page.GotoAsync($"{fixture.BaseUrl}/qualite/journal");
        foreach (var column in new[] { "Date", "Agent", "Action", "Élément", "Détail" })
        {
            await AssertVisibleAsync(page, Header(page, column), $"the journal's {column} column");
        }

        await AssertVisibleAsync(page, page.Locator("main tbody tr").First.Locator("td").Last, "the first entry's detail");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the journal at 1280 px");

        await page.GotoAsync($"{fixture.BaseUrl}/qualite/utilisateurs");
        foreach (var column in new[] { "Nom", "Adresse", "Rôle", "Double authentification" })
        {
            await AssertVisibleAsync(page, Header(page, column), $"the accounts' {column} column");
        }

        await AssertVisibleAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’invitation" }), "the invitation button");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the accounts at 1280 px");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Administrator_reads_prefectures_and_accounts_at_1280_px()
    {
        var page = await SignedInAsync(StaffTestData.AdminEmail, 1280);
        await page.GotoAsync($"{fixture.BaseUrl}/administration/prefectures");
        foreach (var column in new[] { "Département", "Préfecture", "Jours fériés", "Sites (code du questionnaire)" })
        {
            await AssertVisibleAsync(page, Header(page, column), $"the préfectures' {column} column");
        }

        await AssertVisibleAsync(page, page.Locator("main tbody td", new() { HasTextString = "allier-sous-prefecture-vichy" }), "Allier's sites");
        await AssertVisibleAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le site" }), "the button that adds a site");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the préfectures at 1280 px");

        await page.GotoAsync($"{fixture.BaseUrl}/administration/utilisateurs");
        foreach (var column in new[] { "Nom", "Adresse", "Rôle", "Préfecture", "Double authentification" })
        {
            await AssertVisibleAsync(page, Header(page, column), $"the accounts' {column} column");
        }

        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the national accounts at 1280 px");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Scrolling_tables_take_the_keyboard_focus_on_a_phone()
    {
        var page = await SignedInAsync(StaffTestData.AdminEmail, 375, 800);
        await page.GotoAsync($"{fixture.BaseUrl}/administration/prefectures");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the préfectures at 375 px");
        await page.GotoAsync($"{fixture.BaseUrl}/administration/utilisateurs");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the accounts at 375 px");
        await page.Context.CloseAsync();

        page = await SignedInAsync(StaffTestData.Email("Qualite", "cantal"), 375, 800);
        await page.GotoAsync($"{fixture.BaseUrl}/qualite/journal");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "the journal at 375 px");
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("referent@allier.test", "/referent")]
    [InlineData("qualite@cantal.test", "/qualite/journal")]
    public async Task On_a_375_px_phone_the_menu_button_opens_the_menu_and_signs_out(string email, string path)
    {
        var page = await SignedInAsync(email, 375, 800);
        // The menu's links are rendered by the server, identical to the header's, so the DSFR script leaves them
        // alone: when it copied them (innerHTML) the copy could carry a style attribute the CSP refuses. The
        // button parsed from the server's HTML must still be the one in the page once the scripts have run.
        await page.AddInitScriptAsync("""
            document.addEventListener('readystatechange', () => {
                if (document.readyState === 'interactive') {
                    window.parsedSignOut = document.querySelector('.fr-header__menu-links button');
                }
            });
            """);
        await page.GotoAsync(fixture.BaseUrl + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.parsedSignOut && window.parsedSignOut.isConnected"),
            "the DSFR script replaced the menu's links: they differ from the header's");

        // Only the table scrolls sideways, never the page (the links' hidden labels once leaked out of it).
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px phone: the whole page scrolls sideways");

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await AssertVisibleAsync(page, menu, "the menu button");
        await menu.ClickAsync();
        var dialog = page.Locator("#menu-principal");
        await dialog.Locator(".fr-header__menu-links a", new() { HasTextString = "Mon espace" }).WaitForAsync();
        var signOut = dialog.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" });
        await AssertVisibleAsync(page, signOut, "Se déconnecter in the menu");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the open menu on {path}");

        await signOut.ClickAsync();
        await page.WaitForURLAsync("**/connexion");
        var after = await page.GotoAsync(fixture.BaseUrl + path);
        Assert.EndsWith("/connexion", new Uri(page.Url).AbsolutePath);
        Assert.True(after!.Ok);
        await page.Context.CloseAsync();
    }
}
