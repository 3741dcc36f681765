using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Espace;

/// <summary>The staff home: what each role can do, and what is waiting for this person.</summary>
public class IndexModel(AppDbContext db, StaffUser staff, Register.RegisterQueries register) : PageModel
{
    public StaffUser Staff => staff;

    public string? PrefectureName { get; private set; }

    public int ScenariosToDo { get; private set; }

    /// <summary>Suggestions and complaints past their deadline that this person answers for.</summary>
    public IReadOnlyList<Register.CaseRow> OverdueCases { get; private set; } = [];

    public int OpenCases { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Mon espace";
        if (staff.PrefectureId is { } prefectureId)
        {
            PrefectureName = await db.Prefectures.Where(p => p.Id == prefectureId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
        }

        if (staff.RegisterActor is { } actor)
        {
            var open = await register.ListAsync(actor, openOnly: true, cancellationToken);
            OpenCases = open.Count;
            OverdueCases = open.Where(c => c.Overdue).ToList();
        }

        if (staff.IsReferent)
        {
            var userId = staff.Id;
            ScenariosToDo = await db.MysteryScenarios.CountAsync(
                s => s.AssignedReferentId == userId && s.Campaign.ClosedAtUtc == null
                     && !db.MysteryRecords.Any(r => r.ScenarioId == s.Id && r.Status == Mystery.RecordStatus.Soumis),
                cancellationToken);
        }
    }
}
