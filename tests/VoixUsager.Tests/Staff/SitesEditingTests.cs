using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

/// <summary>Préfectures and sites changed by an administrator: codes, names, zone, closing.</summary>
public sealed class SitesEditingTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffClient _admin = null!;
    private StaffTestData _data = null!;

    public async Task InitializeAsync()
    {
        _data = await StaffTestData.SeedAsync(_app);
        _admin = StaffClient.For(_app);
        await _admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> SiteIdAsync(string code) =>
        await _app.WithDbAsync(db => db.Sites.Where(s => s.PublicCode == code).Select(s => s.Id).SingleAsync());

    private static string Url(int siteId) => "/administration/prefectures/sites/" + siteId.ToString(CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> EditSiteAsync(int siteId, string name, string code, string kind = "Prefecture") =>
        _admin.PostFormAsync(Url(siteId), [new("SiteName", name), new("SiteCode", code), new("SiteKind", kind)]);

    [Fact]
    public async Task Old_qr_code_redirects_to_the_new_code_and_stays_reserved_for_its_site()
    {
        var cantal = await SiteIdAsync("site-cantal");

        var changed = await EditSiteAsync(cantal, "Préfecture du Cantal (Aurillac)", "cantal-aurillac");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "site.code-change"));
        Assert.Contains("« site-cantal » devient « cantal-aurillac »", audit.Details, StringComparison.Ordinal);
        Assert.Equal(StaffTestData.AdminEmail, audit.UserEmail);

        // The poster printed with the old code: a permanent redirect to the new one, channel kept.
        var publicClient = _app.CreateBrowserLikeClient();
        var old = await publicClient.GetAsync("/avis/site-cantal?canal=qr");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/avis/cantal-aurillac?canal=qr", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync("/avis/cantal-aurillac")).StatusCode);
        // Answers posted to the old address keep their method and body.
        var posted = await publicClient.PostAsync("/avis/site-cantal", new FormUrlEncodedContent([new("q1", "1")]));
        Assert.Equal(HttpStatusCode.PermanentRedirect, posted.StatusCode);
        Assert.Equal("/avis/cantal-aurillac", posted.Headers.Location!.OriginalString);

        // The freed code still redirects, so no other site may take it.
        var drome = await SiteIdAsync("site-drome");
        var taken = await EditSiteAsync(drome, "Préfecture Drôme", "site-cantal");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var page = StaffClient.Parse(await taken.Content.ReadAsStringAsync());
        Assert.Contains("a appartenu à un autre site", page.QuerySelector("#SiteCode-error")?.TextContent, StringComparison.Ordinal);
        var created = await _admin.PostFormAsync("/administration/prefectures?handler=Site",
            [new("SitePrefectureId", _data.DromeId.ToString(CultureInfo.InvariantCulture)), new("SiteName", "PAN"), new("SiteCode", "site-cantal"), new("SiteKind", "PointAccueilNumerique")], "/administration/prefectures");
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal("site-drome", await _app.WithDbAsync(db => db.Sites.Where(s => s.Id == drome).Select(s => s.PublicCode).SingleAsync()));

        // The site itself may take its old code back: then the new one redirects instead.
        Assert.Equal(HttpStatusCode.Redirect, (await EditSiteAsync(cantal, "Préfecture du Cantal", "site-cantal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync("/avis/site-cantal")).StatusCode);
        var back = await publicClient.GetAsync("/avis/cantal-aurillac");
        Assert.Equal(HttpStatusCode.MovedPermanently, back.StatusCode);
        Assert.Equal("/avis/site-cantal", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Retired_site_link_says_in_french_it_is_closed_and_where_to_go_with_410_and_keeps_its_responses()
    {
        var cantal = await SiteIdAsync("site-cantal");
        var other = await _admin.PostFormAsync("/administration/prefectures?handler=Site",
            [new("SitePrefectureId", _data.CantalId.ToString(CultureInfo.InvariantCulture)), new("SiteName", "Sous-préfecture de Mauriac"), new("SiteCode", "cantal-mauriac"), new("SiteKind", "SousPrefecture")], "/administration/prefectures");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        var tooLong = await _admin.PostFormAsync(Url(cantal) + "?handler=Fermer", [new("RetirementMessage", new string('x', 1001))], Url(cantal));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull(StaffClient.Parse(await tooLong.Content.ReadAsStringAsync()).QuerySelector("#RetirementMessage-error"));
        Assert.True(await _app.WithDbAsync(db => db.Sites.Where(s => s.Id == cantal).Select(s => s.IsActive).SingleAsync()));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "site.retire")));

        var retired = await _admin.PostFormAsync(Url(cantal) + "?handler=Fermer",
            [new("RetirementMessage", "L’accueil des étrangers se fait désormais au 2 rue de la Paix, Aurillac.")], Url(cantal));
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        var response = await _app.CreateBrowserLikeClient().GetAsync("/avis/site-cantal");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = StaffClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ce site est fermé", page.QuerySelector("h1")?.TextContent.Trim());
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("L’accueil des étrangers se fait désormais au 2 rue de la Paix, Aurillac.", main, StringComparison.Ordinal);
        Assert.Equal("/avis/cantal-mauriac", page.QuerySelector("main a[href='/avis/cantal-mauriac']")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("main form"));
        var posted = await _app.CreateBrowserLikeClient().PostAsync("/avis/site-cantal", new FormUrlEncodedContent([new("q1", "1")]));
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);

        // The site and its history stay: nothing is deleted, the audit entry says who closed it.
        Assert.True(await _app.WithDbAsync(db => db.Sites.AnyAsync(s => s.Id == cantal && !s.IsActive && s.RetiredAtUtc != null)));
        Assert.Equal(StaffTestData.AdminEmail, await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "site.retire").Select(a => a.UserEmail).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await _admin.PostFormAsync(Url(cantal) + "?handler=Rouvrir", [], Url(cantal))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowserLikeClient().GetAsync("/avis/site-cantal")).StatusCode);
    }

    [Fact]
    public async Task Bad_site_or_prefecture_input_gets_field_errors_and_changes_nothing()
    {
        var cantal = await SiteIdAsync("site-cantal");
        foreach (var (name, code, field) in new[] { ("", "cantal-x", "SiteName"), (new string('n', 151), "cantal-x", "SiteName"), ("Cantal", "Pas Valide!", "SiteCode"), ("Cantal", "site-drome", "SiteCode"), ("Cantal", new string('a', 61), "SiteCode") })
        {
            var refused = await EditSiteAsync(cantal, name, code);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = StaffClient.Parse(await refused.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector($"#{field}-error"));
            Assert.NotNull(page.QuerySelector("#erreurs"));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await EditSiteAsync(cantal, "Cantal", "cantal-x", "99")).StatusCode);
        var unchanged = await _app.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Id == cantal));
        Assert.Equal(("site-cantal", "Préfecture Cantal"), (unchanged.PublicCode, unchanged.Name));
        Assert.False(await _app.WithDbAsync(db => db.SiteFormerCodes.AnyAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.Http.GetAsync(Url(999_999))).StatusCode);

        var prefectureUrl = "/administration/prefectures/" + _data.CantalId.ToString(CultureInfo.InvariantCulture);
        var duplicate = await _admin.PostFormAsync(prefectureUrl, [new("DepartementCode", "26"), new("Name", "Cantal"), new("DisplayName", "Préfecture du Cantal"), new("HolidayZone", "Metropole")]);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.NotNull(StaffClient.Parse(await duplicate.Content.ReadAsStringAsync()).QuerySelector("#DepartementCode-error"));

        var edited = await _admin.PostFormAsync(prefectureUrl, [new("DepartementCode", "15"), new("Name", "Cantal"), new("DisplayName", "Préfecture du Cantal"), new("HolidayZone", "AlsaceMoselle")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var prefecture = await _app.WithDbAsync(db => db.Prefectures.SingleAsync(p => p.Id == _data.CantalId));
        Assert.Equal(("Préfecture du Cantal", VoixUsager.Prefectures.HolidayZone.AlsaceMoselle), (prefecture.DisplayName, prefecture.HolidayZone));
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "prefecture.modifiee")));
    }
}
