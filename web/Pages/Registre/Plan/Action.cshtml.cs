using Microsoft.AspNetCore.Mvc;
using VoixUsager.ActionPlan;
using VoixUsager.Register;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre.Plan;

/// <summary>
/// One action: where it comes from, its status and history. The quality team changes what it is; its
/// service's owner moves it forward (status, progress notes).
/// </summary>
public class ActionModel(ActionPlanService plan, OwnerServiceAdministration services, RegisterService register, StaffUser staff) : StaffPageModel
{
    public ActionDetail Action { get; private set; } = null!;

    public IReadOnlyList<ModuleChoice> Modules { get; private set; } = [];

    public IReadOnlyList<OwnerServiceAdministration.ServiceRow> Services { get; private set; } = [];

    public bool IsQualityTeam { get; private set; }

    /// <summary>The register case the action came from, when this person may open it.</summary>
    public (int Id, string Reference)? OriginCase { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public ActionInput Edit { get; set; } = new();

    /// <summary>What was typed in a refused status or note form, shown again.</summary>
    public string? TypedReason { get; private set; }

    public string? TypedNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, fillEdit: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Done = TempData["Done"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken cancellationToken)
    {
        if (staff.RegisterActor is not { } actor)
        {
            return Forbid();
        }

        var result = await plan.UpdateAsync(actor, id, Edit, cancellationToken);
        return await AnswerAsync(id, result, "Action enregistrée.", e => "Edit." + e, fillEdit: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, string? status, string? reason, CancellationToken cancellationToken)
    {
        if (staff.RegisterActor is not { } actor)
        {
            return Forbid();
        }

        ActionStatus? next = Enum.TryParse<ActionStatus>(status, out var s) && !int.TryParse(status, out _) ? s : null;
        var result = await plan.ChangeStatusAsync(actor, id, next, reason, cancellationToken);
        TypedReason = reason;
        return await AnswerAsync(id, result, "Statut enregistré.", e => e == "Status" ? "status" : "reason", fillEdit: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, string? note, CancellationToken cancellationToken)
    {
        if (staff.RegisterActor is not { } actor)
        {
            return Forbid();
        }

        var result = await plan.AddNoteAsync(actor, id, note, cancellationToken);
        TypedNote = note;
        return await AnswerAsync(id, result, "Point d’avancement ajouté.", _ => "note", fillEdit: true, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(int id, ChangeResult result, string done, Func<string, string> field, bool fillEdit, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ChangeResult.Done:
                TempData["Done"] = done;
                return RedirectToPage(new { id });
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Forbidden:
                return Forbid();
            case ChangeResult.Invalid invalid:
                if (await LoadAsync(id, fillEdit, cancellationToken) is { } refused)
                {
                    return refused;
                }

                return Invalid(invalid.Errors.ToDictionary(e => field(e.Key), e => e.Value));
            default:
                throw new InvalidOperationException(result.ToString());
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, bool fillEdit, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Action du plan";
        if (staff.RegisterActor is not { } actor)
        {
            return Forbid();
        }

        var (detail, refusal) = await plan.GetAsync(actor, id, cancellationToken);
        switch (refusal)
        {
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Forbidden:
                return Forbid();
        }

        Action = detail!;
        ViewData["Title"] = "Action : " + Action.Title;
        IsQualityTeam = actor.IsQualityTeam;
        if (Action.Origin is ActionOrigin.Complaint or ActionOrigin.RegisterSuggestion && Action.OriginRecordId is { } caseId
            && (await register.FindAsync(actor, (int)caseId, cancellationToken)).Case is { } origin)
        {
            OriginCase = (origin.Id, origin.Reference);
        }

        if (IsQualityTeam)
        {
            Modules = await plan.ModulesAsync(cancellationToken);
            Services = await services.ListAsync(actor.PrefectureId, activeOnly: false, cancellationToken);
        }

        if (fillEdit)
        {
            Edit = new ActionInput
            {
                Title = Action.Title, Description = Action.Description, ModuleId = Action.ModuleId, EngagementId = Action.EngagementId,
                OwnerServiceId = Action.OwnerServiceId, DueDate = Action.DueDate, Origin = Action.Origin,
            };
        }

        return null;
    }
}
