using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>The préfecture's public results page and open data, published by its quality team.</summary>
public sealed class PublicResultsTests : CantalResultsTest
{
    /// <summary>The semester of the current campaign's responses (received about twenty days ago).</summary>
    public static (int Year, int Semester, DateOnly From, DateOnly To) DataSemester()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20));
        var semester = day.Month <= 6 ? 1 : 2;
        return (day.Year, semester, new DateOnly(day.Year, semester == 1 ? 1 : 7, 1), semester == 1 ? new DateOnly(day.Year, 6, 30) : new DateOnly(day.Year, 12, 31));
    }

    private static string PeriodQuery => $"annee={DataSemester().Year}&semestre={DataSemester().Semester}";

    private Task<HttpResponseMessage> PublishAsync(StaffClient client, string handler = "Publish", string extra = "") =>
        client.PostFormAsync($"/resultats/indicateurs?{PeriodQuery}&handler={handler}{extra}", [], $"/resultats/indicateurs?{PeriodQuery}");

    private static readonly string[] FreeTextFragments = ["jean.dupont", "06 12 34 56 78", "Rappelez-moi", "Plus de guichets", "<script>alert", "alert('x')"];

    [Fact]
    public async Task Nothing_is_public_before_the_quality_team_publishes()
    {
        using var anonymous = App.CreateBrowserLikeClient();
        var page = await anonymous.GetAsync("/resultats-publics/15");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Aucun résultat publié pour le moment", html);
        Assert.DoesNotContain("73,3", html);
        Assert.DoesNotContain("satisfaction-globale", html);

        foreach (var format in new[] { "csv", "json" })
        {
            var data = await anonymous.GetAsync($"/resultats-publics/15/{format}");
            Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
            Assert.Equal("application/problem+json", data.Content.Headers.ContentType!.MediaType);
            Assert.Contains("n’a encore publié aucun résultat", await data.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/resultats-publics/99")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/resultats-publics/schema")).StatusCode);
    }

    [Fact]
    public async Task Published_figures_equal_the_staff_dashboards_never_show_free_text_and_small_samples_read_non_significatif()
    {
        var (year, semester, from, to) = DataSemester();
        var published = await PublishAsync(Cantal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var row = await App.WithDbAsync(db => db.ResultsPublications.SingleAsync());
        Assert.Equal((Ids.Staff.CantalId, year, semester, "qualite@cantal.test"), (row.PrefectureId, row.Year, row.Semester, row.PublishedBy));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "resultats.publies" && a.PrefectureId == Ids.Staff.CantalId)));

        using var anonymous = App.CreateBrowserLikeClient();
        var response = await anonymous.GetAsync("/resultats-publics/15");
        Assert.StartsWith("public", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        var page = StaffClient.Parse(html);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Aucun résultat publié", main);

        // One computation per figure: each published rate reads as the dashboard shows it for the same semester.
        var dashboard = (await Cantal.GetPageAsync($"/resultats?du={from:yyyy-MM-dd}&au={to:yyyy-MM-dd}")).QuerySelector("main")!.TextContent;
        var questionRows = page.QuerySelectorAll("[id^=satisfaction-] tbody tr").ToList();
        Assert.Equal(4, questionRows.Count);
        foreach (var tr in questionRows)
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Contains($"{cells[0]} (n = {cells[1]}", dashboard);
        }

        var global = questionRows.Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith("Globalement", StringComparison.Ordinal));
        Assert.Equal("73,3 %", global.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("30", global.QuerySelectorAll("td")[1].TextContent.Trim());

        // Mauriac has 10 responses: below the threshold its rate is not given.
        var mauriac = page.QuerySelectorAll("[id^=sites-] tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Contains("Mauriac", StringComparison.Ordinal));
        Assert.Equal("non significatif", mauriac.QuerySelectorAll("td")[0].TextContent.Trim());

        var forged = new HttpRequestMessage(HttpMethod.Get, "/resultats-publics/15/json");
        forged.Headers.Host = "evil.example";
        var json = await anonymous.SendAsync(forged);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var jsonText = await json.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(jsonText);
        var semesterJson = document.RootElement.GetProperty("semestres").EnumerateArray().Single();
        Assert.Equal($"{year}-S{semester}", semesterJson.GetProperty("semestre").GetString());
        Assert.Equal("http://localhost:5080/resultats-publics/schema", document.RootElement.GetProperty("schema").GetString());
        Assert.Equal(40, semesterJson.GetProperty("reponses").GetInt32());
        var globalJson = semesterJson.GetProperty("satisfaction").EnumerateArray().Single(q => q.GetProperty("code").GetString() == "satisfaction-globale");
        Assert.Equal(73.3m, globalJson.GetProperty("tauxPourcent").GetDecimal());
        Assert.Equal(22, globalJson.GetProperty("satisfaits").GetInt32());
        Assert.Equal(30, globalJson.GetProperty("n").GetInt32());
        var mauriacJson = semesterJson.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("libelle").GetString()!.Contains("Mauriac", StringComparison.Ordinal));
        Assert.False(mauriacJson.GetProperty("significatif").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mauriacJson.GetProperty("tauxPourcent").ValueKind);
        Assert.Equal(JsonValueKind.Null, mauriacJson.GetProperty("satisfaits").ValueKind);
        var satisfactionIndicator = semesterJson.GetProperty("indicateurs").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "satisfaction-usagers");
        Assert.Equal(73.3, satisfactionIndicator.GetProperty("valeur").GetDouble());

        var csv = await anonymous.GetAsync("/resultats-publics/15/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync();
        var lines = csvText.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("semestre;du;au;arrete_au;rubrique;code;libelle;n;satisfaits;taux_pourcent", lines[0]);
        Assert.Contains(lines, l => l.Contains(";satisfaction;satisfaction-globale;", StringComparison.Ordinal) && l.Contains(";30;22;73.3;73,3 %;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";site;", StringComparison.Ordinal) && l.Contains("Mauriac", StringComparison.Ordinal) && l.Contains(";;;non significatif;", StringComparison.Ordinal));

        foreach (var fragment in FreeTextFragments)
        {
            Assert.DoesNotContain(fragment, WebUtility.HtmlDecode(html));
            Assert.DoesNotContain(fragment, jsonText);
            Assert.DoesNotContain(fragment, csvText);
        }

        // The figures were cut off when published: a later response does not move them.
        await App.WithDbAsync(async db =>
        {
            var template = await db.SurveyResponses.Include(r => r.Answers).FirstAsync(r => r.CampaignId == Ids.CurrentCampaignId);
            db.SurveyResponses.Add(new VoixUsager.Surveys.SurveyResponse
            {
                CampaignId = template.CampaignId, SiteId = template.SiteId, QuestionnaireVersionId = template.QuestionnaireVersionId,
                Channel = template.Channel, SubmissionId = Guid.NewGuid(), SubmittedAtUtc = DateTime.UtcNow,
                Answers = template.Answers.Select(a => new VoixUsager.Surveys.SurveyAnswer { QuestionId = a.QuestionId, OptionId = a.OptionId, Text = a.Text }).ToList(),
            });
            return await db.SaveChangesAsync();
        });
        using var later = JsonDocument.Parse(await anonymous.GetStringAsync("/resultats-publics/15/json"));
        Assert.Equal(40, later.RootElement.GetProperty("semestres")[0].GetProperty("reponses").GetInt32());

        // Withdrawn: the public page says nothing again, and the log says who withdrew it.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(Cantal, "Withdraw")).StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.ResultsPublications.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "resultats.depublies" && a.UserEmail == "qualite@cantal.test")));
        Assert.Contains("Aucun résultat publié pour le moment", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/resultats-publics/15")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/resultats-publics/15/json")).StatusCode);
    }

    [Fact]
    public async Task Only_the_prefectures_own_quality_team_publishes_and_nothing_changes_otherwise()
    {
        // Cantal's team naming Allier's period: refused with the French error page, nothing stored.
        var crossed = await PublishAsync(Cantal, extra: $"&prefecture={Ids.Staff.AllierId}");
        Assert.Equal(HttpStatusCode.Forbidden, crossed.StatusCode);
        Assert.Contains("Accès refusé", WebUtility.HtmlDecode(await crossed.Content.ReadAsStringAsync()));

        // An administrator sees the results but does not publish a préfecture's figures in its place.
        using var admin = StaffClient.For(App);
        await admin.SignInAsync(StaffTestData.AdminEmail, StaffTestData.Password);
        var byAdmin = await admin.PostFormAsync($"/resultats/indicateurs?prefecture={Ids.Staff.AllierId}&{PeriodQuery}&handler=Publish", [], $"/resultats/indicateurs?prefecture={Ids.Staff.AllierId}&{PeriodQuery}");
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);

        // A semester that has not begun has nothing to publish.
        var future = DateTime.UtcNow.Year + 1;
        var early = await Cantal.PostFormAsync($"/resultats/indicateurs?annee={future}&semestre=2&handler=Publish", [], $"/resultats/indicateurs?{PeriodQuery}");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Ce semestre n’a pas commencé", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));

        Assert.Equal(0, await App.WithDbAsync(db => db.ResultsPublications.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "resultats.publies")));
        using var anonymous = App.CreateBrowserLikeClient();
        Assert.Contains("Aucun résultat publié pour le moment", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/resultats-publics/03")));

        // Pressing twice publishes once.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(Cantal)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(Cantal)).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.ResultsPublications.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "resultats.publies")));
        Assert.Contains("Dépublier le", WebUtility.HtmlDecode(await (await Cantal.Http.GetAsync($"/resultats/indicateurs?{PeriodQuery}")).Content.ReadAsStringAsync()));
    }
}
