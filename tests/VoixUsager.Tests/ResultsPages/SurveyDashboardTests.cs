using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>The quality team's dashboard, end to end against a data set whose figures were worked out by hand.</summary>
public sealed class SurveyDashboardTests : CantalResultsTest
{
    private static string Cells(AngleSharp.Dom.IElement row) => string.Join(" | ", row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()));

    [Fact]
    public async Task Overall_satisfaction_rate_interval_and_comparison_match_the_hand_computed_figures()
    {
        var page = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}");

        var rows = page.QuerySelectorAll("main table tr").Where(r => r.TextContent.Contains("Globalement, êtes-vous satisfait", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("| 12 | 10 | 5 | 3 | 10 | 30", Cells(rows[1]));
        var cells = Cells(rows[0]);
        Assert.Contains("73,3 % (n = 30)", cells);
        Assert.Contains("55,6 % – 85,8 %", cells);
        Assert.Contains("Hausse de 13,3 points", cells);
        Assert.Contains("trop faible", cells);
        Assert.Contains("p = 0,32", cells);
        Assert.Contains("40 réponse(s)", page.QuerySelector("main")!.TextContent);

        // Mean score: (12×4 + 10×3 + 5×2 + 3×1) / 30 = 91 / 30 = 3,03.
        Assert.Contains("| 3,03 |", cells);
    }

    [Fact]
    public async Task Site_channel_and_motif_filters_narrow_the_figures()
    {
        var bySite = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}&site={Ids.SecondSiteId}");
        Assert.Contains("10 réponse(s)", bySite.QuerySelector("main")!.TextContent);

        var byChannel = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}&canal=QrCode");
        Assert.Contains("20 réponse(s)", byChannel.QuerySelector("main")!.TextContent);

        var byDate = await Cantal.GetPageAsync($"/resultats?campagne=&du={DateTime.UtcNow.AddDays(-100):yyyy-MM-dd}");
        Assert.Contains("40 réponse(s)", byDate.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("campagne={allier}", "Cette campagne n’existe pas pour votre préfecture.")]
    [InlineData("campagne=999999", "Cette campagne n’existe pas pour votre préfecture.")]
    [InlineData("site=abc", "Cette valeur de filtre n’est pas reconnue.")]
    [InlineData("du=2026-12-01&au=2026-01-01", "La date de début doit précéder la date de fin.")]
    [InlineData("du=01/12/2026", "Indiquez une date au format jj/mm/aaaa.")]
    [InlineData("canal=Pigeon", "Ce canal n’existe pas.")]
    public async Task Bad_filters_get_a_clear_french_error(string query, string message)
    {
        var response = await Cantal.Http.GetAsync($"/resultats?{query.Replace("{allier}", Ids.AllierCampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Another_prefecture_quality_team_cannot_read_these_results()
    {
        using var allier = StaffClient.For(App);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync($"/resultats?prefecture={Ids.Staff.CantalId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await allier.Http.GetAsync($"/resultats?campagne={Ids.CurrentCampaignId}")).StatusCode);
        using var referent = StaffClient.For(App);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await referent.Http.GetAsync("/resultats")).StatusCode);
    }

    [Fact]
    public async Task Administrator_reads_any_prefecture()
    {
        using var admin = StaffClient.For(App);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);

        var page = await admin.GetPageAsync($"/resultats?prefecture={Ids.Staff.CantalId}&campagne={Ids.CurrentCampaignId}");

        Assert.Contains("40 réponse(s)", page.QuerySelector("main")!.TextContent);

        var national = await admin.GetPageAsync("/resultats/national");
        var cantal = national.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Préfecture Cantal");
        // 60 responses in all; overall satisfaction (8 + 4 + 12 + 10) / (20 + 30) = 34/50 = 68 %.
        Assert.StartsWith("Préfecture Cantal | 60 | 68,0 %", Cells(cantal));
        Assert.Equal(HttpStatusCode.Forbidden, (await Cantal.Http.GetAsync("/resultats/national")).StatusCode);
    }

    [Fact]
    public async Task Charts_are_png_images_with_alternative_text_followed_by_tables()
    {
        var page = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}");
        var images = page.QuerySelectorAll("main img");
        Assert.Equal(3, images.Length);
        foreach (var image in images)
        {
            Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
            var png = await Cantal.Http.GetAsync(image.GetAttribute("src"));
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.Content.ReadAsByteArrayAsync())[..4]);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Cantal.Http.GetAsync("/resultats/graphique/camembert")).StatusCode);
    }

    [Fact]
    public async Task Suggestions_are_masked_and_shown_as_text()
    {
        var page = await Cantal.GetPageAsync("/resultats/suggestions");
        var text = page.QuerySelector("main")!.TextContent;

        Assert.DoesNotContain("06 12 34 56 78", text);
        Assert.DoesNotContain("jean.dupont@example.fr", text);
        Assert.Contains("[téléphone masqué]", text);
        Assert.Contains("<script>alert('x')</script> Plus de guichets le matin.", text);
        Assert.Empty(page.QuerySelectorAll("main script"));

        var searched = await Cantal.GetPageAsync("/resultats/suggestions?q=dupont");
        Assert.Contains("0 suggestion(s)", searched.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Visitor_counts_feed_representativeness_and_negative_counts_are_refused()
    {
        var refused = await Cantal.PostFormAsync("/resultats/frequentation", [new("SiteId", Ids.MainSiteId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Month", DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), new("Visitors", "-5")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("nombre entier positif ou nul", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.SiteMonthlyVisitors.CountAsync()));

        var foreign = await Cantal.PostFormAsync("/resultats/frequentation", [new("SiteId", "999999"), new("Month", "2026-10"), new("Visitors", "100")]);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        var month = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var saved = await Cantal.PostFormAsync("/resultats/frequentation", [new("SiteId", Ids.MainSiteId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Month", month), new("Visitors", "250")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}");
        var row = page.QuerySelectorAll("main table tr").Single(r => r.TextContent.Contains("Représentativité", StringComparison.Ordinal) is false && r.QuerySelector("th")?.TextContent == "Préfecture Cantal" && r.QuerySelectorAll("td").Length == 4);
        // 30 responses at the main site against 10 % of 250 visitors a month = 25: reached.
        Assert.Equal("Préfecture Cantal | 30 | 250 | 25 | Oui", Cells(row));
    }
}
