using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite.Mystere;

/// <summary>The campaigns that evaluate the quality team's own préfecture.</summary>
public class IndexModel(AppDbContext db, StaffUser staff) : PageModel
{
    public sealed record Row(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, bool IsOpen, int Planned, int Done);

    public IReadOnlyList<Row> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Enquêtes mystères de ma préfecture";
        var prefectureId = staff.PrefectureId;
        Campaigns = await db.MysteryCampaigns.AsNoTracking()
            .Where(c => c.EvaluatedPrefectureId == prefectureId)
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new Row(c.Id, c.Name, c.StartsOn, c.EndsOn, c.ClosedAtUtc == null, c.Scenarios.Count,
                db.MysteryRecords.Count(r => r.CampaignId == c.Id && r.Status == RecordStatus.Soumis)))
            .ToListAsync(cancellationToken);
    }
}
