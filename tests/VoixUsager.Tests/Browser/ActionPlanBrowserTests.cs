using Microsoft.Playwright;
using VoixUsager.ActionPlan;
using VoixUsager.Register;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>A plan with actions as long as real ones, late and on time, in several modules.</summary>
public sealed class ActionPlanFixture : BrowserFixture
{
    protected override async Task SeedAsync()
    {
        var data = await StaffTestData.SeedAsync(App);
        await App.WithDbAsync(async db =>
        {
            var service = new OwnerService { PrefectureId = data.CantalId, Name = "Bureau de l’immigration et de l’intégration – accueil des ressortissants étrangers" };
            db.OwnerServices.Add(service);
            await db.SaveChangesAsync();
            var now = DateTime.UtcNow;
            var today = DateOnly.FromDateTime(now);
            (string Title, int? Module, ActionStatus Status, DateOnly? Due)[] actions =
            [
                ("Former deux agents au paramétrage du serveur vocal pour changer les messages sans prestataire", 1, ActionStatus.InProgress, today.AddDays(-10)),
                ("Avertir les usagers contre les sites payants qui imitent les démarches officielles, sur le site et à l’accueil", 1, ActionStatus.Done, today.AddDays(-30)),
                ("Ouvrir une ligne téléphonique directe pour le point d’accueil numérique", 1, ActionStatus.ToDo, today.AddDays(40)),
                ("Exercice de communication de crise avec les mairies", 7, ActionStatus.ToDo, null),
                ("Revoir la signalétique du hall d’accueil", null, ActionStatus.Abandoned, null),
            ];
            foreach (var (title, module, status, due) in actions)
            {
                db.PlanActions.Add(new PlanAction
                {
                    PrefectureId = data.CantalId, Title = title, ModuleId = module, Status = status, DueDate = due, CreatedAtUtc = now,
                    OwnerServiceId = service.Id, Origin = ActionOrigin.CluDecision, AbandonReason = status == ActionStatus.Abandoned ? "Travaux du bâtiment reportés" : null,
                    Events = [new PlanActionEvent { AtUtc = now, Status = status, AuthorEmail = "qualite@cantal.test" }],
                });
            }

            return await db.SaveChangesAsync();
        });
    }
}

/// <summary>The plan page on a 1280-pixel monitor and a 375-pixel phone, with axe.</summary>
public sealed class ActionPlanBrowserTests(ActionPlanFixture fixture) : BrowserTest, IClassFixture<ActionPlanFixture>
{
    protected override BrowserFixture Browser => fixture;

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Plan_page_reads_at_1280_and_375_px_without_sideways_scroll_and_passes_axe(int width)
    {
        var page = await fixture.SignedInPageAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password, StaffTestData.AuthenticatorKey, width);
        await page.GotoAsync($"{fixture.BaseUrl}/plan-actions");
        Assert.Equal("Plan d’actions", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Expect(page.Locator("#en-retard")).ToContainTextAsync("Former deux agents");
        var overall = page.Locator("#avancement tbody tr").Last;
        await Expect(overall).ToContainTextAsync("Ensemble du plan");
        await Expect(overall).ToContainTextAsync("1 (25 %)");
        var documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(documentWidth <= width, $"the page is {documentWidth} px wide at {width} px");
        var shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"plan-actions-{width}.png"), FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"/plan-actions at {width} px");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
