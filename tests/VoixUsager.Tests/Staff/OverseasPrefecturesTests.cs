using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Prefectures;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Staff;

public sealed class OverseasPrefecturesTests : IAsyncLifetime
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
