using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>The national list of préfectures and their sites; new ones are added here.</summary>
public class PrefecturesModel(AppDbContext db, StaffUser staff, PrefectureAdministration administration) : StaffPageModel
{
    public IReadOnlyList<Prefecture> Prefectures { get; private set; } = [];

    /// <summary>Bound from the form's own field names (DepartementCode, Name…).</summary>
    [BindProperty] public PrefectureInput NewPrefecture { get; set; } = new();

    /// <summary>Bound from the form's own field names (SitePrefectureId, SiteName…).</summary>
    [BindProperty] public SiteInput NewSite { get; set; } = new();

    public string? DepartementCode => NewPrefecture.DepartementCode;
    public string? Name => NewPrefecture.Name;
    public string? DisplayName => NewPrefecture.DisplayName;
    public int? SitePrefectureId => NewSite.SitePrefectureId;
    public string? SiteName => NewSite.SiteName;
    public string? SiteCode => NewSite.SiteCode;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPrefectureAsync(CancellationToken cancellationToken)
    {
        var result = await administration.CreatePrefectureAsync(NewPrefecture, new AuditActor(staff.Id, staff.Email), cancellationToken);
        if (result is ChangeResult.Invalid invalid)
        {
            await LoadAsync(cancellationToken);
            return Invalid(invalid.Errors);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSiteAsync(CancellationToken cancellationToken)
    {
        var result = await administration.CreateSiteAsync(NewSite, new AuditActor(staff.Id, staff.Email), cancellationToken);
        if (result is ChangeResult.Invalid invalid)
        {
            await LoadAsync(cancellationToken);
            return Invalid(invalid.Errors);
        }

        return RedirectToPage();
    }

    public static string ZoneLabel(HolidayZone zone) => Calendar.FrenchTimeZones.Label(zone);

    public static string KindLabel(SiteKind kind) => SiteKinds.Label(kind);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Préfectures et sites";
        Prefectures = await db.Prefectures.AsNoTracking().Include(p => p.Sites).OrderBy(p => p.DepartementCode).ToListAsync(cancellationToken);
    }
}
