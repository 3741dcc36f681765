using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

public sealed class AdministrationTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffClient _admin = null!;

    public async Task InitializeAsync()
    {
        await StaffTestData.SeedAsync(_app);
        _admin = StaffClient.For(_app);
        await _admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Administrator_adds_a_prefecture_and_a_site_whose_survey_then_exists()
    {
        var created = await _admin.PostFormAsync("/administration/prefectures?handler=Prefecture",
            [new("DepartementCode", "974"), new("Name", "La Réunion"), new("DisplayName", "Préfecture de La Réunion"), new("HolidayZone", "LaReunion")], "/administration/prefectures");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await _app.WithDbAsync(db => db.Prefectures.Where(p => p.DepartementCode == "974").Select(p => p.Id).SingleAsync());

        var site = await _admin.PostFormAsync("/administration/prefectures?handler=Site",
            [new("SitePrefectureId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("SiteName", "Sous-préfecture de Saint-Pierre"), new("SiteCode", "reunion-saint-pierre"), new("SiteKind", "SousPrefecture")], "/administration/prefectures");
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);

        var duplicate = await _admin.PostFormAsync("/administration/prefectures?handler=Site",
            [new("SitePrefectureId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("SiteName", "Doublon"), new("SiteCode", "reunion-saint-pierre"), new("SiteKind", "SousPrefecture")], "/administration/prefectures");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var badCode = await _admin.PostFormAsync("/administration/prefectures?handler=Prefecture",
            [new("DepartementCode", "9Z9"), new("Name", "X"), new("DisplayName", "X"), new("HolidayZone", "Metropole")], "/administration/prefectures");
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Sites.CountAsync(s => s.PrefectureId == id)));
        // The site exists for the public: with no campaign yet, its survey says it is closed.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowserLikeClient().GetAsync("/avis/reunion-saint-pierre")).StatusCode);
    }

    [Fact]
    public async Task New_grid_version_changes_weights_and_threshold_without_touching_the_old_one()
    {
        var criteria = GridFields.Criteria(_app, DefaultGrids.CallKey);
        var rings = criteria.Single(c => c.Code == DefaultGrids.RingsCode);
        var fields = new List<KeyValuePair<string, string>> { new("key", DefaultGrids.CallKey) };
        fields.AddRange(criteria.Select(c => new KeyValuePair<string, string>($"w{c.Id}", "2")));
        fields.Add(new($"t{rings.Id}", "6"));

        var response = await _admin.PostFormAsync("/administration/grilles", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await _app.WithDbAsync(db => db.GridVersions.Include(g => g.Criteria).Where(g => g.Key == DefaultGrids.CallKey).OrderBy(g => g.VersionNumber).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.VersionNumber));
        Assert.Equal(5, versions[0].Criteria.Single(c => c.Code == DefaultGrids.RingsCode).MaxCompliant);
        Assert.Equal(6, versions[1].Criteria.Single(c => c.Code == DefaultGrids.RingsCode).MaxCompliant);
        Assert.All(versions[1].Criteria, c => Assert.Equal(2, c.Weight));

        fields[1] = new(fields[1].Key, "-3");
        var refused = await _admin.PostFormAsync("/administration/grilles", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, await _app.WithDbAsync(db => db.GridVersions.CountAsync(g => g.Key == DefaultGrids.CallKey)));
    }

    [Theory]
    [InlineData("978", "Saint-Barthélemy et Saint-Martin", "Préfecture de Saint-Barthélemy et de Saint-Martin", HolidayZone.SaintMartin)]
    [InlineData("977", "Saint-Barthélemy", "Préfecture de Saint-Barthélemy et de Saint-Martin (Gustavia)", HolidayZone.SaintBarthelemy)]
    [InlineData("975", "Saint-Pierre-et-Miquelon", "Préfecture de Saint-Pierre-et-Miquelon", HolidayZone.SaintPierreMiquelon)]
    public async Task Administrator_creates_the_prefectures_of_the_collectivities_with_their_zone(string code, string name, string displayName, HolidayZone zone)
    {
        var form = await _admin.GetPageAsync("/administration/prefectures");
        var option = form.QuerySelectorAll("select#HolidayZone option").SingleOrDefault(o => o.GetAttribute("value") == zone.ToString());
        Assert.NotNull(option);
        Assert.Equal(VoixUsager.Calendar.FrenchTimeZones.Label(zone), option.TextContent.Trim());

        var created = await _admin.PostFormAsync("/administration/prefectures?handler=Prefecture",
            [new("DepartementCode", code), new("Name", name), new("DisplayName", displayName), new("HolidayZone", zone.ToString())], "/administration/prefectures");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(zone, await _app.WithDbAsync(db => db.Prefectures.Where(p => p.DepartementCode == code).Select(p => p.HolidayZone).SingleAsync()));
        var list = await _admin.GetPageAsync("/administration/prefectures");
        var row = list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(displayName, StringComparison.Ordinal));
        Assert.Contains(VoixUsager.Calendar.FrenchTimeZones.Label(zone), row.TextContent, StringComparison.Ordinal);
    }
}
