using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Jobs;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;
using VoixUsager.Tests.Email;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Results;

/// <summary>
/// What the quality team sees live is what the CLU receives: the live figures are frozen in a snapshot,
/// read back, and rendered as the email, the workbook and the snapshot page, every number equal, for the
/// survey and the mystery calls and emails alike.
/// </summary>
public sealed class SnapshotRoundTripTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;
    private VoixUsagerAppFactory _app = null!;
    private ResultsTestData.Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartNewAsync();
        _app = new VoixUsagerAppFactory { SmtpPort = _smtp.Port };
        _ids = await ResultsTestData.SeedAsync(_app);
        await MysteryTestData.SeedAsync(_app, _ids.Staff);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private static string Json(ResultsFigures figures) => JsonSerializer.Serialize(figures, SnapshotService.Json);

    [Fact]
    public async Task Live_figures_frozen_and_read_back_render_the_same_email_workbook_and_page()
    {
        var cutoff = DateTime.UtcNow;
        ResultsFigures live;
        int snapshotId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var snapshots = scope.ServiceProvider.GetRequiredService<SnapshotService>();
            live = await snapshots.ComputeAsync(_ids.Staff.CantalId, cutoff, CancellationToken.None, null, _ids.Staff.CampaignId);
            snapshotId = (await snapshots.CreateAsync(_ids.Staff.CantalId, cutoff, "qualite@cantal.test", CancellationToken.None, null, _ids.Staff.CampaignId)).Id;
        }

        var stored = await _app.WithDbAsync(db => db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == snapshotId));
        var frozen = SnapshotService.Read(stored);

        // The hand-computed figures, live and frozen.
        foreach (var figures in new[] { live, frozen })
        {
            Assert.Equal((8, 9), (figures.Mystery.Calls.Answered.Successes, figures.Mystery.Calls.Answered.Total));
            Assert.Equal((14, 24), (figures.Mystery.Emails.WithinDeadlineRate.Successes, figures.Mystery.Emails.WithinDeadlineRate.Total));
            Assert.Equal((7, 24), (figures.Mystery.Emails.LateRate.Successes, figures.Mystery.Emails.LateRate.Total));
            Assert.Equal((3, 24), (figures.Mystery.Emails.NoReplyRate.Successes, figures.Mystery.Emails.NoReplyRate.Total));
            Assert.Equal((20, 24), (figures.Mystery.Emails.Acknowledged.Successes, figures.Mystery.Emails.Acknowledged.Total));
            Assert.All(figures.Mystery.Calls.Criteria, c => Assert.Equal(MysteryTestData.CallsMet[c.Code], c.Compliance.Successes));
            Assert.All(figures.Mystery.Emails.Criteria, c => Assert.Equal((MysteryTestData.EmailsMet[c.Code], 24), (c.Compliance.Successes, c.Compliance.Total)));
            Assert.Equal(40, figures.Survey.Responses);
        }

        // Every number, every string: the frozen figures are the live ones.
        Assert.Equal(Json(live), Json(frozen));

        // The email and its workbook, rendered from each.
        var clu = new CluMeeting { PrefectureId = _ids.Staff.CantalId, MeetingOn = DateOnly.FromDateTime(cutoff).AddDays(10), Place = "Aurillac", DaysBefore = 15 };
        var fromLive = CluSummary.Build(clu, "Préfecture Cantal", live, [], cutoff, "http://localhost/resultats");
        var fromFrozen = CluSummary.Build(clu, "Préfecture Cantal", frozen, [], cutoff, "http://localhost/resultats");
        Assert.Equal(fromLive.Text, fromFrozen.Text);
        Assert.Equal(fromLive.Html, fromFrozen.Html);
        Assert.Equal(fromLive.Workbook.FileName, fromFrozen.Workbook.FileName);
        Assert.Equal(Cells(fromLive.Workbook.Content), Cells(fromFrozen.Workbook.Content));
        Assert.Equal(fromLive.Images.Select(i => i.ContentId), fromFrozen.Images.Select(i => i.ContentId));
        Assert.Equal(["satisfaction", "appels", "courriels"], fromFrozen.Images.Select(i => i.ContentId));

        Assert.Contains("Appels mystères aboutis : 88,9 % (n = 9, IC 95 % : ", fromFrozen.Text);
        Assert.Contains("Courriels mystères répondus sous 5 jours ouvrés : 58,3 % (n = 24, IC 95 % : 38,8 %–75,5 %, indicatif)", fromFrozen.Text);
        Assert.Contains("Courriels mystères répondus hors délai : 29,2 % (n = 24, IC 95 % : 14,9 %–49,2 %, indicatif)", fromFrozen.Text);
        Assert.Contains("Courriels mystères sans réponse : 12,5 % (n = 24, ", fromFrozen.Text);
        var sheets = Cells(fromFrozen.Workbook.Content);
        Assert.Contains("Ensemble | Taux d’appels aboutis | 8 | 9 | 0.8888888888888888 | ", sheets["Appels mystères"][1]);
        Assert.Contains(" | Oui", sheets["Appels mystères"][1]);
        Assert.Contains(sheets["Courriels mystères"], r => r.StartsWith("Ensemble | Réponse hors délai (plus de 5 jours ouvrés) | 7 | 24 | ", StringComparison.Ordinal));
        Assert.Contains(sheets["Courriels mystères"], r => r.StartsWith("Ensemble | Sans réponse | 3 | 24 | ", StringComparison.Ordinal));

        // The snapshot page shows the frozen figures.
        using var qualite = StaffClient.For(_app);
        await qualite.SignInAsync(StaffTestData.Email("Qualite", "cantal"), StaffTestData.Password);
        var page = await qualite.GetPageAsync($"/resultats/instantanes/{snapshotId}");
        var text = Regex.Replace(page.QuerySelector("main")!.TextContent, "\\s+", " ");
        Assert.Contains("9 appel(s) et 24 courriel(s) soumis", text);
        Assert.Contains($"Taux d’appels aboutis : 88,9 % (n = 9, IC 95 % : {FrenchFormat.Interval(frozen.Mystery.Calls.Answered)}, indicatif)", text);
        Assert.Contains("Réponse sous 5 jours ouvrés : 58,3 % (14 sur 24", text);
        Assert.Contains("Réponse hors délai : 29,2 % (7 sur 24, IC 95 % : 14,9 % – 49,2 %, indicatif)", text);
        Assert.Contains("Sans réponse : 12,5 % (3 sur 24", text);
        var criterionRows = page.QuerySelectorAll("main table tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToList();
        foreach (var criterion in frozen.Mystery.Calls.Criteria.Concat(frozen.Mystery.Emails.Criteria))
        {
            Assert.Contains(criterionRows, r => r.Contains($"| {criterion.Label} | {FrenchFormat.Percent(criterion.Compliance)}", StringComparison.Ordinal)
                && r.Contains($"| {criterion.Compliance.Total} | {FrenchFormat.Interval(criterion.Compliance)} |", StringComparison.Ordinal));
        }

        foreach (var strength in frozen.Mystery.Recommendations.Strengths.Concat(frozen.Mystery.Recommendations.Recommendations))
        {
            Assert.Contains(strength, text);
        }
    }

    [Fact]
    public async Task The_summary_sent_by_the_job_has_the_figures_of_the_preview()
    {
        var cluId = await _app.WithDbAsync(async db =>
        {
            var clu = new CluMeeting
            {
                PrefectureId = _ids.Staff.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), Place = "Aurillac", DaysBefore = 15,
                CreatedAtUtc = DateTime.UtcNow, MysteryCampaignId = _ids.Staff.CampaignId,
            };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu.Id;
        });

        CluSummary.Content preview;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<CluSummaryJob>();
            preview = await job.PreviewAsync(cluId, CancellationToken.None);
            await job.RunAsync(cluId, CancellationToken.None);
        }

        var previewLines = preview.Text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Contains("- Appels mystères aboutis : 88,9 % (n = 9, IC 95 % : 56,5 %–98,0 %, indicatif) — objectif national ≥ 90 %", previewLines);
        var message = Assert.Single(_smtp.Received()).Message;
        var sentLines = message.TextBody!.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(previewLines, sentLines);

        var attachment = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Matches(@"^voixusager-clu-\d{4}-\d{2}-\d{2}-prefecture-cantal-campagne-2026-enquetes-mysteres-cantal-arrete-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(Cells(preview.Workbook.Content)["Appels mystères"], Cells(content.ToArray())["Appels mystères"]);
        Assert.Equal(Cells(preview.Workbook.Content)["Courriels mystères"], Cells(content.ToArray())["Courriels mystères"]);

        // The CLU's own sheets: no CLU before this one, the plan and the bilan, the same in both.
        foreach (var sheet in new[] { ResultsWorkbook.FollowUpSheet, ResultsWorkbook.PlanSheet, VoixUsager.Register.RegisterWorkbook.SheetName })
        {
            Assert.Equal(Cells(preview.Workbook.Content)[sheet], Cells(content.ToArray())[sheet]);
        }

        Assert.Contains(Cells(content.ToArray())[ResultsWorkbook.FollowUpSheet], r => r.Contains(CluSectionTexts.NoPreviousClu, StringComparison.Ordinal));
        Assert.Contains($"{CluSummary.FollowUpTitle} :\n{CluSectionTexts.NoPreviousClu}", message.TextBody!.ReplaceLineEndings("\n"));
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
