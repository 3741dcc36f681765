using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Jobs;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>One CLU: its members, a preview of the summary, "send it to me now", and each recipient's delivery.</summary>
public class CluDetailModel(AppDbContext db, StaffUser staff, CluSummaryJob summary, IEmailSender email, FranceClock clock) : ResultsPageModel(db, staff)
{
    /// <summary>The audit action of a "send it to me now": the delivery table lists these copies from it.</summary>
    public const string SentToSelfAction = "clu.synthese-envoyee-a-soi";

    public CluMeeting Clu { get; private set; } = null!;

    /// <summary>The copies staff sent themselves, newest first: who, when, and the Message-ID.</summary>
    public IReadOnlyList<(string? Email, DateTime AtUtc, string? MessageId)> Copies { get; private set; } = [];

    public string Schedule { get; private set; } = "";

    public CluDeliveryState StateOf(CluDelivery? delivery) => CluDeliveryProgress.Describe(delivery, clock.UtcNow, summary.StallAfter);

    public IReadOnlyList<(string Address, string? Name)> Recipients { get; private set; } = [];

    public string? Preview { get; private set; }

    public string? Message { get; private set; }

    [BindProperty] public string MemberName { get; set; } = "";
    [BindProperty] public string? MemberOrganisation { get; set; }
    [BindProperty] public string MemberEmail { get; set; } = "";
    [BindProperty] public bool MemberReceivesSummary { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] bool apercu, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (apercu)
        {
            var content = await summary.PreviewAsync(id, cancellationToken);
            // The inline images become data URIs so the browser shows the message as mail clients will.
            Preview = content.Images.Aggregate(content.Html, (html, image) =>
                html.Replace($"cid:{image.ContentId}", $"data:{image.ContentType};base64,{Convert.ToBase64String(image.Content)}", StringComparison.Ordinal));
            var start = Preview.IndexOf("<body", StringComparison.Ordinal);
            start = Preview.IndexOf('>', start) + 1;
            Preview = Preview[start..Preview.LastIndexOf("</body>", StringComparison.Ordinal)];
        }

        Message = Request.Query["envoye"] == "1" ? "La synthèse vous a été envoyée." : Request.Query["membre"] == "1" ? "Membre ajouté." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (MemberName.Trim().Length is 0 or > 200)
        {
            Errors["MemberName"] = "Indiquez le nom du membre (200 caractères au plus).";
        }

        if (!System.Net.Mail.MailAddress.TryCreate(MemberEmail.Trim(), out _) || MemberEmail.Length > 256)
        {
            Errors["MemberEmail"] = "Indiquez une adresse électronique valide.";
        }
        else if (Clu.Members.Any(m => string.Equals(m.Email, MemberEmail.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Errors["MemberEmail"] = "Ce membre est déjà inscrit.";
        }

        if (MemberOrganisation is { Length: > 200 })
        {
            Errors["MemberOrganisation"] = "L’organisme compte 200 caractères au plus.";
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        Db.CluMembers.Add(new CluMember { CluMeetingId = id, Name = MemberName.Trim(), Organisation = string.IsNullOrWhiteSpace(MemberOrganisation) ? null : MemberOrganisation.Trim(), Email = MemberEmail.Trim(), ReceivesSummary = MemberReceivesSummary });
        Staff.Audit(Db, "clu.membre-ajoute", nameof(CluMeeting), id, PrefectureId, MemberEmail.Trim());
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/resultats/clu/{id}?{(PrefectureQuery.Length > 0 ? PrefectureQuery + "&" : "")}membre=1");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var member = Clu.Members.FirstOrDefault(m => m.Id == memberId);
        if (member is null)
        {
            return NotFound();
        }

        Db.CluMembers.Remove(member);
        Staff.Audit(Db, "clu.membre-retire", nameof(CluMeeting), id, PrefectureId, member.Email);
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/resultats/clu/{id}{(PrefectureQuery.Length > 0 ? "?" + PrefectureQuery : "")}");
    }

    /// <summary>Sends the summary as it stands now to the signed-in person only; it counts as no delivery.</summary>
    public async Task<IActionResult> OnPostSendToMeAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var content = await summary.PreviewAsync(id, cancellationToken);
        IReadOnlyList<SentEmail> sent;
        try
        {
            sent = await email.SendAsync([CluSummary.For(content, Staff.Email, Staff.DisplayName)], cancellationToken);
        }
        catch (EmailDeliveryException exception)
        {
            Errors[""] = $"La synthèse n’a pas pu être envoyée : {exception.Message}";
            return Invalid(StatusCodes.Status502BadGateway);
        }

        Staff.Audit(Db, SentToSelfAction, nameof(CluMeeting), id, PrefectureId, sent[0].MessageId);
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/resultats/clu/{id}?{(PrefectureQuery.Length > 0 ? PrefectureQuery + "&" : "")}envoye=1");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Comité local des usagers";
        var clu = await Db.CluMeetings.Include(c => c.Members).Include(c => c.Deliveries).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clu is null)
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
        Recipients = await summary.RecipientsAsync(clu, cancellationToken);
        Schedule = CluSummarySchedule.Describe(clu, Recipients.Count, clock.UtcNow);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Copies = (await Db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == SentToSelfAction && a.EntityType == nameof(CluMeeting) && a.EntityId == entityId)
                .OrderByDescending(a => a.AtUtc)
                .Select(a => new { a.UserEmail, a.AtUtc, a.Details })
                .ToListAsync(cancellationToken))
            .Select(a => (a.UserEmail, a.AtUtc, a.Details))
            .ToList();
        return null;
    }
}
