using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

public sealed class PosterTests : CantalResultsTest
{
    private const string A4Width = "595";
    private const string A5Width = "420";

    [Theory]
    [InlineData("qr", "a4", A4Width)]
    [InlineData("qr", "a5", A5Width)]
    [InlineData("pan", "a4", A4Width)]
    [InlineData("pan", "a5", A5Width)]
    public async Task Poster_is_a_pdf_whose_vector_qr_code_decodes_to_the_sites_survey(string canal, string format, string width)
    {
        var response = await Cantal.Http.GetAsync($"/resultats/campagnes?handler=Poster&siteId={Ids.MainSiteId}&canal={canal}&format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"affiche-site-cantal-{canal}-{format}.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var page = PdfQrReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.False(page.HasImages, "The QR code must be drawn as vectors, not as a stretched bitmap.");
        Assert.Equal($"http://localhost:5080/avis/site-cantal?canal={canal}", page.QrText);
        Assert.Equal(width, Math.Round(page.WidthPoints).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Poster_address_comes_from_the_public_base_url_not_from_a_forged_host()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/resultats/campagnes?handler=Poster&siteId={Ids.MainSiteId}&canal=qr&format=a4");
        request.Headers.Host = "evil.example";
        var response = await Cantal.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:5080/avis/site-cantal?canal=qr", PdfQrReader.Read(await response.Content.ReadAsByteArrayAsync()).QrText);
    }

    [Fact]
    public async Task Another_prefectures_site_is_not_found_and_an_unknown_poster_is_a_clear_400()
    {
        var allierSite = await App.WithDbAsync(db => db.Sites.Where(s => s.PrefectureId == Ids.Staff.AllierId).Select(s => s.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Cantal.Http.GetAsync($"/resultats/campagnes?handler=Poster&siteId={allierSite}&canal=qr&format=a4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Cantal.Http.GetAsync("/resultats/campagnes?handler=Poster&siteId=999999&canal=qr&format=a4")).StatusCode);

        foreach (var query in new[] { "canal=standard&format=a4", "canal=qr&format=a3", "canal=inconnu&format=a4" })
        {
            var refused = await Cantal.Http.GetAsync($"/resultats/campagnes?handler=Poster&siteId={Ids.MainSiteId}&{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Contains("point d’accueil numérique", await refused.Content.ReadAsStringAsync());
        }

        // Signed out: the sign-in page, never a poster.
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedOut = await anonymous.GetAsync($"/resultats/campagnes?handler=Poster&siteId={Ids.MainSiteId}&canal=qr&format=a4");
        Assert.NotEqual("application/pdf", signedOut.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Campaigns_page_links_each_sites_posters_in_both_formats()
    {
        var page = await Cantal.GetPageAsync("/resultats/campagnes");
        var hrefs = page.QuerySelectorAll("a[href*='handler=Poster']").Select(a => WebUtility.HtmlDecode(a.GetAttribute("href")!)).ToList();

        foreach (var canal in new[] { "qr", "pan" })
        {
            foreach (var format in new[] { "a4", "a5" })
            {
                Assert.Contains(hrefs, href => href.Contains($"siteId={Ids.MainSiteId}&") && href.Contains($"canal={canal}") && href.Contains($"format={format}"));
            }
        }

        foreach (var href in hrefs.Take(4))
        {
            var response = await Cantal.Http.GetAsync(href);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        }
    }
}
