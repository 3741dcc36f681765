using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite;

/// <summary>The audit log of the quality team's préfecture, newest first, a page at a time.</summary>
public class JournalModel(AppDbContext db, StaffUser staff) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Journal des actions";
        if (PageNumber < 1)
        {
            return BadRequest();
        }

        var prefectureId = staff.PrefectureId;
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.PrefectureId == prefectureId)
            .OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNext = entries.Count > PageSize;
        Entries = entries.Take(PageSize).ToList();
        return Page();
    }
}
