using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VoixUsager.Clu;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>
/// The quality team prepares a CLU in Chromium, on a laptop and on a phone: the summary preview shows
/// the email with its own styles and charts, in its frame, and no page logs an error (no CSP violation).
/// </summary>
public sealed class CluBrowserTests(ResultsLayoutBrowserFixture fixture) : BrowserTest, IClassFixture<ResultsLayoutBrowserFixture>
{
    protected override BrowserFixture Browser => fixture;

    private Task<int> ComingCluAsync() => fixture.App.WithDbAsync(async db =>
    {
        var clu = new CluMeeting
        {
            PrefectureId = fixture.Ids.Staff.CantalId,
            MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
            Place = "Préfecture du Cantal, salle Georges-Pompidou, Aurillac (et en visioconférence avec Mauriac et Saint-Flour)",
            CreatedAtUtc = DateTime.UtcNow,
            Members =
            [
                new CluMember { Name = "Marie-Christine Durand-Vialatte", Organisation = "Union départementale des associations familiales du Cantal", Email = "marie-christine.durand-vialatte@udaf-cantal.test" },
                new CluMember { Name = "Paul Martin", Organisation = "UFC-Que Choisir", Email = "paul.martin@ufc.test", ReceivesSummary = false },
            ],
        };
        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return clu.Id;
    });

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Summary_preview_shows_the_email_with_its_styles_and_charts_without_console_errors(int width)
    {
        var cluId = await ComingCluAsync();
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 800);

        await page.GotoAsync($"{fixture.BaseUrl}/resultats/clu/{cluId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aperçu de la synthèse" }).ClickAsync();
        await page.WaitForURLAsync($"**/resultats/clu/{cluId}?apercu=true#apercu");
        var frame = page.FrameLocator("#apercu-courriel");
        var heading = frame.GetByRole(AriaRole.Heading, new() { Name = "Chiffres clés" });
        await heading.WaitForAsync();

        // The message's own inline styles apply inside the frame (the DSFR blue of its headings)…
        Assert.Equal("rgb(0, 0, 145)", await heading.EvaluateAsync<string>("h => getComputedStyle(h).color"));
        Assert.Equal("Arial", (await frame.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).fontFamily")).Split(',')[0].Trim('"'));
        // …and its charts, data: images, are drawn, shrunk to the frame on a phone.
        var images = frame.Locator("img");
        Assert.True(await images.CountAsync() > 0);
        foreach (var image in await images.AllAsync())
        {
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        }

        // The frame fits the column; the page does not scroll sideways.
        var box = (await page.Locator("#apercu-courriel").BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"frame from {box.X} to {box.X + box.Width} at {width} px");
        Assert.True(box.Height >= 300, $"frame {box.Height} px high");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the page scrolls sideways");
        // The members' long names and addresses wrap: the section stays within the screen.
        var members = (await page.Locator("ul.vu-membres").BoundingBoxAsync())!;
        Assert.True(members.X + members.Width <= width, $"members' list reaches {members.X + members.Width} px at {width} px");
        // Every column of the recipients' table is in view without scrolling it: on a phone each row is a
        // card whose cells carry their column's name.
        var table = page.Locator("#table-envois");
        Assert.True(await table.EvaluateAsync<bool>("t => { const c = t.closest('.fr-table__container'); return c.scrollWidth <= c.clientWidth; }"),
            $"the recipients' table scrolls sideways at {width} px");
        var attempts = table.Locator("tbody tr").First.Locator("td[data-label='Tentatives']");
        var attemptsBox = (await attempts.BoundingBoxAsync())!;
        Assert.True(attemptsBox.X + attemptsBox.Width <= width, $"the attempts column starts at {attemptsBox.X} px at {width} px");

        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A previous CLU whose long decisions (an action with a long service name, a note) the coming
    /// CLU's summary follows up, with the plan and some suggestions and complaints behind them.
    /// </summary>
    private Task FollowUpAsync() => fixture.App.WithDbAsync(async db =>
    {
        var cantal = fixture.Ids.Staff.CantalId;
        var now = DateTime.UtcNow;
        var previous = new CluMeeting { PrefectureId = cantal, MeetingOn = DateOnly.FromDateTime(now).AddDays(-200), Place = "Préfecture du Cantal, Aurillac", CreatedAtUtc = now.AddDays(-230) };
        db.CluMeetings.Add(previous);
        var service = new VoixUsager.Register.OwnerService { PrefectureId = cantal, Name = "Bureau de la réglementation, des élections et de l’accueil des usagers étrangers" };
        db.OwnerServices.Add(service);
        await db.SaveChangesAsync();
        var action = new VoixUsager.ActionPlan.PlanAction
        {
            PrefectureId = cantal, Title = "Ligne directe pour le point d’accès numérique", Origin = VoixUsager.ActionPlan.ActionOrigin.CluDecision,
            OwnerServiceId = service.Id, DueDate = DateOnly.FromDateTime(now).AddDays(-10), Status = VoixUsager.ActionPlan.ActionStatus.InProgress, CreatedAtUtc = now.AddDays(-199),
            Events =
            [
                new() { AtUtc = now.AddDays(-199), Status = VoixUsager.ActionPlan.ActionStatus.ToDo },
                new() { AtUtc = now.AddDays(-100), Status = VoixUsager.ActionPlan.ActionStatus.InProgress },
            ],
        };
        db.PlanActions.Add(action);
        await db.SaveChangesAsync();
        db.CluDecisions.AddRange(
            new VoixUsager.ActionPlan.CluDecision { CluMeetingId = previous.Id, Text = "Mettre en place une ligne téléphonique directe pour les usagers accompagnés au point d’accès numérique de la préfecture et des sous-préfectures", ActionId = action.Id, CreatedAtUtc = now.AddDays(-199) },
            new VoixUsager.ActionPlan.CluDecision { CluMeetingId = previous.Id, Text = "Le comité prend acte des résultats de l’enquête de satisfaction et demande un point d’étape au prochain comité.", CreatedAtUtc = now.AddDays(-199) });
        var prefecture = await db.Prefectures.SingleAsync(p => p.Id == cantal);
        var received = DateOnly.FromDateTime(now).AddDays(-30);
        var (ack, due) = VoixUsager.Register.RegisterService.DueDates(received, prefecture);
        db.RegisterCases.Add(new VoixUsager.Register.RegisterCase
        {
            PrefectureId = cantal, Kind = VoixUsager.Register.CaseKind.Reclamation, Subject = VoixUsager.Register.CaseSubject.Attente, Channel = VoixUsager.Register.CaseChannel.FicheUrne,
            Text = "Une heure d’attente.", ReceivedOn = received, AcknowledgementDueOn = ack, DueOn = due, CreatedAtUtc = now, Status = VoixUsager.Register.CaseStatus.Repondue, ClosedOn = received.AddDays(3),
        });
        return await db.SaveChangesAsync();
    });

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Summary_preview_shows_the_follow_up_the_plan_and_the_bilan_within_the_screen(int width)
    {
        if (!await fixture.App.WithDbAsync(db => db.CluDecisions.AnyAsync()))
        {
            await FollowUpAsync();
        }

        var cluId = await ComingCluAsync();
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width, 800);
        await page.GotoAsync($"{fixture.BaseUrl}/resultats/clu/{cluId}?apercu=true#apercu");
        var frame = page.FrameLocator("#apercu-courriel");
        foreach (var title in new[] { CluSummary.FollowUpTitle, CluSummary.PlanTitle, CluSummary.RegisterTitle })
        {
            await frame.GetByRole(AriaRole.Heading, new() { Name = title }).WaitForAsync();
        }

        await frame.GetByText("Mettre en place une ligne téléphonique directe", new() { Exact = false }).WaitForAsync();
        // The message's long lines wrap inside the frame: nothing to scroll sideways on a phone.
        var inner = await frame.Locator("html").EvaluateAsync<int[]>("h => [h.scrollWidth, h.clientWidth]");
        Assert.True(inner[0] <= inner[1], $"the message is {inner[0]} px wide in a {inner[1]} px frame");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the page scrolls sideways");

        // The message alone, as a mail client at this width shows it.
        await page.GotoAsync($"{fixture.BaseUrl}/resultats/clu/{cluId}?handler=Apercu");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the message scrolls sideways");
        Assert.Contains("Ensemble du plan : réalisées 0 (0 %), en cours 1 (100 %)", await page.Locator("body").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"voixusager-clu-suites-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
