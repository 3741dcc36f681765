using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Qualite;

/// <summary>The audit log of the quality team's préfecture, newest first, a page at a time, in words.</summary>
public class JournalModel(AppDbContext db, StaffUser staff, Microsoft.Extensions.Options.IOptions<VoixUsager.Jobs.RetentionOptions> retention) : PageModel
{
    public const int PageSize = 50;

    /// <summary>
    /// Who did it, as the évalué may see it: mystery shopping works because the évalué does not know
    /// who calls, so staff of another préfecture (the partner référents) are never named here.
    /// </summary>
    public const string PartnerAgent = "Référent d’une préfecture partenaire";

    public const string AutomaticAgent = "VoixUsager (envoi automatique)";

    public sealed record Row(DateTime AtUtc, string Agent, string Action, string Element, string? Details);

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    /// <summary>How long entries are kept: the retention job's own setting, so the page says what it does.</summary>
    public int KeptMonths => retention.Value.AuditMonths;

    public string? PageNumberError { get; private set; }

    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Journal des actions";
        if (PageNumberQuery.Read(Request) is not { } number)
        {
            PageNumberError = PageNumberQuery.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = number;

        var prefectureId = staff.PrefectureId;
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.PrefectureId == prefectureId)
            // By date, newest first; entries of the same instant keep the order they were written in.
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNext = entries.Count > PageSize;
        entries = entries.Take(PageSize).ToList();

        var actorIds = entries.Where(e => e.UserId is not null).Select(e => e.UserId!).Distinct().ToList();
        var actorPrefectures = await db.Users.AsNoTracking()
            .Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.PrefectureId, cancellationToken);
        var criteria = entries.Any(e => e.Details?.Contains('=') == true)
            ? await db.GridCriteria.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Label, cancellationToken)
            : [];

        Entries = entries.Select(e => new Row(
                e.AtUtc,
                Agent(e, actorPrefectures, prefectureId),
                AuditLabels.Action(e.Action),
                AuditLabels.Element(e.EntityType, e.EntityId),
                e.Details is null ? null : AuditLabels.Details(e.Details, criteria)))
            .ToList();
        return Page();
    }

    private static string Agent(AuditEntry entry, Dictionary<string, int?> actorPrefectures, int? viewer)
    {
        if (entry.UserId is null)
        {
            return AutomaticAgent;
        }

        // A deleted account is unknown: not being able to tell it was ours, it is not named either.
        return actorPrefectures.TryGetValue(entry.UserId, out var actorPrefecture) && (actorPrefecture is null || actorPrefecture == viewer)
            ? entry.UserEmail ?? ""
            : PartnerAgent;
    }
}
