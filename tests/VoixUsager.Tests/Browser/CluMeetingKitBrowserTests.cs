using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VoixUsager.Clu;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>
/// The quality team prepares the meeting in Chromium on a laptop and on a phone (time, agenda moved
/// without script, an answer set by hand), and a member answers through the invitation's link.
/// </summary>
public sealed class CluMeetingKitBrowserTests(ResultsLayoutBrowserFixture fixture) : BrowserTest, IClassFixture<ResultsLayoutBrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    private Task<CluMeeting> CluAsync() => fixture.App.WithDbAsync(async db =>
    {
        var clu = new CluMeeting
        {
            PrefectureId = fixture.Ids.Staff.CantalId,
            MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
            Place = "Préfecture du Cantal, salle Georges-Pompidou, Aurillac",
            CreatedAtUtc = DateTime.UtcNow,
            Members =
            [
                new CluMember { Name = "Marie-Christine Durand-Vialatte", Function = "Présidente départementale", Organisation = "Union départementale des associations familiales du Cantal", Email = "marie-christine.durand-vialatte@udaf-cantal.test", Site = "Sous-préfecture de Saint-Flour" },
                new CluMember { Name = "Paul Martin", Organisation = "UFC-Que Choisir", Email = "paul.martin@ufc.test" },
            ],
        };
        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        db.CluAgendaItems.AddRange(
            new CluAgendaItem { CluMeetingId = clu.Id, Position = 1, Title = "Accueil par le secrétaire général de la préfecture" },
            new CluAgendaItem { CluMeetingId = clu.Id, Position = 2, Title = "Présentation des résultats de l’enquête de satisfaction et des enquêtes mystères", Section = VoixUsager.Clu.Documents.CluDocumentPart.Survey });
        await db.SaveChangesAsync();
        return clu;
    });

    private async Task AssertWithinScreenAsync(IPage page, int width)
    {
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"the page scrolls sideways at {width} px");
        Assert.True(await page.Locator("#table-presences").EvaluateAsync<bool>("t => { const c = t.closest('.fr-table__container'); return c.scrollWidth <= c.clientWidth; }"),
            $"the presence table scrolls sideways at {width} px");
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_team_prepares_the_meeting_and_a_member_answers_by_the_link(int width)
    {
        var clu = await CluAsync();
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 800);
        await page.GotoAsync($"{fixture.BaseUrl}/resultats/clu/{clu.Id}");

        await page.FillAsync("#StartsAt", "14:30");
        await page.FillAsync("#DurationMinutes", "90");
        await page.FillAsync("#VideoLink", "https://webconf.numerique.gouv.fr/clu-cantal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’horaire" }).ClickAsync();
        await page.WaitForURLAsync("**#reunion");
        Assert.Contains("de 14 h 30 à 16 h 00", await page.Locator("#reunion-horaire").TextContentAsync(), StringComparison.Ordinal);

        await page.FillAsync("#AgendaTitle", "Plan d’actions et décisions");
        await page.SelectOptionAsync("#AgendaSection", nameof(VoixUsager.Clu.Documents.CluDocumentPart.Plan));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le point" }).ClickAsync();
        await page.WaitForURLAsync("**#ordre-du-jour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Monter « Plan d’actions et décisions »" }).ClickAsync();
        await page.WaitForURLAsync("**#ordre-du-jour");
        var items = await page.Locator("ol.vu-ordre-du-jour > li").AllTextContentsAsync();
        Assert.StartsWith("Accueil", items[0].Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Plan d’actions et décisions", items[1].Trim(), StringComparison.Ordinal);

        var paul = clu.Members.Single(m => m.Name == "Paul Martin");
        await page.SelectOptionAsync($"#Attendance-{paul.Id}", nameof(CluAttendance.Excuse));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réponse de Paul Martin" }).ClickAsync();
        await page.WaitForURLAsync("**#presences");
        Assert.Contains("Excusé", await page.Locator("#table-presences tbody tr", new() { HasText = "Paul Martin" }).TextContentAsync(), StringComparison.Ordinal);
        await AssertWithinScreenAsync(page, width);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-seance-{width}.png"), FullPage = true });

        // The member's link: opening it shows the three answers; the click records one.
        var marie = clu.Members.Single(m => m.Name != "Paul Martin");
        string link;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<VoixUsager.Data.AppDbContext>().CluMeetings.AsNoTracking().SingleAsync(c => c.Id == clu.Id);
            link = new Uri(scope.ServiceProvider.GetRequiredService<CluAttendanceLinks>().LinkFor(stored, marie)).PathAndQuery;
        }

        var visitor = await fixture.NewPageAsync(width, 800);
        await visitor.GotoAsync($"{fixture.BaseUrl}{link}");
        Assert.Equal("Marie-Christine Durand-Vialatte", await visitor.Locator("#nom-membre").TextContentAsync());
        await visitor.FillAsync("#RepresentedBy", "Jean Vialatte");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Je serai représenté(e)" }).ClickAsync();
        await visitor.Locator("#reponse-enregistree").WaitForAsync();
        Assert.Contains("Représenté par Jean Vialatte", await visitor.Locator("#reponse-enregistree").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"the answer page scrolls sideways at {width} px");
        await Accessibility.AssertNoWcag21AAViolationAsync(visitor, "réponse à l’invitation au CLU");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-reponse-{width}.png"), FullPage = true });
        await visitor.Context.CloseAsync();

        // Once the invitation has gone out (recorded here as the job records it), the team is offered the updated one.
        await fixture.App.WithDbAsync(async db =>
        {
            db.CluInvitationDeliveries.AddRange(clu.Members.Select(m => new CluInvitationDelivery
            {
                CluMeetingId = clu.Id, CluMemberId = m.Id, RecipientEmail = m.Email, Status = DeliveryStatus.Envoye,
                SentAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Attempts = 1,
            }));
            await db.SaveChangesAsync();
            return 0;
        });
        await page.ReloadAsync();
        Assert.Contains("Représenté par Jean Vialatte", await page.Locator("#table-presences tbody tr", new() { HasText = "Marie-Christine" }).TextContentAsync(), StringComparison.Ordinal);
        var update = page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’invitation mise à jour" });
        await update.ScrollIntoViewIfNeededAsync();
        Assert.True(await update.IsVisibleAsync(), $"the updated invitation's button is not visible at {width} px");
        var box = await update.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"the updated invitation's button is cut at {width} px");
        await AssertWithinScreenAsync(page, width);
        await Accessibility.AssertNoWcag21AAViolationAsync(page, "page du CLU");
        await page.Locator("#presences").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-invitation-{width}.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-invitation-page-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
