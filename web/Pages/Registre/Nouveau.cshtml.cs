using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Register;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre;

/// <summary>The quality team records what came by another channel: a fiche from the urn, a letter, an email, a call.</summary>
public class NouveauModel(AppDbContext db, RegisterService register, StaffUser staff) : RegisterPageModel(staff)
{
    /// <summary>Where the request body may be as large as an attachment (read before routing, by the body limit).</summary>
    public const string UploadPath = "/registre/nouveau";

    public Suggestions.PublicRegisterLookup.Target Target { get; private set; } = null!;

    [BindProperty]
    public StaffCaseInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsQualityTeam)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        Input.ReceivedOn = register.TodayIn(await db.Prefectures.Where(p => p.Id == Actor.PrefectureId).Select(p => p.HolidayZone).SingleAsync(cancellationToken)).ToString("dd/MM/yyyy");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsQualityTeam)
        {
            return Forbid();
        }

        var upload = Hosting.AttachmentUploads.From(Attachment);
        var result = await register.RecordAsync(Actor, Input, upload, cancellationToken);
        if (result is ChangeResult.Done done)
        {
            TempData["Done"] = "Dossier enregistré.";
            return RedirectToPage("/Registre/Dossier", new { id = done.Id });
        }

        if (result is not ChangeResult.Invalid invalid)
        {
            return Refusal(result);
        }

        await LoadAsync(cancellationToken);
        return Invalid(invalid.Errors.ToDictionary(e => e.Key is "" or "Attachment" ? e.Key : "Input." + e.Key, e => e.Value));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Enregistrer une suggestion ou une réclamation";
        var departement = await db.Prefectures.Where(p => p.Id == Actor.PrefectureId).Select(p => p.DepartementCode).SingleAsync(cancellationToken);
        Target = (await Suggestions.PublicRegisterLookup.FindAsync(db, departement, cancellationToken))!;
    }
}
