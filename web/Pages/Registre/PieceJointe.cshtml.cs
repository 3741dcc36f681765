using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Register;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre;

/// <summary>
/// A case's scanned attachment, only ever as a download: a file from the public that a browser rendered
/// inline could run as part of the site.
/// </summary>
public class PieceJointeModel(AppDbContext db, RegisterService register, StaffUser staff) : RegisterPageModel(staff)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (found, refusal) = await register.FindAsync(Actor, id, cancellationToken);
        if (found is null)
        {
            return Refusal(refusal!);
        }

        var attachment = await db.RegisterAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        // FileContentResult with a download name writes Content-Disposition: attachment.
        return File(attachment.Content, attachment.ContentType, attachment.FileName);
    }
}
