using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

public sealed class IndicatorsSnapshotsAndMysteryTests : CantalResultsTest
{
    private async Task SubmitCallsAsync()
    {
        using var referent = StaffClient.For(App);
        await referent.SignInAsync(StaffTestData.Email("Referent", "allier"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await referent.PostFormAsync($"/referent/appel/{Ids.Staff.CallScenarioId}", GridFields.ValidCall(App, Ids.Staff.CallScenarioId, submit: true))).StatusCode);
        var noAnswer = GridFields.ValidCall(App, Ids.Staff.OtherCallScenarioId, submit: true);
        noAnswer.RemoveAll(f => f.Key == "Outcome" || f.Key.StartsWith('c'));
        noAnswer.Add(new("Outcome", "PasDeReponse"));
        Assert.Equal(HttpStatusCode.Redirect, (await referent.PostFormAsync($"/referent/appel/{Ids.Staff.OtherCallScenarioId}", noAnswer)).StatusCode);
    }

    [Fact]
    public async Task Mystery_results_give_the_answered_rate_compliance_and_recommendations()
    {
        await SubmitCallsAsync();

        var page = await Cantal.GetPageAsync("/resultats/mystere");
        var text = page.QuerySelector("main")!.TextContent;

        // 1 call answered out of 2: 50 %, Wilson 9,5 %–90,5 %.
        Assert.Contains("Taux d’appels aboutis : 50,0 % (n = 2, IC 95 % : 9,5 % – 90,5 %, indicatif)", System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " "));
        Assert.Contains("Points forts", text);
        Assert.NotEmpty(page.QuerySelectorAll("main img[alt]"));
    }

    [Fact]
    public async Task Indicators_out_of_range_are_refused_and_computed_ones_come_from_the_data()
    {
        await SubmitCallsAsync();
        var year = DateTime.UtcNow.Year;

        var refused = await Cantal.PostFormAsync($"/resultats/indicateurs?annee={year}", [new("code", "site-maj-72h"), new("target-site-maj-72h", "100"), new("value-site-maj-72h", "150")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("entre 0 et 100", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.IndicatorValues.CountAsync()));

        var saved = await Cantal.PostFormAsync($"/resultats/indicateurs?annee={year}", [new("code", "site-maj-72h"), new("target-site-maj-72h", "100"), new("value-site-maj-72h", "96,5"), new("comment-site-maj-72h", "Deux retards en août.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Cantal.GetPageAsync($"/resultats/indicateurs?annee={year}");
        var rows = page.QuerySelectorAll("main table tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Contains(rows, r => r.StartsWith("Site internet mis à jour sous 72 heures | ≥ 100,0 % | 96,5 % | Non | Deux retards en août.", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Taux d’appels aboutis (calculé, n = 2, indicatif) | ≥ 90,0 % | 50,0 % | Non", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Usagers satisfaits de l’accueil (enquête de satisfaction) (calculé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snapshot_keeps_its_figures_after_more_responses_arrive()
    {
        var created = await Cantal.PostFormAsync("/resultats/instantanes", [new("Cutoff", VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var snapshotUrl = created.Headers.Location!.OriginalString;

        // Ten more responses arrive through the public survey after the cut-off.
        var client = App.CreateBrowserLikeClient();
        for (var i = 0; i < 10; i++)
        {
            var form = await SurveyForm.LoadAsync(client, "/avis/site-cantal");
            Assert.Equal(HttpStatusCode.SeeOther, (await client.PostAsync(form.Action, new FormUrlEncodedContent(form.CompleteAnswers()))).StatusCode);
        }

        var live = await Cantal.GetPageAsync($"/resultats?campagne={Ids.CurrentCampaignId}");
        Assert.Contains("50 réponse(s)", live.QuerySelector("main")!.TextContent);

        var snapshot = await Cantal.GetPageAsync(snapshotUrl);
        var text = snapshot.QuerySelector("main")!.TextContent;
        Assert.Contains("40 réponse(s)", text);
        Assert.Contains("73,3 % (n = 30)", text);
        var chart = await Cantal.Http.GetAsync(snapshot.QuerySelector("main img")!.GetAttribute("src"));
        Assert.Equal("image/png", chart.Content.Headers.ContentType!.MediaType);

        var future = await Cantal.PostFormAsync("/resultats/instantanes", [new("Cutoff", DateTime.Now.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.ResultsSnapshots.CountAsync()));

        using var allier = StaffClient.For(App);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await allier.Http.GetAsync(snapshotUrl)).StatusCode);
    }

    [Fact]
    public async Task Suggestion_retained_for_the_clu_with_an_answer()
    {
        var answerId = await App.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Text == ResultsTestData.ScriptSuggestion).Select(a => a.Id).SingleAsync());

        var response = await Cantal.PostFormAsync("/resultats/suggestions", [new("answerId", answerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("retained", "true"), new($"reponse-{answerId}", "Guichet ouvert dès 8 h 30 en janvier.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var retained = await Cantal.GetPageAsync("/resultats/suggestions?retenues=true");
        Assert.Contains("1 suggestion(s)", retained.QuerySelector("main")!.TextContent);

        using var allier = StaffClient.For(App);
        await allier.SignInAsync(StaffTestData.Email("Qualite", "allier"), StaffTestData.Password);
        // Allier's page lists none of Cantal's suggestions: the form is posted with a token from another page.
        var foreign = await allier.PostFormAsync("/resultats/suggestions", [new("answerId", answerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("retained", "false")], "/compte/mot-de-passe");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.True(await App.WithDbAsync(db => db.SuggestionReviews.Select(r => r.RetainedForClu).SingleAsync()));
    }
}
