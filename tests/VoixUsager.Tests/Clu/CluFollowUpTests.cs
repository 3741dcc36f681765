using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.ActionPlan;
using VoixUsager.Clu;
using VoixUsager.Jobs;
using VoixUsager.Register;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;
using VoixUsager.Tests.ActionPlan;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Clu;

/// <summary>
/// The next CLU's summary follows up what the previous one decided, with the action plan's progress and
/// the bilan of suggestions and complaints, all frozen at its cut-off and read alike by the email, its
/// preview and its workbook.
/// </summary>
public sealed class CluFollowUpTests : IAsyncLifetime
{
    private const string ActionDecision = "Mettre en place une ligne directe pour le PAN";
    private const string NoteDecision = "Le comité prend acte des résultats.";

    private SmtpTestServer _smtp = null!;
    private VoixUsagerAppFactory _app = null!;
    private ResultsTestData.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _app = new VoixUsagerAppFactory { SmtpPort = _smtp.Port };
        _ids = await ResultsTestData.SeedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private Task<int> CluAsync(int daysFromToday, string place) => _app.WithDbAsync(async db =>
    {
        var clu = new CluMeeting
        {
            PrefectureId = _ids.Staff.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday), Place = place,
            DaysBefore = 15, CreatedAtUtc = DateTime.UtcNow,
        };
        db.CluMeetings.Add(clu);
        await db.SaveChangesAsync();
        return clu.Id;
    });

    private Task AddCaseAsync(DateOnly receivedOn, CaseKind kind, CaseChannel channel, DateOnly? answeredOn) => _app.WithDbAsync(async db =>
    {
        var prefecture = await db.Prefectures.SingleAsync(p => p.Id == _ids.Staff.CantalId);
        var (ack, due) = RegisterService.DueDates(receivedOn, prefecture);
        db.RegisterCases.Add(new RegisterCase
        {
            PrefectureId = prefecture.Id, Kind = kind, Subject = CaseSubject.Attente, Channel = channel, Text = "Une heure d’attente au guichet.",
            ReceivedOn = receivedOn, AcknowledgementDueOn = ack, DueOn = due, CreatedAtUtc = DateTime.UtcNow,
            Status = answeredOn is null ? CaseStatus.Recue : CaseStatus.Repondue, ClosedOn = answeredOn,
        });
        return await db.SaveChangesAsync();
    });

    private static async Task<int> CreateActionAsync(StaffClient quality, string title, int? moduleId, int? serviceId, string due = "")
    {
        var response = await quality.PostFormAsync("/plan-actions/nouvelle",
        [
            new("Edit.Title", title), new("Edit.Description", "Décidé en comité."), new("Edit.Origin", nameof(ActionOrigin.Free)),
            new("Edit.ModuleId", moduleId?.ToString(CultureInfo.InvariantCulture) ?? ""), new("Edit.EngagementId", ""),
            new("Edit.OwnerServiceId", serviceId?.ToString(CultureInfo.InvariantCulture) ?? ""), new("Edit.DueDate", due),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static async Task SetStatusAsync(StaffClient client, int id, ActionStatus status) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/plan-actions/{id}?handler=Status", [new("status", status.ToString()), new("reason", "")], $"/plan-actions/{id}")).StatusCode);

    private async Task<CluSummary.Content> PreviewAsync(int cluId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().PreviewAsync(cluId, CancellationToken.None);
    }

    [Fact]
    public async Task Next_clu_summary_lists_the_previous_decisions_at_its_cut_off_with_the_plan_and_the_bilan()
    {
        var (titles, reception, _) = await ActionPlanTests.SeedServicesAsync(_app, _ids.Staff);
        using var quality = StaffClient.For(_app);
        await quality.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);

        // The first CLU met a month ago; its summary had no CLU before it to follow up.
        var first = await CluAsync(-30, "Aurillac");
        Assert.Contains($"{CluSummary.FollowUpTitle} :\n{CluSectionTexts.NoPreviousClu}", (await PreviewAsync(first)).Text.ReplaceLineEndings("\n"));

        // It decided an action and a note; the action is then moved forward before the next CLU.
        var url = $"/resultats/clu/{first}";
        var decided = await quality.PostFormAsync($"{url}?handler=Decision", [new("decisionText", ActionDecision), new("asAction", "true")], url);
        var decisionAction = int.Parse(decided.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.PostFormAsync($"{url}?handler=Decision", [new("decisionText", NoteDecision)], url)).StatusCode);
        var beforeProgress = DateTime.UtcNow;
        await Task.Delay(50);
        await SetStatusAsync(quality, decisionAction, ActionStatus.InProgress);

        // The rest of the plan: module 1 has one action to do (late) and one done, module 7 one in progress.
        await CreateActionAsync(quality, "Signalétique du hall", 1, reception, "2020-01-15");
        await SetStatusAsync(quality, await CreateActionAsync(quality, "Former l’accueil au serveur vocal", 1, titles), ActionStatus.Done);
        await SetStatusAsync(quality, await CreateActionAsync(quality, "Exercice de crise", 7, titles), ActionStatus.InProgress);

        // Suggestions and complaints: one answered on time and one open within the twelve months, one older.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await AddCaseAsync(today.AddDays(-40), CaseKind.Reclamation, CaseChannel.FicheUrne, today.AddDays(-38));
        await AddCaseAsync(today.AddDays(-2), CaseKind.Suggestion, CaseChannel.FicheUrne, null);
        await AddCaseAsync(today.AddDays(-400), CaseKind.Reclamation, CaseChannel.FicheUrne, today.AddDays(-399));

        // The second CLU's summary is frozen and sent.
        var second = await CluAsync(10, "Saint-Flour");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CluSummaryJob>().RunAsync(second, CancellationToken.None);
        }

        var snapshot = await _app.WithDbAsync(db => db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == db.CluMeetings.Single(c => c.Id == second).SnapshotId));
        Assert.Contains($"\"formatVersion\":{SnapshotService.FormatVersion}", snapshot.FiguresJson.Replace(" ", "", StringComparison.Ordinal));
        var frozen = SnapshotService.Read(snapshot);
        var clu = frozen.Clu!;

        // Suites données: both decisions, the action as it stood at the cut-off.
        var previous = clu.Previous!;
        Assert.Equal((DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), "Aurillac"), (previous.MeetingOn, previous.Place));
        Assert.Equal(
            new[] { new CluDecisionFollowUp(ActionDecision, true, ActionStatus.InProgress, null, null, false), new CluDecisionFollowUp(NoteDecision, false, null, null, null, false) },
            previous.Decisions);

        // The plan at the cut-off: one computation, the same per-module percentages as the plan page.
        Assert.Equal(1, clu.Plan.Overdue);
        Assert.Equal((1, 2, 1, 0), (clu.Plan.Progress.Overall.Done, clu.Plan.Progress.Overall.InProgress, clu.Plan.Progress.Overall.ToDo, clu.Plan.Progress.Overall.Abandoned));
        var planPage = await quality.GetPageAsync("/plan-actions");
        var pageRows = planPage.QuerySelectorAll("#avancement tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(
            clu.Plan.Progress.Modules.Append(clu.Plan.Progress.Overall).Select(l =>
                $"{l.Label} | {CluSectionTexts.Cell(l.Done, l.DoneShare)} | {CluSectionTexts.Cell(l.InProgress, l.InProgressShare)} | {CluSectionTexts.Cell(l.ToDo, l.ToDoShare)} | {l.Abandoned}"),
            pageRows);
        Assert.Contains("Ensemble du plan | 1 (25 %) | 2 (50 %) | 1 (25 %) | 0", pageRows);

        // The bilan over the indicators' twelve months: the register's own computation for that period.
        Assert.Equal(frozen.IndicatorPeriod!, new IndicatorPeriod(clu.Register.From, clu.Register.To));
        Assert.Equal((2, 1, 1), (clu.Register.Total, clu.Register.AnsweredWithinDeadline.Successes, clu.Register.AnsweredWithinDeadline.Total));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var live = await scope.ServiceProvider.GetRequiredService<RegisterQueries>().FiguresAsync(_ids.Staff.CantalId, clu.Register.From, clu.Register.To, CancellationToken.None);
            Assert.Equal(live.Sentences(), clu.Register.Sentences());
        }

        // The action is done after the cut-off: the summary keeps what was true then, the CLU page says what is true now.
        await SetStatusAsync(quality, decisionAction, ActionStatus.Done);
        var message = Assert.Single(_smtp.Received(), r => r.EnvelopeRecipients.Contains("qualite@cantal.test")).Message;
        var preview = await PreviewAsync(second);
        Assert.Equal(preview.Text.ReplaceLineEndings("\n"), message.TextBody!.ReplaceLineEndings("\n"));
        var expectedLines = new List<string>
        {
            $"- {CluSectionTexts.Action} : {ActionDecision} — En cours ; service pilote : {ActionPlanLabels.Unassigned} ; échéance : {CluSectionTexts.NoDueDate}",
            $"- {CluSectionTexts.Note} : {NoteDecision}",
            "- Ensemble du plan : réalisées 1 (25 %), en cours 2 (50 %), à réaliser 1 (25 %), abandonnées 0",
            $"- Répondues dans le délai de {clu.Register.DeadlineWorkingDays} jours ouvrés : {FrenchFormat.Rate(clu.Register.AnsweredWithinDeadline)}.",
            "- Par nature : Suggestion 1 ; Réclamation 1",
        };
        foreach (var content in new[] { message.TextBody!, preview.Text })
        {
            var lines = content.ReplaceLineEndings("\n").Split('\n');
            Assert.All(expectedLines, line => Assert.Contains(line, lines));
            Assert.Contains("actions en retard : 1.", content);
        }

        // The preview as the page frames it shows the same sections.
        var framed = WebUtility.HtmlDecode((await quality.GetPageAsync($"/resultats/clu/{second}?handler=Apercu")).Body!.TextContent);
        Assert.Contains($"{CluSectionTexts.Action} : {ActionDecision} — En cours", framed);
        Assert.Contains(CluSummary.PlanTitle, framed);
        Assert.Contains(CluSummary.RegisterTitle, framed);
        Assert.Contains("Ensemble du plan : réalisées 1 (25 %), en cours 2 (50 %)", framed);
        Assert.Contains("action réalisée", WebUtility.HtmlDecode((await quality.GetPageAsync(url)).QuerySelector("main")!.TextContent));

        // The snapshot's page shows the sections in the email's words, from the same frozen figures.
        var snapshotPage = (await quality.GetPageAsync($"/resultats/instantanes/{snapshot.Id}")).QuerySelector("#synthese-clu")!;
        var pageLines = snapshotPage.QuerySelectorAll("li").Select(li => "- " + li.TextContent.Trim()).ToList();
        Assert.All(expectedLines, line => Assert.Contains(line, pageLines));
        var previewLines = preview.Text.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(13, pageLines.Count);
        Assert.All(pageLines, line => Assert.Contains(line, previewLines));

        // The workbook attached, and the preview's, hold the same frozen numbers.
        using var attachment = new MemoryStream();
        await Assert.Single(message.Attachments.OfType<MimeKit.MimePart>()).Content!.DecodeToAsync(attachment);
        var sent = Cells(attachment.ToArray());
        var previewed = Cells(preview.Workbook.Content);
        foreach (var sheet in new[] { ResultsWorkbook.FollowUpSheet, ResultsWorkbook.PlanSheet, RegisterWorkbook.SheetName })
        {
            Assert.Equal(sent[sheet], previewed[sheet]);
        }

        Assert.Contains(sent[ResultsWorkbook.FollowUpSheet], r => r.Contains($"| {CluSectionTexts.Action} | {ActionDecision} | En cours | {ActionPlanLabels.Unassigned} |", StringComparison.Ordinal));
        Assert.Contains(sent[ResultsWorkbook.FollowUpSheet], r => r.EndsWith($"| {CluSectionTexts.Note} | {NoteDecision}", StringComparison.Ordinal));
        Assert.Contains("Ensemble du plan | 1 | 0.25 | 2 | 0.5 | 1 | 0.25 | 0", sent[ResultsWorkbook.PlanSheet]);
        Assert.Contains(sent[ResultsWorkbook.PlanSheet], r => r.StartsWith("Actions en retard | 1", StringComparison.Ordinal));
        Assert.Contains(sent[RegisterWorkbook.SheetName], r => r.StartsWith("Total reçu | 2", StringComparison.Ordinal));

        // Computed at an earlier cut-off, the same decision reads as it stood then: the history, not today's status.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var meeting = await scope.ServiceProvider.GetRequiredService<VoixUsager.Data.AppDbContext>().CluMeetings.AsNoTracking().SingleAsync(c => c.Id == second);
            var earlier = await scope.ServiceProvider.GetRequiredService<CluSectionsService>().ComputeAsync(meeting, beforeProgress, frozen.IndicatorPeriod!, CancellationToken.None);
            Assert.Equal(ActionStatus.ToDo, earlier.Previous!.Decisions[0].Status);
            Assert.Equal((0, 0, 1), (earlier.Plan.Progress.Overall.Done, earlier.Plan.Progress.Overall.InProgress, earlier.Plan.Progress.Overall.ToDo));
        }

        // A third CLU follows the second, which decided nothing: its summary says so.
        var third = await CluAsync(60, "Mauriac");
        var thirdPreview = await PreviewAsync(third);
        Assert.Contains("Aucune décision n’avait été enregistrée au CLU précédent (CLU du ", thirdPreview.Text);
        Assert.Contains("Saint-Flour", thirdPreview.Text);
        Assert.Contains(Cells(thirdPreview.Workbook.Content)[ResultsWorkbook.FollowUpSheet], r => r.Contains("Aucune décision n’avait été enregistrée", StringComparison.Ordinal));
    }

    /// <summary>Every sheet's rows as "cell | cell | …", by sheet name.</summary>
    private static Dictionary<string, List<string>> Cells(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        return part.Workbook.Sheets!.Elements<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => ((WorksheetPart)part.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => string.Join(" | ", r.Descendants<Cell>().Select(c => c.InnerText))).ToList());
    }
}
