using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>The journal and the suggestions are read a page at a time, the journal by date, newest first.</summary>
public sealed class PagingTests : CantalResultsTest
{
    private const int OurEntries = 60;

    [Fact]
    public async Task Journal_is_sorted_by_date_newest_first_and_its_second_page_follows_the_first()
    {
        // Written in an order that is not the order of their dates, as late imports and back-dated
        // records do; all older than anything the sign-in wrote. Marks 30 and 31 share one instant.
        var at = new DateTime(2020, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var ranks = Enumerable.Range(1, OurEntries).OrderBy(r => (r * 37) % OurEntries).ToList();
        ranks.Remove(30);
        ranks.Insert(ranks.IndexOf(31) + 1, 30);
        await App.WithDbAsync(async db =>
        {
            foreach (var rank in ranks)
            {
                var minutes = rank == 31 ? 30 : rank;
                db.AuditEntries.Add(AuditEntry.Of(at.AddMinutes(-minutes), null, null, Ids.Staff.CantalId, "suggestion.retenue", "SurveyAnswer", "1", $"repère {rank:00}"));
                await db.SaveChangesAsync();
            }

            return 0;
        });

        var first = await Cantal.GetPageAsync("/qualite/journal");
        var next = first.QuerySelector("nav.fr-pagination a.fr-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal("/qualite/journal?numero=2", next);
        var second = await Cantal.GetPageAsync(next);

        var marks = new[] { first, second }
            .SelectMany(page => page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td")[4].TextContent.Trim()))
            .Where(d => d.StartsWith("repère ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(Enumerable.Range(1, OurEntries).Select(r => $"repère {r:00}"), marks);
        var secondRows = second.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td")[4].TextContent.Trim()).ToList();
        Assert.NotEmpty(secondRows);
        Assert.Empty(secondRows.Intersect(first.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelectorAll("td")[4].TextContent.Trim())));
        Assert.Equal("repère 60", secondRows[^1]);
        Assert.NotNull(second.QuerySelector("nav.fr-pagination a.fr-pagination__link--prev[href='/qualite/journal?numero=1']"));
    }

    [Fact]
    public async Task Suggestions_second_page_shows_the_older_suggestions()
    {
        await App.WithDbAsync(async db =>
        {
            var campaign = await db.SurveyCampaigns.SingleAsync(c => c.Id == Ids.CurrentCampaignId);
            var suggestion = await db.Questions.SingleAsync(q => q.QuestionnaireVersionId == campaign.QuestionnaireVersionId && q.Code == DefaultQuestionnaire.Codes.Suggestion);
            for (var i = 1; i <= 35; i++)
            {
                db.SurveyResponses.Add(new SurveyResponse
                {
                    CampaignId = campaign.Id,
                    SiteId = Ids.MainSiteId,
                    QuestionnaireVersionId = campaign.QuestionnaireVersionId,
                    Channel = SurveyChannel.QrCode,
                    SubmissionId = Guid.NewGuid(),
                    SubmittedAtUtc = DateTime.UtcNow.AddDays(-1).AddHours(-i),
                    Answers = [new SurveyAnswer { QuestionId = suggestion.Id, Text = $"Suggestion numéro {i:00}" }],
                });
            }

            return await db.SaveChangesAsync();
        });

        var first = await Cantal.GetPageAsync("/resultats/suggestions");
        var next = first.QuerySelector("nav.fr-pagination a.fr-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal("/resultats/suggestions?numero=2", next);
        var second = await Cantal.GetPageAsync(next);

        static List<string> Texts(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("main .fr-card__desc").Select(d => d.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"Suggestion numéro {i:00}"), Texts(first));
        // The 5 older of ours, then the 2 the data set had, three weeks older.
        var older = Texts(second);
        Assert.Equal(Enumerable.Range(31, 5).Select(i => $"Suggestion numéro {i:00}"), older.Take(5));
        Assert.Equal(7, older.Count);
        // A search keeps its terms from page to page.
        var searched = await Cantal.GetPageAsync("/resultats/suggestions?q=num%C3%A9ro&retenues=false");
        Assert.Equal("/resultats/suggestions?q=num%C3%A9ro&numero=2", searched.QuerySelector("nav.fr-pagination a.fr-pagination__link--next")!.GetAttribute("href"));
        Assert.Equal(Enumerable.Range(31, 5).Select(i => $"Suggestion numéro {i:00}"), Texts(await Cantal.GetPageAsync("/resultats/suggestions?q=num%C3%A9ro&numero=2")));
    }

    [Theory]
    [InlineData("/qualite/journal", "abc")]
    [InlineData("/qualite/journal", "0")]
    [InlineData("/qualite/journal", "-2")]
    [InlineData("/resultats/suggestions", "abc")]
    [InlineData("/resultats/suggestions", "0")]
    [InlineData("/resultats/suggestions", "99999999999")]
    public async Task A_page_number_that_is_not_one_gets_the_same_french_400_on_every_list(string list, string number)
    {
        var response = await Cantal.Http.GetAsync($"{list}?numero={Uri.EscapeDataString(number)}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(VoixUsager.Web.Staff.PageNumberQuery.Error, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
