using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.ActionPlan;
using VoixUsager.Clu;
using VoixUsager.Clu.Documents;
using VoixUsager.Data;
using VoixUsager.Jobs;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// A CLU's documents of the meeting, to download: the editable slide deck and the draft minutes, built
/// from the same figures as its summary (frozen once the summary was prepared). The same people as the
/// CLU's page may have them.
/// </summary>
public class CluDocumentsModel(AppDbContext db, StaffUser staff, CluSummaryJob summary, ActionPlanService plan, CluMeetingKitService kit) : ResultsPageModel(db, staff)
{
    /// <summary>The documents live on the CLU's page.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await RefuseAsync(id, cancellationToken) ?? RedirectToPage("/Resultats/CluDetail", PrefectureRoute(new { id }));

    public async Task<IActionResult> OnGetDiaporamaAsync(int id, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var data = await summary.FiguresForAsync(id, cancellationToken);
        var content = CluDocumentContent.Build(data);
        var agenda = CluAgenda.Of(await kit.AgendaAsync(id, cancellationToken), content);
        return File(CluDeck.Build(content, agenda), CluDeck.ContentType, FileName(data, "diaporama", "pptx"));
    }

    /// <summary>
    /// The draft minutes: the members grouped by their answer (present, represented, excused, not yet
    /// answered), by site when several meet, and the agenda the team wrote (the documents' sections when none).
    /// </summary>
    public async Task<IActionResult> OnGetCompteRenduAsync(int id, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var data = await summary.FiguresForAsync(id, cancellationToken);
        var content = CluDocumentContent.Build(data);
        var decisions = (await plan.DecisionsAsync(id, cancellationToken))
            .Select(d => new CluMinutesDecision(d.Text, d.ActionId is not null, d.Status is { } status ? ActionPlanLabels.Status(status) : null))
            .ToList();
        var minutes = CluMinutes.Build(content, await kit.PresenceListAsync(id, cancellationToken), CluAgenda.Of(await kit.AgendaAsync(id, cancellationToken), content), decisions);
        return File(minutes, CluMinutes.ContentType, FileName(data, "compte-rendu", "docx"));
    }

    /// <summary>e.g. voixusager-clu-2026-03-12-diaporama-prefecture-du-cantal-…-arrete-2026-02-25-0900.pptx</summary>
    private static string FileName(CluFigures data, string what, string extension) =>
        CluSummary.Scope(data.PrefectureName, data.Figures, data.CutoffUtc).FileName($"clu-{data.Clu.MeetingOn:yyyy-MM-dd}-{what}", extension);

    /// <summary>As the CLU's page: 404 for no such CLU, 403 for another préfecture's.</summary>
    private async Task<IActionResult?> RefuseAsync(int id, CancellationToken cancellationToken)
    {
        var prefectureId = await Db.CluMeetings.Where(c => c.Id == id).Select(c => (int?)c.PrefectureId).SingleOrDefaultAsync(cancellationToken);
        if (prefectureId is null)
        {
            return NotFound();
        }

        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return !Staff.IsAdministrateur && prefectureId != PrefectureId ? Forbid() : null;
    }
}
