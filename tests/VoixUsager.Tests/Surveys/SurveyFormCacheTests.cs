using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Web.Pages.Avis;

namespace VoixUsager.Tests.Surveys;

/// <summary>
/// The blank survey form is rendered once per site, channel and language and then served from what was
/// kept, with a fresh one-time id each time (<see cref="SurveyFormCache"/>): the same page as rendered, and
/// any change to what it shows at once.
/// </summary>
public sealed class SurveyFormCacheTests : IAsyncLifetime
{
    private readonly VoixUsagerAppFactory _app = new();
    private HttpClient _client = null!;
    private int _campaignId;

    public async Task InitializeAsync()
    {
        _client = _app.CreateBrowserLikeClient();
        _campaignId = await _app.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private SurveyFormCache Forms => _app.Services.GetRequiredService<SurveyFormCache>();

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string WithoutId(string html, string id) => html.Replace(id, "", StringComparison.Ordinal);

    [Fact]
    public async Task The_kept_form_is_the_rendered_page_with_a_fresh_id_and_each_one_stores_its_own_response()
    {
        var url = $"/avis/{TestData.OpenSiteCode}?canal=qr";
        var served = Forms.Served;
        var (firstResponse, first) = await GetAsync(url);
        var (secondResponse, second) = await GetAsync(url);
        var (_, third) = await GetAsync(url);

        Assert.Equal(served + 2, Forms.Served);
        var ids = new[] { first, second, third }.Select(h => SurveyForm.Parse(h).SubmissionId).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _)));
        Assert.Equal(WithoutId(first, ids[0]), WithoutId(second, ids[1]));
        Assert.Equal(WithoutId(first, ids[0]), WithoutId(third, ids[2]));
        Assert.Equal(firstResponse.Content.Headers.ContentType?.ToString(), secondResponse.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            firstResponse.Headers.Where(h => h.Key != "Date").Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order(),
            secondResponse.Headers.Where(h => h.Key != "Date").Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order());

        foreach (var html in new[] { second, third })
        {
            var form = SurveyForm.Parse(html);
            Assert.Equal(HttpStatusCode.SeeOther, (await _client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()))).StatusCode);
        }

        var stored = await _app.WithDbAsync(db => db.SurveyResponses.Select(r => r.SubmissionId).ToListAsync());
        Assert.Equal(new[] { ids[1], ids[2] }.Order(), stored.Select(g => g.ToString("D")).Order());
    }

    [Fact]
    public async Task Each_channel_and_language_gets_its_own_page()
    {
        var qr = SurveyForm.Parse((await GetAsync($"/avis/{TestData.OpenSiteCode}?canal=qr")).Html);
        var plain = SurveyForm.Parse((await GetAsync($"/avis/{TestData.OpenSiteCode}")).Html);
        var english = SurveyForm.Parse((await GetAsync($"/avis/{TestData.OpenSiteCode}?canal=qr&langue=en")).Html);
        var qrAgain = SurveyForm.Parse((await GetAsync($"/avis/{TestData.OpenSiteCode}?canal=qr")).Html);

        Assert.Equal("qr", qr.Document.QuerySelector("input[name=canal]")?.GetAttribute("value"));
        Assert.Null(plain.Document.QuerySelector("input[name=canal]"));
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", qrAgain.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("qr", qrAgain.Document.QuerySelector("input[name=canal]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_renamed_site_and_a_closed_campaign_show_at_once()
    {
        var url = $"/avis/{TestData.OpenSiteCode}";
        await GetAsync(url);
        await GetAsync(url);
        var cache = _app.Services.GetRequiredService<IMemoryCache>();

        await _app.WithDbAsync(async db =>
        {
            var site = await db.Sites.SingleAsync(s => s.PublicCode == TestData.OpenSiteCode);
            site.Name = "Sous-préfecture renommée";
            return await db.SaveChangesAsync();
        });
        PublicSurveyLookup.Forget(cache, TestData.OpenSiteCode);
        var renamed = (await GetAsync(url)).Html;
        Assert.Contains("Sous-préfecture renommée", renamed, StringComparison.Ordinal);
        Assert.Contains("Sous-préfecture renommée", (await GetAsync(url)).Html, StringComparison.Ordinal);

        await _app.WithDbAsync(async db =>
        {
            var campaign = await db.SurveyCampaigns.SingleAsync(c => c.Id == _campaignId);
            campaign.ClosedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        PublicSurveyLookup.Forget(cache, TestData.OpenSiteCode);
        var closed = await _client.GetStringAsync(url);
        Assert.Null(SurveyForm.Parse(closed).Document.QuerySelector("input[name=jeton]"));
    }

    [Fact]
    public async Task Staff_signed_in_get_their_own_page_and_visitors_never_get_it()
    {
        var url = $"/avis/{TestData.OpenSiteCode}";
        var visitor = (await GetAsync(url)).Html;
        var prefectureId = await _app.WithDbAsync(db => db.Prefectures.Select(p => p.Id).FirstAsync());
        await StaffTestData.CreateServiceOwnerAsync(_app.Services.CreateScope().ServiceProvider, "service@allier.test", prefectureId, null);
        using var staff = StaffClient.For(_app);
        await staff.SignInAsync("service@allier.test", StaffTestData.Password);

        var served = Forms.Served;
        var staffPage = await staff.Http.GetStringAsync(url);
        Assert.Equal(served, Forms.Served);
        Assert.Contains("id=\"bouton-menu\"", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"bouton-menu\"", visitor, StringComparison.Ordinal);

        var visitorAgain = (await GetAsync(url)).Html;
        Assert.DoesNotContain("id=\"bouton-menu\"", visitorAgain, StringComparison.Ordinal);
        Assert.Equal(served + 1, Forms.Served);
    }
}
