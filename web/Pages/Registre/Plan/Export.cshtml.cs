using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.ActionPlan;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Reporting;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre.Plan;

/// <summary>The plan, with the page's filters, as the CLU's annex in XLSX.</summary>
public class ExportModel(AppDbContext db, ActionPlanService plan, StaffUser staff, FranceClock clock) : StaffPageModel
{
    [BindProperty(SupportsGet = true, Name = "module")]
    public string? ModuleFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "service")]
    public string? ServiceFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "origine")]
    public string? OriginFilter { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (staff.RegisterActor is not { } actor)
        {
            return Forbid();
        }

        var errors = new Dictionary<string, string>();
        var filter = IndexModel.ParseFilter(ModuleFilter, StatusFilter, ServiceFilter, OriginFilter, errors);
        if (errors.Count > 0)
        {
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Filtre non valide", Detail = string.Join(" ", errors.Values) }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var rows = await plan.ListAsync(actor, filter, cancellationToken);
        var progress = await plan.ProgressAsync(actor, filter, cancellationToken);
        var prefecture = await db.Prefectures.AsNoTracking().Where(p => p.Id == actor.PrefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var words = new List<string>();
        if (filter.CrossCuttingOnly)
        {
            words.Add("Module : " + ActionPlanLabels.CrossCutting);
        }
        else if (filter.ModuleId is { } moduleId)
        {
            words.Add("Module : " + await db.QualModules.Where(m => m.Id == moduleId).Select(m => "Module " + m.Number + " – " + m.Name).SingleOrDefaultAsync(cancellationToken));
        }

        if (filter.Status is { } status)
        {
            words.Add("Statut : " + ActionPlanLabels.Status(status));
        }

        if (filter.OwnerServiceId is { } serviceId)
        {
            words.Add("Service : " + await db.OwnerServices.Where(s => s.Id == serviceId && s.PrefectureId == actor.PrefectureId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken));
        }
        else if (actor.OwnerServiceId is { } own)
        {
            words.Add("Service : " + await db.OwnerServices.Where(s => s.Id == own).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken));
        }

        if (filter.Origin is { } origin)
        {
            words.Add("Origine : " + ActionPlanLabels.Origin(origin));
        }

        var now = FrenchTimeZones.UtcToParis(clock.UtcNow);
        var bytes = ActionPlanWorkbook.Build(prefecture, words.Count == 0 ? "Aucun : tout le plan" : string.Join(" ; ", words), now, progress, rows);
        return File(bytes, XlsxWorkbook.ContentType, $"plan-actions-{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }
}
