using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>The préfecture's comités locaux des usagers: the next ones, and a new one.</summary>
public class CluModel(AppDbContext db, StaffUser staff, FranceClock clock) : ResultsPageModel(db, staff)
{
    public IReadOnlyList<CluMeeting> Meetings { get; private set; } = [];

    [BindProperty] public string? MeetingOn { get; set; }
    [BindProperty] public string Place { get; set; } = "";
    [BindProperty] public string DaysBefore { get; set; } = "15";
    [BindProperty] public int? SurveyCampaignId { get; set; }
    [BindProperty] public int? MysteryCampaignId { get; set; }

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

        if (!DateOnly.TryParseExact(MeetingOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meetingOn))
        {
            Errors["MeetingOn"] = "Indiquez la date du comité.";
        }
        else if (meetingOn < clock.Today)
        {
            Errors["MeetingOn"] = "La date du comité est passée : indiquez une date à venir.";
        }

        if (Place.Trim().Length is 0 or > 300)
        {
            Errors["Place"] = "Indiquez le lieu du comité (300 caractères au plus).";
        }

        if (!int.TryParse(DaysBefore, NumberStyles.None, CultureInfo.InvariantCulture, out var daysBefore) || daysBefore is < 1 or > 90)
        {
            Errors["DaysBefore"] = "La synthèse part entre 1 et 90 jours avant le comité.";
        }

        await LoadAsync(cancellationToken);
        if (SurveyCampaignId is { } surveyCampaign && Campaigns.All(c => c.Id != surveyCampaign))
        {
            Errors["SurveyCampaignId"] = "Cette campagne d’enquête n’existe pas pour votre préfecture.";
        }

        if (MysteryCampaignId is { } mysteryCampaign && MysteryCampaigns.All(c => c.Id != mysteryCampaign))
        {
            Errors["MysteryCampaignId"] = "Cette campagne d’enquêtes mystères n’évalue pas votre préfecture.";
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        var clu = new CluMeeting
        {
            PrefectureId = PrefectureId, MeetingOn = meetingOn, Place = Place.Trim(), DaysBefore = daysBefore, CreatedAtUtc = clock.UtcNow,
            SurveyCampaignId = SurveyCampaignId, MysteryCampaignId = MysteryCampaignId,
        };
        Db.CluMeetings.Add(clu);
        await Db.SaveChangesAsync(cancellationToken);
        Staff.Audit(Db, "clu.cree", nameof(CluMeeting), clu.Id, PrefectureId, $"{meetingOn:dd/MM/yyyy}, {clu.Place}");
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/resultats/clu/{clu.Id}{(PrefectureQuery.Length > 0 ? "?" + PrefectureQuery : "")}");
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
