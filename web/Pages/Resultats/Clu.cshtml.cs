using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>The préfecture's comités locaux des usagers: the next ones, and a new one.</summary>
public class CluModel(AppDbContext db, StaffUser staff, CluService clus) : ResultsPageModel(db, staff)
{
    public IReadOnlyList<CluMeeting> Meetings { get; private set; } = [];

    /// <summary>Bound from the form's own field names (MeetingOn, Place…).</summary>
    [BindProperty] public CluInput NewClu { get; set; } = new();

    public string? MeetingOn => NewClu.MeetingOn;
    public string? Place => NewClu.Place;
    public string? DaysBefore => NewClu.DaysBefore;
    public int? SurveyCampaignId => NewClu.SurveyCampaignId;
    public int? MysteryCampaignId => NewClu.MysteryCampaignId;

    public IReadOnlyList<(int Id, string Name)> MysteryCampaigns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Comités locaux des usagers";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Comités locaux des usagers";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = Errors.Count > 0 ? null : await clus.CreateAsync(PrefectureId, NewClu, new AuditActor(Staff.Id, Staff.Email), cancellationToken);
        if (result is ChangeResult.Done done)
        {
            return RedirectToPage("/Resultats/CluDetail", PrefectureRoute(new { id = done.Id }));
        }

        await LoadAsync(cancellationToken);
        return result is ChangeResult.Invalid invalid ? Invalid(invalid.Errors) : Invalid();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        Meetings = await Db.CluMeetings.AsNoTracking().Include(c => c.Deliveries).Include(c => c.Members).AsSplitQuery()
            .Where(c => c.PrefectureId == prefectureId).OrderByDescending(c => c.MeetingOn).ToListAsync(cancellationToken);
        MysteryCampaigns = (await Db.MysteryCampaigns.AsNoTracking().Where(c => c.EvaluatedPrefectureId == prefectureId)
            .OrderByDescending(c => c.StartsOn).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Name)).ToList();
    }
}
