using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.ActionPlan;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Tests.ResultsPages;

namespace VoixUsager.Tests.ActionPlan;

/// <summary>« Becomes an action in one click » from the mystery results and from a retained suggestion.</summary>
public sealed class OneClickActionTests : CantalResultsTest
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
    public async Task A_mystery_recommendation_becomes_a_prefilled_action_and_then_shows_it_is_engaged()
    {
        await SubmitCallsAsync();
        var page = await Cantal.GetPageAsync("/resultats/mystere");
        var form = page.QuerySelectorAll("main form").First(f => f.GetAttribute("action")!.Contains("handler=Action", StringComparison.Ordinal));
        var sentence = form.QuerySelector("input[name=sentence]")!.GetAttribute("value")!;

        var created = await Cantal.PostFormAsync("/resultats/mystere?handler=Action", [new("sentence", sentence)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/plan-actions/", location, StringComparison.Ordinal);
        var id = int.Parse(location.Split('/').Last(), CultureInfo.InvariantCulture);
        var action = await App.WithDbAsync(db => db.PlanActions.Include(a => a.Module).SingleAsync(a => a.Id == id));
        Assert.Equal((ActionOrigin.MysteryRecommendation, sentence, ActionStatus.ToDo, Ids.Staff.CantalId, 1), (action.Origin, action.Description, action.Status, action.PrefectureId, action.Module!.Number));

        var actionPage = await Cantal.GetPageAsync(location);
        Assert.Contains("Recommandation d’enquête mystère", actionPage.QuerySelector("main")!.TextContent);
        Assert.NotNull(actionPage.QuerySelector("main a[href='/resultats/mystere']"));

        var again = await Cantal.GetPageAsync("/resultats/mystere");
        var engaged = again.QuerySelector($"main a[href='{location}']");
        Assert.NotNull(engaged);
        Assert.Equal("Action engagée : À réaliser", engaged!.TextContent.Trim());

        // A second click opens the same action; a sentence the results do not show is refused.
        var twice = await Cantal.PostFormAsync("/resultats/mystere?handler=Action", [new("sentence", sentence)]);
        Assert.Equal(location, twice.Headers.Location!.OriginalString);
        var forged = await Cantal.PostFormAsync("/resultats/mystere?handler=Action", [new("sentence", "Supprimer le standard.")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("ne figure plus dans les résultats", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.PlanActions.CountAsync()));
    }

    [Fact]
    public async Task A_retained_suggestion_becomes_an_action_with_its_personal_data_masked()
    {
        var answerId = await App.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Text == ResultsTestData.PersonalSuggestion).Select(a => a.Id).FirstAsync());
        var id = answerId.ToString(CultureInfo.InvariantCulture);
        var notRetained = await Cantal.PostFormAsync("/resultats/suggestions?handler=Action", [new("answerId", id)]);
        Assert.Equal(HttpStatusCode.BadRequest, notRetained.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Cantal.PostFormAsync("/resultats/suggestions", [new("answerId", id), new("retained", "true")])).StatusCode);

        var created = await Cantal.PostFormAsync("/resultats/suggestions?handler=Action", [new("answerId", id)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var action = await App.WithDbAsync(db => db.PlanActions.SingleAsync());
        Assert.Equal((ActionOrigin.SurveySuggestion, (long?)answerId), (action.Origin, action.OriginRecordId));
        Assert.DoesNotContain("06 12 34 56 78", action.Title + action.Description);
        Assert.DoesNotContain("jean.dupont", action.Title + action.Description);

        var page = await Cantal.GetPageAsync("/resultats/suggestions?retenues=true");
        Assert.Contains("Action engagée : À réaliser", page.QuerySelector($"#suggestion-{id}")!.TextContent);
    }
}
