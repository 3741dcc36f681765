using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>Corrects one member of a CLU: the presence list and the minutes name members as typed here.</summary>
public class CluMembreModel(AppDbContext db, StaffUser staff, CluService clus) : ResultsPageModel(db, staff)
{
    public CluMeeting Clu { get; private set; } = null!;

    public CluMember Member { get; private set; } = null!;

    /// <summary>Why the address and the summary choice can no longer change; null while they can.</summary>
    public string? ContactClosed { get; private set; }

    [BindProperty] public CluMemberInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, memberId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new CluMemberInput
        {
            MemberName = Member.Name,
            MemberOrganisation = Member.Organisation,
            MemberEmail = Member.Email,
            MemberFunction = Member.Function,
            MemberSite = Member.Site,
            MemberReceivesSummary = Member.ReceivesSummary,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, memberId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await clus.UpdateMemberAsync(id, memberId, Input, new AuditActor(Staff.Id, Staff.Email), cancellationToken) switch
        {
            ChangeResult.Invalid invalid => Invalid(invalid.Errors, invalid.Errors.ContainsKey("") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest),
            ChangeResult.NotFound => NotFound(),
            _ => RedirectToPage("/Resultats/CluDetail", PrefectureRoute(new { id, membreModifie = 1 })),
        };
    }

    private async Task<IActionResult?> LoadAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Modifier un membre du comité";
        var clu = await Db.CluMeetings.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var member = clu?.Members.SingleOrDefault(m => m.Id == memberId);
        if (clu is null || member is null)
        {
            return NotFound();
        }

        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Staff.IsAdministrateur && clu.PrefectureId != PrefectureId)
        {
            return Forbid();
        }

        Clu = clu;
        Member = member;
        ContactClosed = await clus.MembersClosedReasonAsync(clu, cancellationToken);
        return null;
    }
}
