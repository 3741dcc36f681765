using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>One snapshot, shown exactly as it was computed, charts included.</summary>
public class InstantaneModel(AppDbContext db, StaffUser staff) : ResultsPageModel(db, staff)
{
    public ResultsSnapshot Snapshot { get; private set; } = null!;

    public ResultsFigures Figures { get; private set; } = null!;

    /// <summary>The CLU whose summary froze these figures, and its signed minutes when uploaded: kept with the snapshot.</summary>
    public (int CluId, DateOnly MeetingOn, int? MinutesId, string? MinutesFileName)? Clu { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? kind, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Instantané des résultats";
        var snapshot = await Db.ResultsSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (snapshot is null)
        {
            return NotFound();
        }

        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Staff.IsAdministrateur && snapshot.PrefectureId != PrefectureId)
        {
            return Forbid();
        }

        Snapshot = snapshot;
        Figures = SnapshotService.Read(snapshot);
        if (kind is not null)
        {
            return ChartKinds.TryParse(kind, out var chart) ? File(ResultsCharts.Render(chart, Figures), "image/png") : NotFound();
        }

        var clu = await Db.CluMeetings.AsNoTracking().Where(c => c.SnapshotId == id)
            .Select(c => new { c.Id, c.MeetingOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (clu is not null)
        {
            var minutes = await Db.CluDocuments.AsNoTracking()
                .Where(d => d.CluMeetingId == clu.Id && d.Kind == VoixUsager.Clu.CluDocumentKind.ProcesVerbalSigne)
                .Select(d => new { d.Id, d.FileName })
                .FirstOrDefaultAsync(cancellationToken);
            Clu = (clu.Id, clu.MeetingOn, minutes?.Id, minutes?.FileName);
        }

        ViewData["ChartBase"] = $"/resultats/instantanes/{id}/graphique";
        ViewData["ChartQuery"] = PrefectureQuery;
        return Page();
    }
}
