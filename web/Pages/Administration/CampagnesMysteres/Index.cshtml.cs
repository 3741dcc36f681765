using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;

namespace VoixUsager.Web.Pages.Administration.CampagnesMysteres;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string Evaluated, string Partners, DateOnly StartsOn, DateOnly EndsOn, int Planned, int Done, bool IsOpen);

    public IReadOnlyList<Row> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Campagnes mystères";
        var rows = await db.MysteryCampaigns.AsNoTracking()
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new
            {
                c.Id, c.Name, Evaluated = c.EvaluatedPrefecture.DisplayName,
                Partners = c.Partners.Select(p => p.Prefecture.DisplayName).ToList(),
                c.StartsOn, c.EndsOn, Planned = c.Scenarios.Count,
                Done = db.MysteryRecords.Count(r => r.CampaignId == c.Id && r.Status == RecordStatus.Soumis),
                c.ClosedAtUtc,
            })
            .ToListAsync(cancellationToken);
        Campaigns = rows.Select(r => new Row(r.Id, r.Name, r.Evaluated, string.Join(", ", r.Partners), r.StartsOn, r.EndsOn, r.Planned, r.Done, r.ClosedAtUtc is null)).ToList();
    }
}
