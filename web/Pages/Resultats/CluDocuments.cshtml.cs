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
public class CluDocumentsModel(AppDbContext db, StaffUser staff, CluDocumentsService documents) : ResultsPageModel(db, staff)
{
    /// <summary>The documents live on the CLU's page.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await RefuseAsync(id, cancellationToken) ?? RedirectToPage("/Resultats/CluDetail", PrefectureRoute(new { id }));

    public async Task<IActionResult> OnGetDiaporamaAsync(int id, CancellationToken cancellationToken) =>
        await RefuseAsync(id, cancellationToken) ?? Download(await documents.DeckAsync(id, cancellationToken));

    public async Task<IActionResult> OnGetCompteRenduAsync(int id, CancellationToken cancellationToken) =>
        await RefuseAsync(id, cancellationToken) ?? Download(await documents.MinutesAsync(id, cancellationToken));

    private FileContentResult Download(CluDocumentFile file) => File(file.Content, file.ContentType, file.FileName);

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
