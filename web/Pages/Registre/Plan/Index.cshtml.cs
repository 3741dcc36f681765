using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.ActionPlan;
using VoixUsager.Register;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre.Plan;

/// <summary>
/// The préfecture's action plan: progress per module and overall as the CLU reads it, late actions
/// first, filters. A service owner sees the plan of their service only.
/// </summary>
public class IndexModel(ActionPlanService plan, OwnerServiceAdministration services, StaffUser staff) : StaffPageModel
{
    public const string CrossCuttingValue = "transversal";

    [BindProperty(SupportsGet = true, Name = "module")]
    public string? ModuleFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "service")]
    public string? ServiceFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "origine")]
    public string? OriginFilter { get; set; }

    public IReadOnlyList<ModuleChoice> Modules { get; private set; } = [];

    public IReadOnlyList<OwnerServiceAdministration.ServiceRow> Services { get; private set; } = [];

    public IReadOnlyList<ActionRow> Rows { get; private set; } = [];

    public PlanProgress Progress { get; private set; } = ActionPlanProgress.Compute([]);

    public bool IsQualityTeam { get; private set; }

    public string? Done { get; private set; }

    public ActionFilter Filter { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Plan d’actions";
        if (staff.RegisterActor is not { } actor)
        {
            return Forbid();
        }

        IsQualityTeam = actor.IsQualityTeam;
        Done = TempData["Done"] as string;
        Modules = await plan.ModulesAsync(cancellationToken);
        Services = await services.ListAsync(actor.PrefectureId, activeOnly: false, cancellationToken);
        Filter = ParseFilter(ModuleFilter, StatusFilter, ServiceFilter, OriginFilter, Errors);
        if (Errors.Count > 0)
        {
            return Invalid();
        }

        Rows = await plan.ListAsync(actor, Filter, cancellationToken);
        Progress = await plan.ProgressAsync(actor, Filter, cancellationToken);
        return Page();
    }

    /// <summary>The filters from the query string; a value that is not one of the lists' is refused with a message.</summary>
    public static ActionFilter ParseFilter(string? module, string? status, string? service, string? origin, IDictionary<string, string> errors)
    {
        int? moduleId = null;
        var crossCutting = module == CrossCuttingValue;
        if (!string.IsNullOrEmpty(module) && !crossCutting)
        {
            if (int.TryParse(module, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                moduleId = m;
            }
            else
            {
                errors["module"] = "Choisissez un module de la liste.";
            }
        }

        ActionStatus? statusValue = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<ActionStatus>(status, ignoreCase: false, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
            {
                statusValue = s;
            }
            else
            {
                errors["statut"] = "Choisissez un statut de la liste.";
            }
        }

        int? serviceId = null;
        if (!string.IsNullOrEmpty(service))
        {
            if (int.TryParse(service, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                serviceId = v;
            }
            else
            {
                errors["service"] = "Choisissez un service de la liste.";
            }
        }

        ActionOrigin? originValue = null;
        if (!string.IsNullOrEmpty(origin))
        {
            if (Enum.TryParse<ActionOrigin>(origin, ignoreCase: false, out var o) && Enum.IsDefined(o) && !int.TryParse(origin, out _))
            {
                originValue = o;
            }
            else
            {
                errors["origine"] = "Choisissez une origine de la liste.";
            }
        }

        return new ActionFilter(moduleId, crossCutting, statusValue, serviceId, originValue);
    }
}
