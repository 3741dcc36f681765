using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.ActionPlan;
using VoixUsager.Register;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.ActionPlan;

/// <summary>The action plan over real HTTP: the quality team's plan, a service owner's part of it, the audit.</summary>
public sealed class ActionPlanTests : IAsyncLifetime
{
    public const string OwnerEmail = "titres@cantal.test";

    private readonly VoixUsagerAppFactory _app = new();
    private StaffTestData _data = null!;

    public async Task InitializeAsync() => _data = await StaffTestData.SeedAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Two services of the Cantal, one of the Drôme, and an owner of the Cantal's first service.</summary>
    public static async Task<(int Titles, int Reception, int Drome)> SeedServicesAsync(VoixUsagerAppFactory app, StaffTestData data)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VoixUsager.Data.AppDbContext>();
        var titles = new OwnerService { PrefectureId = data.CantalId, Name = "Bureau des titres" };
        var reception = new OwnerService { PrefectureId = data.CantalId, Name = "Accueil général" };
        var drome = new OwnerService { PrefectureId = data.DromeId, Name = "Accueil de la Drôme" };
        db.OwnerServices.AddRange(titles, reception, drome);
        await db.SaveChangesAsync();
        await StaffTestData.CreateServiceOwnerAsync(scope.ServiceProvider, OwnerEmail, data.CantalId, titles.Id, "Agent Titres");
        return (titles.Id, reception.Id, drome.Id);
    }

    private static KeyValuePair<string, string>[] ActionFields(string title, int? moduleId, int? serviceId, string? due = null) =>
    [
        new("Edit.Title", title), new("Edit.Description", "Décidé en comité."), new("Edit.Origin", nameof(ActionOrigin.Free)),
        new("Edit.ModuleId", moduleId?.ToString(CultureInfo.InvariantCulture) ?? ""), new("Edit.EngagementId", ""),
        new("Edit.OwnerServiceId", serviceId?.ToString(CultureInfo.InvariantCulture) ?? ""), new("Edit.DueDate", due ?? ""),
    ];

    private static async Task<int> CreateAsync(StaffClient quality, string title, int? moduleId, int? serviceId, string? due = null)
    {
        var response = await quality.PostFormAsync("/plan-actions/nouvelle", ActionFields(title, moduleId, serviceId, due));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())[..Math.Min(3000, (await response.Content.ReadAsStringAsync()).Length)]}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SetStatusAsync(StaffClient client, int id, ActionStatus status, string reason = "", int? formOf = null) =>
        client.PostFormAsync($"/plan-actions/{id}?handler=Status", [new("status", status.ToString()), new("reason", reason)], $"/plan-actions/{formOf ?? id}");

    [Fact]
    public async Task Plan_page_shows_per_module_percentages_overdue_actions_and_filters()
    {
        var (titles, reception, _) = await SeedServicesAsync(_app, _data);
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        var a1 = await CreateAsync(quality, "Former l’accueil au serveur vocal", 1, titles);
        var a2 = await CreateAsync(quality, "Signalétique du hall", 1, reception, "2020-01-15");
        var a3 = await CreateAsync(quality, "Ligne directe du PAN", 1, reception);
        var a4 = await CreateAsync(quality, "Exercice de crise", 7, titles);
        var a5 = await CreateAsync(quality, "Avertir contre les sites payants", null, null);
        Assert.Equal(HttpStatusCode.Redirect, (await SetStatusAsync(quality, a1, ActionStatus.Done)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SetStatusAsync(quality, a3, ActionStatus.InProgress)).StatusCode);
        var noReason = await SetStatusAsync(quality, a5, ActionStatus.Abandoned, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains(ActionPlanService.ReasonRequired, WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal(ActionStatus.ToDo, await _app.WithDbAsync(db => db.PlanActions.Where(a => a.Id == a5).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SetStatusAsync(quality, a5, ActionStatus.Abandoned, "Déjà fait par le ministère")).StatusCode);

        var page = await quality.GetPageAsync("/plan-actions");
        var rows = page.QuerySelectorAll("#avancement tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "Module 1 – Relation générale avec les usagers | 1 (33 %) | 1 (33 %) | 1 (33 %) | 0",
            "Module 7 – Communication d’urgence lors d’un événement majeur | 0 (0 %) | 0 (0 %) | 1 (100 %) | 0",
            "Transversal | 0 | 0 | 0 | 1",
            "Ensemble du plan | 1 (25 %) | 1 (25 %) | 2 (50 %) | 1",
        ], rows);
        var late = page.QuerySelector("#en-retard")!.TextContent;
        Assert.Contains("Signalétique du hall", late);
        Assert.DoesNotContain("Ligne directe", late);

        var filtered = await quality.GetPageAsync($"/plan-actions?module=1&statut=ToDo&service={reception}");
        Assert.Equal(["Signalétique du hall"], filtered.QuerySelectorAll("#actions tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.BadRequest, (await quality.Http.GetAsync("/plan-actions?statut=Fini")).StatusCode);

        var journal = WebUtility.HtmlDecode((await quality.GetPageAsync("/qualite/journal")).QuerySelector("main")!.TextContent);
        Assert.Contains("Statut d’une action du plan changé", journal);
        Assert.Contains("À réaliser → Abandonnée (Déjà fait par le ministère)", journal);

        // The CLU annex: same figures as the page, a valid workbook, its first sheet saying préfecture, filters and date.
        var export = await quality.Http.GetAsync($"/plan-actions/annexe.xlsx?module=1&service={reception}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(VoixUsager.Reporting.XlsxWorkbook.ContentType, export.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        var text = WorkbookText(document);
        Assert.Contains("Préfecture | Préfecture Cantal", text);
        Assert.Contains("Filtres | Module : Module 1 – Relation générale avec les usagers ; Service : Accueil général", text);
        Assert.Contains(text, r => r.StartsWith("Établi le | ", StringComparison.Ordinal));
        // Module 1 of the reception service: one in progress (a3), one to do (a2): 50 % each.
        Assert.Contains("Module 1 – Relation générale avec les usagers | 0 | 0 | 1 | 0.5 | 1 | 0.5 | 0", text);
        Assert.Contains(text, r => r.StartsWith("Signalétique du hall | Module 1 – Relation générale avec les usagers", StringComparison.Ordinal) && r.Contains("| À réaliser | Oui |", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await quality.Http.GetAsync("/plan-actions/annexe.xlsx?origine=Inconnue")).StatusCode);
    }

    /// <summary>Every row of every sheet as « cell | cell | … » (the workbook writes its text inline).</summary>
    private static List<string> WorkbookText(DocumentFormat.OpenXml.Packaging.SpreadsheetDocument document)
    {
        return document.WorkbookPart!.WorksheetParts
            .SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            .Select(r => string.Join(" | ", r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText)))
            .ToList();
    }

    [Fact]
    public async Task A_clu_decision_becomes_an_action_of_the_plan_or_stays_a_note()
    {
        var cluId = await _app.WithDbAsync(async db =>
        {
            var clu = new VoixUsager.Clu.CluMeeting { PrefectureId = _data.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), Place = "Préfecture", CreatedAtUtc = DateTime.UtcNow };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu.Id;
        });
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var url = $"/resultats/clu/{cluId}";

        var blank = await quality.PostFormAsync($"{url}?handler=Decision", [new("decisionText", " "), new("asAction", "true")], url);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var action = await quality.PostFormAsync($"{url}?handler=Decision", [new("decisionText", "Mettre en place une ligne directe pour le PAN"), new("asAction", "true")], url);
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
        var location = action.Headers.Location!.OriginalString;
        Assert.StartsWith("/plan-actions/", location, StringComparison.Ordinal);
        var note = await quality.PostFormAsync($"{url}?handler=Decision", [new("decisionText", "Le comité prend acte des résultats.")], url);
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);

        var decisions = await _app.WithDbAsync(db => db.CluDecisions.OrderBy(d => d.Id).ToListAsync());
        Assert.Equal(2, decisions.Count);
        var created = await _app.WithDbAsync(db => db.PlanActions.SingleAsync());
        Assert.Equal((ActionOrigin.CluDecision, (long?)decisions[0].Id, created.Id), (created.Origin, created.OriginRecordId, decisions[0].ActionId!.Value));
        Assert.Null(decisions[1].ActionId);

        var actionPage = await quality.GetPageAsync(location);
        Assert.NotNull(actionPage.QuerySelector($"main a[href='{url}']"));
        var cluPage = WebUtility.HtmlDecode((await quality.GetPageAsync(url)).QuerySelector("main")!.TextContent);
        Assert.Contains("action à réaliser", cluPage);
        Assert.Contains("(note)", cluPage);

        using var drome = StaffClient.For(_app);
        await drome.SignInAsync(StaffTestData.Email("Qualite", "drome"), StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await drome.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Service_owner_sees_and_moves_only_the_actions_of_their_service()
    {
        var (titles, reception, dromeService) = await SeedServicesAsync(_app, _data);
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var mine = await CreateAsync(quality, "Former l’accueil au serveur vocal", 1, titles);
        var theirs = await CreateAsync(quality, "Signalétique du hall", 1, reception);
        var unassigned = await CreateAsync(quality, "Action à attribuer", null, null);
        using var drome = StaffClient.For(_app);
        await drome.SignInAsync(StaffTestData.Email("Qualite", "drome"), StaffTestData.Password);
        var foreign = await CreateAsync(drome, "Action de la Drôme", 1, dromeService);

        using var owner = StaffClient.For(_app);
        var login = await owner.SignInAsync(OwnerEmail, StaffTestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var page = await owner.GetPageAsync("/plan-actions");
        Assert.Equal(["Former l’accueil au serveur vocal"], page.QuerySelectorAll("#actions tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Null(page.QuerySelector("a[href='/plan-actions/nouvelle']"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/plan-actions/{mine}")).StatusCode);
        foreach (var other in new[] { theirs, unassigned, foreign })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync($"/plan-actions/{other}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/plan-actions/nouvelle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync("/plan-actions/999999")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SetStatusAsync(owner, mine, ActionStatus.InProgress)).StatusCode);
        var note = await owner.PostFormAsync($"/plan-actions/{mine}?handler=Note", [new("note", "Formation prévue le 12 mars.")], $"/plan-actions/{mine}");
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);

        // The forms of the page they may see, posted against an action they may not.
        var token = (await owner.GetPageAsync($"/plan-actions/{mine}")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var other in new[] { theirs, foreign })
        {
            var status = await owner.Http.PostAsync($"/plan-actions/{other}?handler=Status", new FormUrlEncodedContent([new("status", "Done"), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
            var otherNote = await owner.Http.PostAsync($"/plan-actions/{other}?handler=Note", new FormUrlEncodedContent([new("note", "x"), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.Forbidden, otherNote.StatusCode);
        }

        // Only the quality team changes what the action is, even for the owner's own action.
        var update = await owner.Http.PostAsync($"/plan-actions/{mine}?handler=Update", new FormUrlEncodedContent(ActionFields("Renommée", 1, reception).Append(new("__RequestVerificationToken", token))));
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);

        var actions = await _app.WithDbAsync(db => db.PlanActions.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.Status, a.OwnerServiceId }).ToListAsync());
        Assert.Equal(ActionStatus.InProgress, actions.Single(a => a.Id == mine).Status);
        Assert.Equal(("Former l’accueil au serveur vocal", (int?)titles), (actions.Single(a => a.Id == mine).Title, actions.Single(a => a.Id == mine).OwnerServiceId));
        Assert.All(actions.Where(a => a.Id != mine), a => Assert.Equal(ActionStatus.ToDo, a.Status));
        Assert.Equal(2, await _app.WithDbAsync(db => db.PlanActionEvents.CountAsync(e => e.ActionId == mine && e.AuthorEmail == OwnerEmail)));

        // Nothing across préfectures for the quality team either.
        Assert.Equal(HttpStatusCode.Forbidden, (await drome.Http.GetAsync($"/plan-actions/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SetStatusAsync(drome, mine, ActionStatus.Done, formOf: foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.GetAsync("/resultats")).StatusCode);
    }
}
