using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Register;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite;

/// <summary>The préfecture's services that own suggestions, complaints and actions, and the register's deadlines.</summary>
public class ServicesModel(AppDbContext db, OwnerServiceAdministration services, StaffUser staff) : StaffPageModel
{
    public IReadOnlyList<OwnerServiceAdministration.ServiceRow> Services { get; private set; } = [];

    [BindProperty]
    public OwnerServiceInput NewService { get; set; } = new();

    [BindProperty]
    public RegisterDeadlinesInput Deadlines { get; set; } = new();

    public string? Done { get; private set; }

    /// <summary>The row whose rename was refused, to show its message beside it.</summary>
    public int? RefusedRow { get; private set; }

    public string? RefusedName { get; private set; }

    private int PrefectureId => staff.PrefectureId!.Value;

    private Mystery.AuditActor Actor => new(staff.Id, staff.Email);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(loadDeadlines: true, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await services.CreateAsync(PrefectureId, NewService, Actor, cancellationToken);
        return await AnswerAsync(result, "Service ajouté.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(int? id, [FromForm(Name = "ServiceName")] string? serviceName, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return await RefuseAsync("Choisissez le service à renommer.", cancellationToken);
        }

        var result = await services.RenameAsync(PrefectureId, id.Value, new OwnerServiceInput { ServiceName = serviceName }, Actor, cancellationToken);
        if (result is ChangeResult.Invalid)
        {
            RefusedRow = id;
            RefusedName = serviceName;
        }

        return await AnswerAsync(result, "Service renommé.", cancellationToken, renamed: true);
    }

    public async Task<IActionResult> OnPostRetireAsync(int? id, CancellationToken cancellationToken) =>
        id is null ? await RefuseAsync("Choisissez le service à retirer.", cancellationToken)
            : await AnswerAsync(await services.SetActiveAsync(PrefectureId, id.Value, false, Actor, cancellationToken), "Service retiré : il n’est plus proposé pour de nouveaux dossiers.", cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(int? id, CancellationToken cancellationToken) =>
        id is null ? await RefuseAsync("Choisissez le service à rétablir.", cancellationToken)
            : await AnswerAsync(await services.SetActiveAsync(PrefectureId, id.Value, true, Actor, cancellationToken), "Service rétabli.", cancellationToken);

    public async Task<IActionResult> OnPostDeadlinesAsync(CancellationToken cancellationToken)
    {
        var result = await services.UpdateDeadlinesAsync(PrefectureId, Deadlines, Actor, cancellationToken);
        if (result is ChangeResult.Invalid invalid)
        {
            await LoadAsync(loadDeadlines: false, cancellationToken);
            return Invalid(invalid.Errors.ToDictionary(e => "Deadlines." + e.Key, e => e.Value));
        }

        return await AnswerAsync(result, "Délais enregistrés.", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(ChangeResult result, string done, CancellationToken cancellationToken, bool renamed = false)
    {
        switch (result)
        {
            case ChangeResult.Done:
                TempData["Done"] = done;
                return RedirectToPage();
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Forbidden:
                return Forbid();
            case ChangeResult.Invalid invalid:
                await LoadAsync(loadDeadlines: true, cancellationToken);
                return Invalid(renamed
                    ? invalid.Errors.ToDictionary(e => e.Key == nameof(OwnerServiceInput.ServiceName) ? $"Rename-{RefusedRow}" : e.Key, e => e.Value)
                    : invalid.Errors.ToDictionary(e => "NewService." + e.Key, e => e.Value));
            default:
                throw new InvalidOperationException(result.ToString());
        }
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        await LoadAsync(loadDeadlines: true, cancellationToken);
        return Invalid(new Dictionary<string, string> { [""] = message });
    }

    private async Task LoadAsync(bool loadDeadlines, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Services et délais";
        Done = TempData["Done"] as string;
        Services = await services.ListAsync(PrefectureId, activeOnly: false, cancellationToken);
        if (loadDeadlines)
        {
            var prefecture = await db.Prefectures.AsNoTracking().SingleAsync(p => p.Id == PrefectureId, cancellationToken);
            Deadlines = new RegisterDeadlinesInput
            {
                CaseDeadlineWorkingDays = prefecture.CaseDeadlineWorkingDays,
                AcknowledgementDeadlineWorkingDays = prefecture.AcknowledgementDeadlineWorkingDays,
            };
        }
    }
}
