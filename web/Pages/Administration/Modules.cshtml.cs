using Microsoft.AspNetCore.Mvc;
using VoixUsager.ActionPlan;
using VoixUsager.Mystery;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>The Qual-e-pref modules and their engagements, which every préfecture's action plan is grouped by.</summary>
public class ModulesModel(ModuleAdministration modules, StaffUser staff) : StaffPageModel
{
    public IReadOnlyList<ModuleAdministration.ModuleRow> Modules { get; private set; } = [];

    [BindProperty]
    public ModuleInput NewModule { get; set; } = new();

    [BindProperty]
    public EngagementInput NewEngagement { get; set; } = new();

    /// <summary>The module whose engagement form was refused, to show its messages beside it.</summary>
    public int? RefusedModule { get; private set; }

    public string? Done { get; private set; }

    private AuditActor Actor => new(staff.Id, staff.Email);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostModuleAsync(CancellationToken cancellationToken) =>
        await AnswerAsync(await modules.SaveModuleAsync(null, NewModule, Actor, cancellationToken), "Module ajouté.", "NewModule.", cancellationToken);

    public async Task<IActionResult> OnPostRetireAsync(int? id, CancellationToken cancellationToken) =>
        id is null ? NotFound() : await AnswerAsync(await modules.SetActiveAsync(id.Value, false, Actor, cancellationToken), "Module retiré : il n’est plus proposé pour de nouvelles actions.", "", cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(int? id, CancellationToken cancellationToken) =>
        id is null ? NotFound() : await AnswerAsync(await modules.SetActiveAsync(id.Value, true, Actor, cancellationToken), "Module rétabli.", "", cancellationToken);

    public async Task<IActionResult> OnPostEngagementAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return NotFound();
        }

        RefusedModule = id;
        return await AnswerAsync(await modules.AddEngagementAsync(id.Value, NewEngagement, Actor, cancellationToken), "Engagement ajouté.", "NewEngagement.", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(ChangeResult result, string done, string prefix, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ChangeResult.Done:
                TempData["Done"] = done;
                return RedirectToPage();
            case ChangeResult.Invalid invalid:
                await LoadAsync(cancellationToken);
                return Invalid(invalid.Errors.ToDictionary(e => prefix + e.Key, e => e.Value));
            case ChangeResult.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Modules Qual-e-pref";
        Done = TempData["Done"] as string;
        Modules = await modules.ListAsync(cancellationToken);
    }
}
