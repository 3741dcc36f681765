using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>One préfecture: its code, names and zone, and the list of its sites to change or retire.</summary>
public class PrefecturesModifierModel(AppDbContext db, StaffUser staff, PrefectureAdministration administration) : StaffPageModel
{
    public Prefecture Prefecture { get; private set; } = null!;

    /// <summary>Bound from the form's own field names (DepartementCode, Name…).</summary>
    [BindProperty] public PrefectureInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "enregistre")] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new PrefectureInput { DepartementCode = Prefecture.DepartementCode, Name = Prefecture.Name, DisplayName = Prefecture.DisplayName, HolidayZone = Prefecture.HolidayZone };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await administration.UpdatePrefectureAsync(id, Input, new AuditActor(staff.Id, staff.Email), cancellationToken);
        switch (result)
        {
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Invalid invalid:
                await LoadAsync(id, cancellationToken);
                return Invalid(invalid.Errors);
            default:
                return RedirectToPage(new { id, enregistre = true });
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var prefecture = await db.Prefectures.AsNoTracking().Include(p => p.Sites).ThenInclude(s => s.FormerCodes).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (prefecture is null)
        {
            return false;
        }

        Prefecture = prefecture;
        ViewData["Title"] = $"Modifier la {char.ToLowerInvariant(prefecture.DisplayName[0])}{prefecture.DisplayName[1..]}";
        return true;
    }
}
