using Microsoft.Playwright;
using VoixUsager.Clu;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>The CLU page's documents of the meeting, in Chromium on a laptop and on a phone: in view, and a click downloads them.</summary>
public sealed class CluDocumentsBrowserTests(ResultsLayoutBrowserFixture fixture) : BrowserTest, IClassFixture<ResultsLayoutBrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Documents_block_is_within_the_screen_and_its_links_download_the_deck_and_the_minutes(int width)
    {
        var cluId = await fixture.App.WithDbAsync(async db =>
        {
            var clu = new CluMeeting
            {
                PrefectureId = fixture.Ids.Staff.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40),
                Place = "Préfecture du Cantal, Aurillac", CreatedAtUtc = DateTime.UtcNow,
                Members = [new CluMember { Name = "Paul Martin", Organisation = "UFC-Que Choisir", Email = "paul.martin@ufc.test" }],
            };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu.Id;
        });
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 800);
        await page.GotoAsync($"{fixture.BaseUrl}/resultats/clu/{cluId}");
        var block = page.Locator("#documents-seance");
        await block.ScrollIntoViewIfNeededAsync();
        Assert.Contains("calculés au moment du téléchargement", await page.Locator("#documents-seance + p").InnerTextAsync());
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-documents-{width}.png"), FullPage = true });

        foreach (var (name, extension) in new[] { ("Diaporama du comité", ".pptx"), ("Projet de compte rendu", ".docx") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync());
            Assert.StartsWith("voixusager-clu-", download.SuggestedFilename);
            Assert.EndsWith(extension, download.SuggestedFilename);
            Assert.Null(await download.FailureAsync());
            var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}{extension}");
            await download.SaveAsAsync(saved);
            Assert.True(new FileInfo(saved).Length > 10_000, $"{saved}: {new FileInfo(saved).Length} bytes");
            File.Delete(saved);
        }

        await page.Context.CloseAsync();
    }
}
