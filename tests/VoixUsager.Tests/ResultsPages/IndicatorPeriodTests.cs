using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Results;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ResultsPages;

/// <summary>
/// A CLU's indicators cover the twelve months before its cut-off: a CLU meeting in January shows the
/// mystery campaign of the autumn before in its indicators too, and the dashboard shows the same.
/// </summary>
public sealed partial class IndicatorPeriodTests : CantalResultsTest
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Text(AngleSharp.Dom.IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    private static List<string> IndicatorRows(AngleSharp.Html.Dom.IHtmlDocument page, string tableAfter) =>
        page.QuerySelector(tableAfter)!.ParentElement!.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent.Contains("Indicateurs", StringComparison.Ordinal) == true)
            .QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(Text))).ToList();

    [Fact]
    public async Task January_snapshot_counts_the_autumn_mystery_campaign_in_its_indicators_as_the_dashboard_does()
    {
        // A cut-off on 19 January; the mystery calls and emails were made and entered in December before.
        var parisToday = DateOnly.FromDateTime(VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow));
        var year = parisToday >= new DateOnly(parisToday.Year, 1, 19) ? parisToday.Year : parisToday.Year - 1;
        var december = new DateTime(year - 1, 12, 10, 10, 0, 0, DateTimeKind.Utc);
        await MysteryTestData.SeedAsync(App, Ids.Staff);
        await App.WithDbAsync(async db =>
        {
            await db.MysteryCallRecords.ExecuteUpdateAsync(s => s.SetProperty(r => r.CalledAtUtc, december).SetProperty(r => r.SubmittedAtUtc, december.AddHours(1)));
            return await db.MysteryEmailRecords.ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAtUtc, december).SetProperty(r => r.SubmittedAtUtc, december.AddDays(20)));
        });

        var created = await Cantal.PostFormAsync("/resultats/instantanes", [new("Cutoff", $"{year}-01-19T06:00")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var snapshot = await Cantal.GetPageAsync(created.Headers.Location!.OriginalString);

        // The mystery block and the indicators say the same: 8 calls answered of 9, 14 emails in time of 24.
        var mysteryText = Spaces().Replace(snapshot.QuerySelector("main")!.TextContent, " ");
        Assert.Contains("Taux d’appels aboutis : 88,9 % (n = 9,", mysteryText);
        Assert.Contains("Réponse sous 5 jours ouvrés : 58,3 % (14 sur 24,", mysteryText);
        var rows = IndicatorRows(snapshot, "#indicateurs");
        Assert.Contains(rows, r => r.StartsWith("Taux d’appels aboutis (calculé, n = 9, indicatif) | ≥ 90,0 % | 88,9 % | Non", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("Courriels répondus sous 5 jours ouvrés (calculé, n = 24, indicatif) | ≥ 80,0 % | 58,3 % | Non", StringComparison.Ordinal));
        Assert.Contains($"du 20/01/{year - 1} au 19/01/{year}", Text(snapshot.QuerySelector("#periode-indicateurs")!));

        // The dashboard, asked for the same twelve months by the snapshot's own link, shows the same rows.
        var link = snapshot.QuerySelector("#periode-indicateurs a")!.GetAttribute("href")!;
        Assert.Equal($"/resultats/indicateurs?au={year}-01-19", link);
        var dashboard = await Cantal.GetPageAsync(link);
        Assert.Contains($"12 mois du 20/01/{year - 1} au 19/01/{year}", Text(dashboard.QuerySelector("#periode-indicateurs")!));
        Assert.Equal(rows, dashboard.QuerySelector("main table")!.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(Text))).ToList());

        // The workbook attached to the CLU's email names the same period.
        var frozen = SnapshotService.Read(await App.WithDbAsync(db => db.ResultsSnapshots.OrderByDescending(s => s.Id).FirstAsync()));
        Assert.Equal(new IndicatorPeriod(new DateOnly(year - 1, 1, 20), new DateOnly(year, 1, 19)), frozen.IndicatorPeriod);
        Assert.Equal(year - 1, frozen.IndicatorYear);
        Assert.Equal($"12 mois du 20/01/{year - 1} au 19/01/{year}", frozen.IndicatorPeriodText());
        var calls = frozen.Indicators.Single(i => i.Definition.Code == Indicators.CallsAnswered);
        Assert.Equal((frozen.Mystery.Calls.Answered.Total, FrenchFormat(frozen.Mystery.Calls.Answered)), (calls.SampleSize!.Value, calls.Value));
    }

    private static double FrenchFormat(VoixUsager.Results.Statistics.Proportion p) => (double)VoixUsager.Results.Statistics.FrenchFormat.RoundedPercent(p, 1);

    [Fact]
    public async Task A_day_that_is_no_date_is_refused_in_french()
    {
        var response = await Cantal.Http.GetAsync("/resultats/indicateurs?au=19-01-2026");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("jj/mm/aaaa", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

[Trait("Category", "Logic")]
public class IndicatorPeriodRulesTests
{
    [Theory]
    [InlineData("2026-01-19", "2025-01-20", 2025)]
    [InlineData("2026-11-30", "2025-12-01", 2026)]
    [InlineData("2026-12-31", "2026-01-01", 2026)]
    [InlineData("2024-02-29", "2023-03-01", 2023)]
    [InlineData("2026-07-01", "2025-07-02", 2025)] // 183 days of 2025, 182 of 2026
    [InlineData("2026-07-02", "2025-07-03", 2026)]
    public void Twelve_months_to_the_cut_off_take_the_entered_values_of_the_year_holding_most_of_them(string cutoff, string from, int enteredYear)
    {
        var period = Indicators.TwelveMonthsTo(DateOnly.ParseExact(cutoff, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture), period.From);
        Assert.Equal(cutoff, period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(enteredYear, period.EnteredYear);
    }
}
