using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VoixUsager.Accounts;
using VoixUsager.ActionPlan;
using VoixUsager.Register;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Browser;

/// <summary>A plan with actions as long as real ones, late and on time, in several modules.</summary>
public sealed class ActionPlanFixture : BrowserFixture
{
    /// <summary>The owner of the service all the actions belong to (no second factor, as a service owner may).</summary>
    public const string OwnerEmail = "immigration@cantal.test";

    /// <summary>A real module name is long: this one must wrap on a phone.</summary>
    public const string LongModuleName = "Qualité de l’accueil et de l’information des ressortissants étrangers dans les démarches de titres de séjour et de naturalisation";

    public int CaseId { get; private set; }

    protected override async Task SeedAsync()
    {
        var data = await StaffTestData.SeedAsync(App);
        var serviceId = await App.WithDbAsync(async db =>
        {
            var service = new OwnerService { PrefectureId = data.CantalId, Name = "Bureau de l’immigration et de l’intégration – accueil des ressortissants étrangers" };
            db.OwnerServices.Add(service);
            db.QualModules.Add(new QualModule { Number = 42, Name = LongModuleName, Engagements = [new QualEngagement { Number = 1, Text = "Répondre sous quinze jours ouvrés aux demandes d’information transmises par courriel ou par le formulaire de contact" }] });
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

            await db.SaveChangesAsync();
            return service.Id;
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await StaffTestData.CreateServiceOwnerAsync(scope.ServiceProvider, OwnerEmail, data.CantalId, serviceId, "Responsable immigration");
        }

        CaseId = await App.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var registerCase = new RegisterCase
            {
                PrefectureId = data.CantalId, OwnerServiceId = serviceId, Kind = CaseKind.Reclamation, Subject = CaseSubject.Attente, Channel = CaseChannel.Courrier,
                Text = "Trois heures d’attente pour un renouvellement de titre.", ReceivedOn = today, AcknowledgementDueOn = today.AddDays(5), DueOn = today.AddDays(15), CreatedAtUtc = DateTime.UtcNow,
            };
            db.RegisterCases.Add(registerCase);
            await db.SaveChangesAsync();
            return registerCase.Id;
        });
    }
}

/// <summary>The plan page on a 1280-pixel monitor and a 375-pixel phone, with axe.</summary>
public sealed class ActionPlanBrowserTests(ActionPlanFixture fixture) : BrowserTest, IClassFixture<ActionPlanFixture>
{
    protected override BrowserFixture Browser => fixture;

    [BrowserTheory]
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
        await TableLayout.AssertEveryColumnInViewAsync(page, $"/plan-actions at {width} px");
        var shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"plan-actions-{width}.png"), FullPage = true });
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"/plan-actions at {width} px");
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_service_owner_home_leads_to_their_cases_and_to_their_actions(int width)
    {
        var page = await fixture.SignedInPageAsync(ActionPlanFixture.OwnerEmail, StaffTestData.Password, StaffTestData.AuthenticatorKey, width);
        await page.GotoAsync($"{fixture.BaseUrl}/espace");
        await Expect(page.Locator("#lien-dossiers")).ToHaveTextAsync("Suggestions et réclamations de mon service");
        await Expect(page.Locator("#lien-actions")).ToHaveTextAsync("Actions de mon service dans le plan");
        await Expect(page.Locator("main")).ToContainTextAsync("3 à réaliser ou en cours, dont 1 en retard");
        await ShotAsync(page, $"espace-responsable-{width}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"/espace of a service owner at {width} px");

        await page.Locator("#lien-dossiers").ClickAsync();
        await page.WaitForURLAsync("**/registre");
        await Expect(page.Locator($"main a[href='/registre/dossier/{fixture.CaseId}']")).ToBeVisibleAsync();
        await TableLayout.AssertEveryColumnInViewAsync(page, $"/registre at {width} px");
        await ShotAsync(page, $"registre-responsable-{width}");
        await page.GotoAsync($"{fixture.BaseUrl}/espace");
        await page.Locator("#lien-actions").ClickAsync();
        await page.WaitForURLAsync("**/plan-actions");
        await Expect(page.Locator("main")).ToContainTextAsync("Former deux agents");
        var documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(documentWidth <= width, $"the plan is {documentWidth} px wide at {width} px");
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Long_module_labels_wrap_on_the_modules_page(int width)
    {
        var page = await fixture.SignedInPageAsync(StaffTestData.AdminEmail, StaffTestData.Password, StaffTestData.AuthenticatorKey, width);
        await page.GotoAsync($"{fixture.BaseUrl}/administration/modules");
        await Expect(page.Locator("main")).ToContainTextAsync(ActionPlanFixture.LongModuleName);
        var documentWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var culprits = documentWidth <= width ? "" : await page.EvaluateAsync<string>(
            $"() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > {width} + 0.5)" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        await ShotAsync(page, $"modules-{width}");
        Assert.True(documentWidth <= width, $"/administration/modules is {documentWidth} px wide at {width} px: {culprits}");
        await Accessibility.AssertNoWcag21AAViolationAsync(page, $"/administration/modules at {width} px");
        await page.Context.CloseAsync();
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var shots = Path.Combine(Path.GetTempPath(), "voixusager-screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, name + ".png"), FullPage = true });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
