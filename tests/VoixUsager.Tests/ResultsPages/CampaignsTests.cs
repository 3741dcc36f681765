using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

public sealed class CampaignsTests : CantalResultsTest
{
    [Fact]
    public async Task Quality_team_opens_a_campaign_refuses_overlaps_and_closes_it()
    {
        var start = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTime.UtcNow.AddDays(150).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = await App.WithDbAsync(db => db.SurveyCampaigns.CountAsync());

        var inverted = await Cantal.PostFormAsync("/resultats/campagnes", [new("Name", "Printemps"), new("StartsOn", end), new("EndsOn", start)]);
        Assert.Equal(HttpStatusCode.BadRequest, inverted.StatusCode);
        var overlapping = await Cantal.PostFormAsync("/resultats/campagnes", [new("Name", "Chevauche"), new("StartsOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("EndsOn", end)]);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("une seule campagne est ouverte à la fois", WebUtility.HtmlDecode(await overlapping.Content.ReadAsStringAsync()));
        Assert.Equal(before, await App.WithDbAsync(db => db.SurveyCampaigns.CountAsync()));

        var created = await Cantal.PostFormAsync("/resultats/campagnes", [new("Name", "Printemps 2027"), new("StartsOn", start), new("EndsOn", end)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(before + 1, await App.WithDbAsync(db => db.SurveyCampaigns.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.SurveyCampaigns.CountAsync(c => c.PrefectureId == Ids.Staff.CantalId && c.Name == "Printemps 2027")));

        // Closing the running campaign: the public survey then stores nothing more.
        var form = await SurveyForm.LoadAsync(App.CreateBrowserLikeClient(), "/avis/site-cantal");
        var closed = await Cantal.PostFormAsync("/resultats/campagnes?handler=Close", [new("campaignId", Ids.CurrentCampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/resultats/campagnes");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var post = await App.CreateBrowserLikeClient().PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()));
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
    }

    [Fact]
    public async Task Qr_code_of_each_site_is_a_png_and_other_prefectures_sites_are_refused()
    {
        var png = await Cantal.Http.GetAsync($"/resultats/campagnes?handler=Qr&siteId={Ids.MainSiteId}");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.Content.ReadAsByteArrayAsync())[..4]);

        var allierSite = await App.WithDbAsync(db => db.Sites.Where(s => s.PrefectureId == Ids.Staff.AllierId).Select(s => s.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Cantal.Http.GetAsync($"/resultats/campagnes?handler=Qr&siteId={allierSite}")).StatusCode);

        var page = await Cantal.GetPageAsync("/resultats/campagnes");
        Assert.Contains("http://localhost:5080/avis/site-cantal?canal=qr", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Poster_address_comes_from_the_public_base_url_not_from_a_forged_host()
    {
        // A poster printed from a page opened through a forged Host would send every usager elsewhere.
        var request = new HttpRequestMessage(HttpMethod.Get, "/resultats/campagnes");
        request.Headers.Host = "evil.example";
        var response = await Cantal.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", html);
        Assert.Contains("http://localhost:5080/avis/site-cantal?canal=qr", html);
    }
}
