using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

public sealed class AdministrationEditingFixture : BrowserFixture
{
    public StaffTestData Data { get; private set; } = null!;

    public int SiteId { get; private set; }

    public int SurveyCampaignId { get; private set; }

    protected override async Task SeedAsync()
    {
        Data = await StaffTestData.SeedAsync(App);
        (SiteId, SurveyCampaignId) = await App.WithDbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.PublicCode == "site-cantal");
            site.Name = "Préfecture du Cantal – accueil des étrangers et guichet des titres";
            var version = await db.QuestionnaireVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var campaign = new SurveyCampaign { PrefectureId = Data.CantalId, Name = "Campagne de printemps 2027 – accueil et titres", StartsOn = today.AddDays(30), EndsOn = today.AddDays(90), QuestionnaireVersionId = version };
            db.SurveyCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            return (site.Id, campaign.Id);
        });
    }
}

/// <summary>The administrator's editing screens on a 1280-pixel monitor and a 375-pixel phone, in Chromium.</summary>
public sealed class AdministrationEditingBrowserTests(AdministrationEditingFixture fixture) : BrowserTest, IClassFixture<AdministrationEditingFixture>
{
    protected override BrowserFixture Browser => fixture;

    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "voixusager-captures-administration");

    private IEnumerable<(string Name, string Path)> Pages() =>
    [
        ("prefectures", "/administration/prefectures"),
        ("prefecture", "/administration/prefectures/" + fixture.Data.CantalId.ToString(CultureInfo.InvariantCulture)),
        ("site", "/administration/prefectures/sites/" + fixture.SiteId.ToString(CultureInfo.InvariantCulture)),
        ("campagne-mystere", "/administration/campagnes-mysteres/" + fixture.Data.CampaignId.ToString(CultureInfo.InvariantCulture)),
        ("grilles", "/administration/grilles"),
        ("campagne", $"/resultats/campagnes/{fixture.SurveyCampaignId.ToString(CultureInfo.InvariantCulture)}/modifier?prefecture={fixture.Data.CantalId.ToString(CultureInfo.InvariantCulture)}"),
    ];

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Editing_pages_fit_the_screen_pass_axe_and_show_field_errors_without_javascript(int width)
    {
        Directory.CreateDirectory(Shots);
        var page = await fixture.SignedInPageAsync(StaffTestData.AdminEmail, StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 900);
        foreach (var (name, path) in Pages())
        {
            var response = await page.GotoAsync(fixture.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px screen: the whole page scrolls sideways");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{width}.png"), FullPage = true });
            await Accessibility.AssertNoWcag21AAViolationAsync(page, $"{path} at {width} px");
        }

        // An empty site name, sent by the browser itself: the DSFR error beside the field, nothing stored.
        await page.GotoAsync(fixture.BaseUrl + Pages().Single(p => p.Name == "site").Path);
        await page.FillAsync("#SiteName", "");
        await page.ClickAsync("main form button[type=submit] >> nth=0");
        await page.Locator("#SiteName-error").WaitForAsync();
        Assert.Contains("Indiquez le nom du site", await page.Locator("#SiteName-error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".fr-input-group--error #SiteName").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"site-erreur-{width}.png"), FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the site form with an error at {width} px");
        Assert.Equal("Préfecture du Cantal – accueil des étrangers et guichet des titres", await fixture.App.WithDbAsync(db => db.Sites.Where(s => s.Id == fixture.SiteId).Select(s => s.Name).SingleAsync()));
    }
}
