using Microsoft.AspNetCore.Mvc;
using VoixUsager.ActionPlan;
using VoixUsager.Register;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre.Plan;

/// <summary>A new action typed by the quality team: free, or from an audit finding or a survey result.</summary>
public class NouvelleModel(ActionPlanService plan, OwnerServiceAdministration services, StaffUser staff) : StaffPageModel
{
    [BindProperty]
    public ActionInput Edit { get; set; } = new();

    public IReadOnlyList<ModuleChoice> Modules { get; private set; } = [];

    public IReadOnlyList<OwnerServiceAdministration.ServiceRow> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (staff.RegisterActor is not { IsQualityTeam: true } actor)
        {
            return Forbid();
        }

        await LoadAsync(actor, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (staff.RegisterActor is not { IsQualityTeam: true } actor)
        {
            return Forbid();
        }

        switch (await plan.CreateAsync(actor, Edit, ActionOrigin.Free, null, cancellationToken))
        {
            case ChangeResult.Done done:
                TempData["Done"] = "Action ajoutée au plan.";
                return RedirectToPage("/Registre/Plan/Action", new { id = done.Id });
            case ChangeResult.Invalid invalid:
                await LoadAsync(actor, cancellationToken);
                return Invalid(invalid.Errors.ToDictionary(e => "Edit." + e.Key, e => e.Value));
            default:
                return Forbid();
        }
    }

    private async Task LoadAsync(RegisterActor actor, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Nouvelle action";
        Modules = await plan.ModulesAsync(cancellationToken);
        Services = await services.ListAsync(actor.PrefectureId, activeOnly: true, cancellationToken);
    }
}
