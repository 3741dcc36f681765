using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Espace;

/// <summary>The staff home: what each role can do, and what is waiting for this person.</summary>
public class IndexModel(AppDbContext db, StaffUser staff, Register.RegisterQueries register, ActionPlan.ActionPlanService plan) : PageModel
{
    public StaffUser Staff => staff;

    public string? PrefectureName { get; private set; }

    public int ScenariosToDo { get; private set; }

    /// <summary>Suggestions and complaints past their deadline that this person answers for.</summary>
    public IReadOnlyList<Register.CaseRow> OverdueCases { get; private set; } = [];

    public int OpenCases { get; private set; }

    /// <summary>Plan actions still pursued that this person answers for (all of the préfecture's for the quality team).</summary>
    public int OpenActions { get; private set; }

    public int OverdueActions { get; private set; }

    public bool IsServiceOwner => staff.RegisterActor is { IsQualityTeam: false };

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
            var actions = await plan.ListAsync(actor, new ActionPlan.ActionFilter(), cancellationToken);
            OpenActions = actions.Count(a => a.Status is ActionPlan.ActionStatus.ToDo or ActionPlan.ActionStatus.InProgress);
            OverdueActions = actions.Count(a => a.Overdue);
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
