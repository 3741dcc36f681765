using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>One site: its name, kind and public code (old codes keep redirecting), and its closing.</summary>
public class PrefecturesSiteModel(AppDbContext db, StaffUser staff, PrefectureAdministration administration) : StaffPageModel
{
    public Site Site { get; private set; } = null!;

    /// <summary>Bound from the form's own field names (SiteName, SiteCode, SiteKind).</summary>
    [BindProperty] public SiteEditInput Input { get; set; } = new();

    /// <summary>Bound from the closing form's field (RetirementMessage).</summary>
    [BindProperty] public SiteRetirementInput Retirement { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "enregistre")] public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new SiteEditInput { SiteName = Site.Name, SiteCode = Site.PublicCode, SiteKind = Site.Kind };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await administration.UpdateSiteAsync(id, Input, Actor, cancellationToken), keepInput: true, cancellationToken);

    public async Task<IActionResult> OnPostFermerAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await administration.RetireSiteAsync(id, Retirement, Actor, cancellationToken), keepInput: false, cancellationToken);

    public async Task<IActionResult> OnPostRouvrirAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, await administration.ReopenSiteAsync(id, Actor, cancellationToken), keepInput: false, cancellationToken);

    private AuditActor Actor => new(staff.Id, staff.Email);

    private async Task<IActionResult> ShowAsync(int id, ChangeResult result, bool keepInput, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Invalid invalid:
                await LoadAsync(id, cancellationToken);
                if (!keepInput)
                {
                    Input = new SiteEditInput { SiteName = Site.Name, SiteCode = Site.PublicCode, SiteKind = Site.Kind };
                }

                return Invalid(invalid.Errors);
            default:
                return RedirectToPage(new { id, enregistre = true });
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var site = await db.Sites.AsNoTracking().Include(s => s.Prefecture).Include(s => s.FormerCodes).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (site is null)
        {
            return false;
        }

        Site = site;
        ViewData["Title"] = $"Site {site.Name}";
        return true;
    }
}
