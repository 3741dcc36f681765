using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.ActionPlan;
using VoixUsager.Data;
using VoixUsager.Register;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre;

/// <summary>One case: the only page that shows the person's contact details; its steps up to the answer.</summary>
public class DossierModel(AppDbContext db, RegisterService register, OwnerServiceAdministration services, ActionFromOrigin fromOrigin, StaffUser staff) : RegisterPageModel(staff)
{
    public RegisterCase Case { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<OwnerServiceAdministration.ServiceRow> Services { get; private set; } = [];

    public (string FileName, int Length)? Attachment { get; private set; }

    /// <summary>The plan action engaged from this case, if any.</summary>
    public ActionFromOrigin.EngagedAction? Engaged { get; private set; }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>Value of the quality team in the service list: a blank post is a mistake, not a choice.</summary>
    public const int QualityTeam = 0;

    public async Task<IActionResult> OnPostAssignAsync(int id, int? ownerServiceId, CancellationToken cancellationToken) =>
        await AnswerAsync(id, ownerServiceId is null
            ? new ChangeResult.Invalid(new Dictionary<string, string> { ["OwnerServiceId"] = "Choisissez un service de la liste, ou l’équipe qualité." })
            : await register.AssignAsync(Actor, id, ownerServiceId == QualityTeam ? null : ownerServiceId, cancellationToken), "Service enregistré.", "", cancellationToken);

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await register.AcknowledgeAsync(Actor, id, cancellationToken), "Accusé de réception enregistré.", "", cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await register.AnswerAsync(Actor, id, Answer, cancellationToken), "Réponse enregistrée.", "Answer.", cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await register.CloseAsync(Actor, id, Close, cancellationToken), "Dossier clos.", "Close.", cancellationToken);

    /// <summary>« Engager une action »: a second click opens the action already engaged.</summary>
    public async Task<IActionResult> OnPostActionAsync(int id, CancellationToken cancellationToken)
    {
        var result = await fromOrigin.FromCaseAsync(Actor, id, cancellationToken);
        if (result is ChangeResult.Done done)
        {
            TempData["Done"] = "Action engagée à partir du dossier : complétez-la (module, échéance) si besoin.";
            return RedirectToPage("/Registre/Plan/Action", new { id = done.Id });
        }

        return await AnswerAsync(id, result, "", "", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(int id, ChangeResult result, string done, string prefix, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ChangeResult.Done:
                TempData["Done"] = done;
                return RedirectToPage(new { id });
            case ChangeResult.Invalid invalid:
                if (await LoadAsync(id, cancellationToken) is { } refusal)
                {
                    return refusal;
                }

                return Invalid(invalid.Errors.ToDictionary(e => e.Key.Length == 0 || e.Key == "OwnerServiceId" ? e.Key : prefix + e.Key, e => e.Value));
            default:
                return Refusal(result);
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (found, refusal) = await register.FindAsync(Actor, id, cancellationToken);
        if (found is null)
        {
            return Refusal(refusal!);
        }

        Case = found;
        ViewData["Title"] = $"Dossier {found.Reference}";
        Today = register.TodayIn(found.Prefecture.HolidayZone);
        Done = TempData["Done"] as string;
        Services = IsQualityTeam ? await services.ListAsync(found.PrefectureId, activeOnly: true, cancellationToken) : [];
        Attachment = await db.RegisterAttachments.Where(a => a.CaseId == id).Select(a => new { a.FileName, a.Content.Length })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } attachment ? (attachment.FileName, attachment.Length) : null;
        Engaged = await fromOrigin.EngagedForCaseAsync(id, cancellationToken);
        return null;
    }
}
