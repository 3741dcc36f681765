using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>Which campaign the results open on, and each campaign's state.</summary>
public sealed class DefaultCampaignAndStatesTests : CantalResultsTest
{
    private Task<int> AddCampaignAsync(string name, int startsInDays, int endsInDays) => App.WithDbAsync(async db =>
    {
        var version = await db.SurveyCampaigns.Where(c => c.Id == Ids.CurrentCampaignId).Select(c => c.QuestionnaireVersionId).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = new SurveyCampaign { PrefectureId = Ids.Staff.CantalId, Name = name, StartsOn = today.AddDays(startsInDays), EndsOn = today.AddDays(endsInDays), QuestionnaireVersionId = version };
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    });

    private static string SelectedCampaign(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#campagne option[selected]")!.TextContent.Trim();

    [Fact]
    public async Task Results_open_on_the_running_campaign_not_on_next_springs()
    {
        await AddCampaignAsync("Printemps 2027", 120, 200);

        var page = await Cantal.GetPageAsync("/resultats");

        Assert.Equal("Campagne 2026 (ouverte)", SelectedCampaign(page));
        Assert.Contains("40 réponse(s)", page.QuerySelector("main")!.TextContent);
        var options = page.QuerySelectorAll("#campagne option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Printemps 2027 (prévue)", options);
        Assert.Contains("Campagne 2025 (close)", options);
    }

    [Fact]
    public async Task Without_a_running_campaign_results_open_on_the_last_one_with_responses()
    {
        await App.WithDbAsync(async db =>
        {
            var current = await db.SurveyCampaigns.SingleAsync(c => c.Id == Ids.CurrentCampaignId);
            current.ClosedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await AddCampaignAsync("Printemps 2027", 120, 200);
        await AddCampaignAsync("Sans réponse", -300, -250);

        var page = await Cantal.GetPageAsync("/resultats");

        Assert.Equal("Campagne 2026 (close)", SelectedCampaign(page));
        Assert.Contains("40 réponse(s)", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Campaigns_show_their_state_and_only_an_open_one_can_be_closed()
    {
        await AddCampaignAsync("Printemps 2027", 120, 200);

        var page = await Cantal.GetPageAsync("/resultats/campagnes");

        var cells = page.QuerySelectorAll("main table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Last());
        string State(string campaign) => cells[campaign].QuerySelector(".fr-badge")!.TextContent.Trim();
        string Actions(string campaign) => Regex.Replace(string.Join(" ", cells[campaign].QuerySelectorAll("a, button").Select(e => e.TextContent)), "\\s+", " ").Trim();
        Assert.Equal("prévue", State("Printemps 2027"));
        Assert.Equal("close", State("Campagne 2025"));
        Assert.Equal("ouverte", State("Campagne 2026"));
        // A planned campaign's dates can change, a running one can be extended or closed, a closed one nothing.
        Assert.Equal("Modifier les dates : Printemps 2027 Questionnaires : Printemps 2027", Actions("Printemps 2027"));
        Assert.Equal("Questionnaires : Campagne 2025", Actions("Campagne 2025"));
        Assert.Equal("Prolonger : Campagne 2026 Questionnaires : Campagne 2026 Clore maintenant : Campagne 2026", Actions("Campagne 2026"));
        Assert.Single(page.QuerySelectorAll("main table form"));
    }

    [Fact]
    public async Task A_planned_campaign_posted_to_close_by_hand_is_refused_with_a_message()
    {
        var planned = await AddCampaignAsync("Printemps 2027", 120, 200);

        var response = await Cantal.PostFormAsync("/resultats/campagnes?handler=Close",
            [new("campaignId", planned.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/resultats/campagnes");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("n’a pas commencé", await response.Content.ReadAsStringAsync());
        Assert.Null(await App.WithDbAsync(db => db.SurveyCampaigns.Where(c => c.Id == planned).Select(c => c.ClosedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Group_rows_of_the_mystery_criteria_say_indicatif_below_30()
    {
        await MysteryTestData.SeedAsync(App, Ids.Staff);

        var page = await Cantal.GetPageAsync("/resultats/mystere");

        var groups = page.QuerySelectorAll("main table tr").Where(r => r.TextContent.Contains("Ensemble du thème", StringComparison.Ordinal))
            .Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.NotEmpty(groups);
        // Accueil of the calls: 5 + 8 + 7 compliant of 24 answers: 83,3 %, under 30 answers.
        Assert.Contains(groups, g => g.StartsWith("Accueil | Ensemble du thème | 83,3 % (indicatif) | 24 |", StringComparison.Ordinal));
        // Accusé de réception of the emails: 20 + 12 of 48: enough answers, no caveat.
        Assert.Contains(groups, g => g.StartsWith("Accusé de réception | Ensemble du thème | 66,7 % | 48 |", StringComparison.Ordinal));
        var text = Regex.Replace(page.QuerySelector("main")!.TextContent, "\\s+", " ");
        Assert.Contains("Réponse sous 5 jours ouvrés : 58,3 % (14 sur 24, IC 95 % : 38,8 % – 75,5 %, indicatif) — objectif national ≥ 80 %", text);
        Assert.Contains("Réponse hors délai : 29,2 % (7 sur 24, IC 95 % : 14,9 % – 49,2 %, indicatif)", text);
        Assert.Contains("Sans réponse : 12,5 % (3 sur 24, IC 95 % : 4,3 % – 31,0 %, indicatif)", text);
    }
}
