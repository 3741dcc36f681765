using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Register;

namespace VoixUsager.Web.Pages.Suggestions;

/// <summary>
/// The public form for a written suggestion or complaint to one préfecture (or one of its sites). No
/// account; contact details only when the person wants an answer.
/// </summary>
[EnableRateLimiting(Hosting.SurveyRateLimiting.Policy)]
public class IndexModel(AppDbContext db, RegisterService register, Microsoft.Extensions.Options.IOptions<Jobs.RetentionOptions> retention) : PageModel
{
    public int ContactMonths => retention.Value.CaseContactMonths;

    public PublicRegisterLookup.Target Target { get; private set; } = null!;

    public PublicCaseInput Input { get; private set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Where the request body may be as large as an attachment (read before routing, by the body limit).</summary>
    public const string UploadPathPrefix = "/suggestions-reclamations";

    /// <summary>A file was sent with a form refused for another reason: the browser will not send it again by itself.</summary>
    public bool AttachmentDropped { get; private set; }

    public int TextMaxLength => ColumnLengthAttribute.MaxLengthOf(typeof(RegisterCase), nameof(RegisterCase.Text));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await PublicRegisterLookup.FindAsync(db, code, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        Target = target;
        Input = new PublicCaseInput { SiteId = target.SiteId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromForm] PublicCaseInput input, IFormFile? attachment, CancellationToken cancellationToken)
    {
        if (await PublicRegisterLookup.FindAsync(db, code, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        Target = target;
        Input = input;
        var upload = Hosting.AttachmentUploads.From(attachment);
        var result = await register.SubmitPublicAsync(target.PrefectureId, input, upload, cancellationToken);
        if (result is ChangeResult.Done done)
        {
            var receivedOn = await db.RegisterCases.Where(c => c.Id == done.Id).Select(c => c.ReceivedOn).SingleAsync(cancellationToken);
            return RedirectToPage("Merci", new { code, reference = RegisterCase.FormatReference(receivedOn.Year, done.Id) });
        }

        AttachmentDropped = upload is not null;
        foreach (var (field, message) in ((ChangeResult.Invalid)result).Errors)
        {
            Errors[field] = message;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
