using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Jobs;
using VoixUsager.Mystery;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>One CLU: its members, a preview of the summary, "send it to me now", and each recipient's delivery.</summary>
public partial class CluDetailModel(AppDbContext db, StaffUser staff, CluSummaryJob summary, IEmailSender email, CluService clus, FranceClock clock, ActionPlan.ActionPlanService plan) : ResultsPageModel(db, staff)
{
    /// <summary>What the committee decided; recorded by the préfecture's own quality team.</summary>
    public IReadOnlyList<ActionPlan.ActionPlanService.DecisionRow> Decisions { get; private set; } = [];

    public bool MayRecordDecisions { get; private set; }

    public string? DecisionText { get; private set; }

    /// <summary>Records a decision, as a note or as an action of the plan opened for the team to complete.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(int id, string? decisionText, bool asAction, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Staff.RegisterActor is not { IsQualityTeam: true } actor)
        {
            return Forbid();
        }

        switch (await plan.AddDecisionAsync(actor, id, decisionText, asAction, cancellationToken))
        {
            case ChangeResult.Done done when done.Id != 0:
                return RedirectToPage("/Registre/Plan/Action", new { id = done.Id });
            case ChangeResult.Done:
                return RedirectToPage(PrefectureRoute(new { id }));
            case ChangeResult.Invalid invalid:
                DecisionText = decisionText;
                return Invalid(invalid.Errors);
            case ChangeResult.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    /// <summary>The audit action of a "send it to me now": the delivery table lists these copies from it.</summary>
    public const string SentToSelfAction = "clu.synthese-envoyee-a-soi";

    public CluMeeting Clu { get; private set; } = null!;

    /// <summary>The copies staff sent themselves, newest first: who, when, and the Message-ID.</summary>
    public IReadOnlyList<(string? Email, DateTime AtUtc, string? MessageId)> Copies { get; private set; } = [];

    public string Schedule { get; private set; } = "";

    public CluDeliveryState StateOf(CluDelivery? delivery) => CluDeliveryProgress.Describe(delivery, clock.UtcNow, summary.StallAfter);

    public IReadOnlyList<(string Address, string? Name)> Recipients { get; private set; } = [];

    /// <summary>The address of the summary's preview, shown in a sandboxed frame; null until asked for.</summary>
    public string? PreviewUrl { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Why the members can no longer change (summary sent, meeting over); null while they can.</summary>
    public string? MembersClosed { get; private set; }

    /// <summary>Bound from the form's own field names (MemberName…).</summary>
    [BindProperty] public CluMemberInput NewMember { get; set; } = new();

    public string? MemberName => NewMember.MemberName;
    public string? MemberOrganisation => NewMember.MemberOrganisation;
    public string? MemberEmail => NewMember.MemberEmail;
    public bool MemberReceivesSummary => NewMember.MemberReceivesSummary;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] bool apercu, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Ticked until unticked: a new member usually receives the summary.
        NewMember.MemberReceivesSummary = true;
        if (apercu)
        {
            PreviewUrl = Url.Page("/Resultats/CluDetail", "Apercu", PrefectureRoute(new { id }));
        }

        Message = Request.Query["envoye"] == "1" ? "La synthèse vous a été envoyée." : Request.Query["membre"] == "1" ? "Membre ajouté."
            : Request.Query["membreModifie"] == "1" ? "Membre modifié."
            : Request.Query["invitation"] == "1" ? "L’invitation part vers les membres qui ne l’ont pas encore reçue ; l’état de chaque envoi s’affiche dans la liste des présences."
            : Request.Query["invitation"] == "2" ? "L’invitation mise à jour part vers tous les membres ; leur agenda remplacera l’événement déjà reçu. L’état de chaque envoi s’affiche dans la liste des présences." : null;
        return Page();
    }

    /// <summary>
    /// The summary email as it would be sent now, alone, for the page's sandboxed frame: its inline
    /// styles are allowed by a policy of its own, which the page's policy (no inline style) would block.
    /// </summary>
    public async Task<IActionResult> OnGetApercuAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var html = CluSummary.HtmlWithInlineImages(await summary.PreviewAsync(id, cancellationToken));
        VoixUsager.Web.Hosting.SecurityHeaders.ForFramedDocument(Response, html);
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostMemberAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (MembersClosed is not null)
        {
            Errors[""] = MembersClosed;
            return Invalid(StatusCodes.Status409Conflict);
        }

        var result = await clus.AddMemberAsync(id, NewMember, new AuditActor(Staff.Id, Staff.Email), cancellationToken);
        return result is ChangeResult.Invalid invalid
            ? Invalid(invalid.Errors)
            : RedirectToPage(PrefectureRoute(new { id, membre = 1 }));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (MembersClosed is not null)
        {
            Errors[""] = MembersClosed;
            return Invalid(StatusCodes.Status409Conflict);
        }

        return await clus.RemoveMemberAsync(id, memberId, new AuditActor(Staff.Id, Staff.Email), cancellationToken) switch
        {
            ChangeResult.Done => RedirectToPage(PrefectureRoute(new { id })),
            ChangeResult.Invalid invalid => Invalid(invalid.Errors, StatusCodes.Status409Conflict),
            _ => NotFound(),
        };
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
        return RedirectToPage(PrefectureRoute(new { id, envoye = 1 }));
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
        MembersClosed = await clus.MembersClosedReasonAsync(clu, cancellationToken);
        Decisions = await plan.DecisionsAsync(id, cancellationToken);
        await LoadMeetingKitAsync(clu, cancellationToken);
        MayRecordDecisions = Staff.RegisterActor is { IsQualityTeam: true } actor && actor.PrefectureId == clu.PrefectureId;
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
