using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Referent;

/// <summary>The référent's list of calls and emails to make, with what is done.</summary>
public class IndexModel(AppDbContext db, StaffUser staff) : PageModel
{
    public sealed record Row(int ScenarioId, MysteryChannel Channel, DateOnly PlannedOn, string Question, string Target, RecordStatus? Status);

    public sealed record CampaignBlock(int Id, string Name, string EvaluatedPrefecture, DateOnly EndsOn, bool IsOpen, IReadOnlyList<Row> Rows);

    public IReadOnlyList<CampaignBlock> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Mes appels et courriels mystères";
        var userId = staff.Id;
        var rows = await db.MysteryScenarios.AsNoTracking()
            .Where(s => s.AssignedReferentId == userId)
            .Select(s => new
            {
                s.CampaignId,
                CampaignName = s.Campaign.Name,
                Evaluated = s.Campaign.EvaluatedPrefecture.DisplayName,
                s.Campaign.EndsOn,
                s.Campaign.ClosedAtUtc,
                Row = new Row(s.Id, s.Channel, s.PlannedOn, s.Question, s.Target,
                    db.MysteryRecords.Where(r => r.ScenarioId == s.Id).Select(r => (RecordStatus?)r.Status).FirstOrDefault()),
            })
            .ToListAsync(cancellationToken);
        Campaigns = rows
            .GroupBy(r => r.CampaignId)
            .Select(g => new CampaignBlock(g.Key, g.First().CampaignName, g.First().Evaluated, g.First().EndsOn, g.First().ClosedAtUtc is null,
                g.Select(r => r.Row).OrderBy(r => r.PlannedOn).ThenBy(r => r.ScenarioId).ToList()))
            .OrderByDescending(c => c.IsOpen).ThenBy(c => c.EndsOn)
            .ToList();
    }
}
