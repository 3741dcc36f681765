using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>A quality team changes its survey campaigns' dates: all of them before the start, the end while running.</summary>
public sealed class CampaignEditingTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;
    private StaffClient _quality = null!;
    private readonly DateOnly _today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    public async Task InitializeAsync()
    {
        _data = await StaffTestData.SeedAsync(_app);
        _quality = StaffClient.For(_app);
        await _quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
    }

    public Task DisposeAsync()
    {
        _quality.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> AddCampaignAsync(int prefectureId, string name, int startInDays, int endInDays, bool closed = false) => await _app.WithDbAsync(async db =>
    {
        var version = await db.QuestionnaireVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var campaign = new SurveyCampaign
        {
            PrefectureId = prefectureId, Name = name, StartsOn = _today.AddDays(startInDays), EndsOn = _today.AddDays(endInDays), QuestionnaireVersionId = version,
            ClosedAtUtc = closed ? DateTime.UtcNow : null,
        };
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    });

    private static string Url(int id) => $"/resultats/campagnes/{id.ToString(CultureInfo.InvariantCulture)}/modifier";

    private string Day(int offset) => _today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<SurveyCampaign> CampaignAsync(int id) => _app.WithDbAsync(db => db.SurveyCampaigns.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Planned_campaign_moves_but_not_into_the_past_and_running_one_only_extends()
    {
        var running = await AddCampaignAsync(_data.CantalId, "Automne", -10, 5);
        var planned = await AddCampaignAsync(_data.CantalId, "Printemps", 30, 60);

        var list = await _quality.GetPageAsync("/resultats/campagnes");
        var states = list.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelector(".fr-badge")!.TextContent.Trim()).ToList();
        Assert.Equal(["prévue", "ouverte"], states);

        var past = await _quality.PostFormAsync(Url(planned), [new("Name", "Printemps"), new("StartsOn", Day(-1)), new("EndsOn", Day(60))]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.NotNull(StaffClient.Parse(await past.Content.ReadAsStringAsync()).QuerySelector("#StartsOn-error"));
        var overlap = await _quality.PostFormAsync(Url(planned), [new("Name", "Printemps"), new("StartsOn", Day(3)), new("EndsOn", Day(60))]);
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);
        var oversized = await _quality.PostFormAsync(Url(planned), [new("Name", new string('n', 500)), new("StartsOn", Day(40)), new("EndsOn", Day(70))]);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.NotNull(StaffClient.Parse(await oversized.Content.ReadAsStringAsync()).QuerySelector("#Name-error"));
        Assert.Equal((_today.AddDays(30), _today.AddDays(60)), ((await CampaignAsync(planned)).StartsOn, (await CampaignAsync(planned)).EndsOn));

        Assert.Equal(HttpStatusCode.Redirect, (await _quality.PostFormAsync(Url(planned), [new("Name", "Printemps 2027"), new("StartsOn", Day(40)), new("EndsOn", Day(70))])).StatusCode);
        Assert.Equal((_today.AddDays(40), _today.AddDays(70), "Printemps 2027"), ((await CampaignAsync(planned)).StartsOn, (await CampaignAsync(planned)).EndsOn, (await CampaignAsync(planned)).Name));

        var moveStart = await _quality.PostFormAsync(Url(running), [new("Name", "Automne"), new("StartsOn", Day(-5)), new("EndsOn", Day(20))]);
        Assert.Equal(HttpStatusCode.BadRequest, moveStart.StatusCode);
        var intoPast = await _quality.PostFormAsync(Url(running), [new("Name", "Automne"), new("StartsOn", Day(-10)), new("EndsOn", Day(-1))]);
        Assert.Equal(HttpStatusCode.BadRequest, intoPast.StatusCode);
        Assert.Equal(_today.AddDays(5), (await CampaignAsync(running)).EndsOn);

        Assert.Equal(HttpStatusCode.Redirect, (await _quality.PostFormAsync(Url(running), [new("Name", "Automne"), new("StartsOn", Day(-10)), new("EndsOn", Day(20))])).StatusCode);
        Assert.Equal((_today.AddDays(-10), _today.AddDays(20)), ((await CampaignAsync(running)).StartsOn, (await CampaignAsync(running)).EndsOn));
        Assert.Equal(StaffTestData.Email("Qualite", "cantal"), await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "campagne.prolongee").Select(a => a.UserEmail).SingleAsync()));
    }

    [Fact]
    public async Task Closed_or_other_prefecture_campaign_cannot_be_edited()
    {
        var closed = await AddCampaignAsync(_data.CantalId, "Été", -40, -10, closed: true);
        var drome = await AddCampaignAsync(_data.DromeId, "Drôme", 10, 20);

        Assert.Equal(HttpStatusCode.NotFound, (await _quality.Http.GetAsync(Url(drome))).StatusCode);
        var page = await _quality.GetPageAsync(Url(closed));
        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("close", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var token = (await _quality.GetPageAsync("/resultats/campagnes")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await _quality.Http.PostAsync(Url(closed), new FormUrlEncodedContent([new("Name", "Été"), new("StartsOn", Day(-40)), new("EndsOn", Day(30)), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(_today.AddDays(-10), (await CampaignAsync(closed)).EndsOn);
    }
}
