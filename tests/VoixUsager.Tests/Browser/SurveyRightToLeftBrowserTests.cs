using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>The open site's survey, in French and Arabic, opens with a multiple-choice question (check boxes).</summary>
public sealed class RightToLeftCheckBoxesFixture : BrowserFixture
{
    public int VersionId { get; private set; }

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        VersionId = await App.WithDbAsync(MultilingualQuestionnaire.PublishMultipleChoiceForOpenSiteAsync);
    }
}

/// <summary>Check boxes in a right-to-left language, in real Chromium, on a laptop and a phone.</summary>
public sealed class SurveyRightToLeftBrowserTests(RightToLeftCheckBoxesFixture fixture) : BrowserTest, IClassFixture<RightToLeftCheckBoxesFixture>
{
    protected override BrowserFixture Browser => fixture;

    private const string ScreenshotFolder = "/tmp/voixusager-langues";

    /// <summary>
    /// Where each check box of the page is drawn and where its label's text lies. The design system hides
    /// the input and draws the box in the label's ::before, so the box is measured from that pseudo-element.
    /// </summary>
    private const string Measure = """
        () => [...document.querySelectorAll('.fr-checkbox-group')].map(group => {
          const label = group.querySelector('label');
          const range = document.createRange();
          range.selectNodeContents(label);
          const text = range.getBoundingClientRect();
          const before = getComputedStyle(label, '::before');
          const labelBox = label.getBoundingClientRect();
          const boxWidth = parseFloat(before.width);
          // Absolutely placed against the label: by its right offset in right-to-left, its left one otherwise.
          const boxLeft = before.right !== 'auto' ? labelBox.right - parseFloat(before.right) - boxWidth : labelBox.left + parseFloat(before.left);
          const input = group.querySelector('input').getBoundingClientRect();
          return [text.left, text.right, boxLeft, boxLeft + boxWidth, input.left, input.right, group.getBoundingClientRect().right];
        })
        """;

    /// <summary>For each question in error: where its red bar is drawn (by the fieldset, and by its legend) and where its answers' text ends.</summary>
    private const string ErrorBars = """
        () => [...document.querySelectorAll('.fr-fieldset--error')].map(fieldset => {
          const bar = e => {
            const x = getComputedStyle(e).backgroundPositionX.split(',')[0].trim();
            const r = e.getBoundingClientRect();
            return x === '100%' ? r.right - 2 : r.left + parseFloat(x);
          };
          const ends = [...fieldset.querySelectorAll('label')].map(label => {
            const range = document.createRange();
            range.selectNodeContents(label);
            return range.getBoundingClientRect().right;
          });
          return [bar(fieldset), bar(fieldset.querySelector('.fr-fieldset__legend')), Math.max(...ends)];
        })
        """;

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Usager_ticks_boxes_in_arabic_laid_right_to_left_and_they_are_stored_by_option(int width)
    {
        var page = await fixture.NewPageAsync(width, 900);
        await page.GotoAsync($"{fixture.BaseUrl}/avis/{TestData.OpenSiteCode}?canal=qr&langue=ar");

        Assert.Equal(("ar", "rtl"), (await page.Locator("html").GetAttributeAsync("lang"), await page.Locator("html").GetAttributeAsync("dir")));
        Assert.Equal(MultilingualQuestionnaire.MultipleChoiceArabicTitle, (await page.Locator("h1").TextContentAsync())?.Trim());
        var labels = await page.Locator(".fr-checkbox-group label").AllTextContentsAsync();
        Assert.Equal(MultilingualQuestionnaire.MultipleChoiceOptions.Select(o => o.Arabic), labels.Select(l => l.Trim()));
        // No option is left in French: no group needs a lang of its own.
        Assert.Equal(0, await page.Locator(".fr-checkbox-group[lang]").CountAsync());

        await AssertLaidRightToLeftAsync(page, width, "the form");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = $"{ScreenshotFolder}/cases-ar-{width}.png", FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the Arabic check boxes at {width} px");

        // Sent with nothing ticked: the question says so, and the boxes keep their side.
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#erreurs");
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertLaidRightToLeftAsync(page, width, "the refused form");
        // The red bar of each question in error runs down its right side, the legend's piece in line with the rest.
        var bars = await page.EvaluateAsync<double[][]>(ErrorBars);
        Assert.Equal(2, bars.Length);
        foreach (var (fieldsetBar, legendBar, textRight) in bars.Select(b => (b[0], b[1], b[2])))
        {
            var where = $"at {width} px: bar at {fieldsetBar:0} (legend's at {legendBar:0}), answers' text ends at {textRight:0}";
            Assert.True(fieldsetBar > textRight && fieldsetBar <= width, $"The error bar is not on the right of the question {where}");
            Assert.True(Math.Abs(fieldsetBar - legendBar) < 3, $"The error bar is broken {where}");
        }

        await page.ScreenshotAsync(new() { Path = $"{ScreenshotFolder}/cases-ar-{width}-erreurs.png", FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"the refused Arabic check boxes at {width} px");

        // People tick by tapping the label; the second and the last option.
        await page.Locator(".fr-checkbox-group label", new() { HasText = MultilingualQuestionnaire.MultipleChoiceOptions[1].Arabic }).ClickAsync();
        await page.Locator(".fr-checkbox-group label", new() { HasText = MultilingualQuestionnaire.MultipleChoiceOptions[3].Arabic }).ClickAsync();
        Assert.Equal(new[] { false, true, false, true }, await page.Locator(".fr-checkbox-group input").EvaluateAllAsync<bool[]>("inputs => inputs.map(i => i.checked)"));
        await page.Locator(".fr-radio-group label").First.ClickAsync();
        await page.ScreenshotAsync(new() { Path = $"{ScreenshotFolder}/cases-ar-{width}-cochees.png", FullPage = true });
        var before = await fixture.App.WithDbAsync(db => db.SurveyResponses.Select(r => r.Id).ToListAsync());
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/merci**");

        var response = await fixture.App.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => !before.Contains(r.Id)).SingleAsync());
        Assert.Equal("ar", response.Language);
        var expected = await fixture.App.WithDbAsync(db => db.QuestionOptions
            .Where(o => o.Question.QuestionnaireVersionId == fixture.VersionId && o.Question.Code == MultilingualQuestionnaire.MultipleChoiceCode
                && (o.Code == MultilingualQuestionnaire.MultipleChoiceOptions[1].Code || o.Code == MultilingualQuestionnaire.MultipleChoiceOptions[3].Code))
            .Select(o => new { o.QuestionId, o.Id }).ToListAsync());
        Assert.Equal(2, expected.Count);
        var ticked = response.Answers.Where(a => a.QuestionId == expected[0].QuestionId).Select(a => a.OptionId).Order().ToList();
        Assert.Equal(expected.Select(e => (int?)e.Id).Order(), ticked);
        Assert.All(response.Answers.Where(a => a.QuestionId == expected[0].QuestionId), a => Assert.Null(a.Text));
        await page.Context.CloseAsync();
    }

    /// <summary>Each box on the right of its label's text, the text ending near it, nothing outside the screen.</summary>
    private static async Task AssertLaidRightToLeftAsync(Microsoft.Playwright.IPage page, int width, string what)
    {
        var groups = await page.EvaluateAsync<double[][]>(Measure);
        Assert.Equal(MultilingualQuestionnaire.MultipleChoiceOptions.Count, groups.Length);
        foreach (var (g, i) in groups.Select((g, i) => (g, i)))
        {
            var (textLeft, textRight, boxLeft, boxRight, inputLeft, inputRight, groupRight) = (g[0], g[1], g[2], g[3], g[4], g[5], g[6]);
            var where = $"{what}, option {i + 1} at {width} px: text {textLeft:0}–{textRight:0}, box {boxLeft:0}–{boxRight:0}, input {inputLeft:0}–{inputRight:0}, group ends at {groupRight:0}";
            Assert.True(boxLeft >= textRight, $"The box is not on the right of its label: {where}");
            Assert.True(boxLeft - textRight < 16, $"The label's text does not start beside its box: {where}");
            // The hidden input lies under the drawn box, so that a tap on the box ticks it.
            Assert.True(Math.Abs(inputLeft - boxLeft) < 6 && Math.Abs(inputRight - boxRight) < 6, $"The input is not under the drawn box: {where}");
            Assert.True(textLeft >= 0 && boxRight <= width && boxRight <= groupRight + 1, $"Off-screen or outside its question: {where}");
        }

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{what} scrolls sideways at {width} px ({scrollWidth} px).");
    }
}
