using Microsoft.AspNetCore.Mvc;
using VoixUsager.Clu;
using VoixUsager.Jobs;
using VoixUsager.Mystery;
using VoixUsager.Data;
using Hangfire;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// Before and after the meeting: its time and video link, the agenda, the invitation and the members'
/// answers, the documents sent with it and the signed minutes. The services are taken per handler so
/// that this part of the page adds nothing to the page's constructor.
/// </summary>
public partial class CluDetailModel
{
    public IReadOnlyList<CluAgendaItem> Agenda { get; private set; } = [];

    public IReadOnlyList<(int Id, CluDocumentKind Kind, string FileName, int Length, DateTime UploadedAtUtc)> Documents { get; private set; } = [];

    /// <summary>Each member's latest invitation (the current version's, else the one before).</summary>
    public IReadOnlyList<CluInvitationDelivery> Invitations { get; private set; } = [];

    /// <summary>The invitation went out at least once in its current version: an updated one may follow.</summary>
    public bool InvitationSent { get; private set; }

    /// <summary>Why the invitation cannot go now; null when the button sends it.</summary>
    public string? InvitationRefusal { get; private set; }

    /// <summary>The schedule form's values: what was typed when refused, the stored ones otherwise.</summary>
    public CluScheduleInput ScheduleForm { get; private set; } = new();

    public CluAgendaInput AgendaForm { get; private set; } = new();

    /// <summary>A member's refused answer, to show again in that member's row.</summary>
    public (int MemberId, CluAttendanceInput Input)? AttendanceForm { get; private set; }

    public bool AgendaClosed { get; private set; }

    /// <summary>The signed minutes are taken from the meeting's day on.</summary>
    public bool MinutesOpen { get; private set; }

    private CluMeetingKitService Kit => HttpContext.RequestServices.GetRequiredService<CluMeetingKitService>();

    private DateOnly Today => HttpContext.RequestServices.GetRequiredService<FranceClock>().Today;

    private AuditActor Actor => new(Staff.Id, Staff.Email);

    private async Task LoadMeetingKitAsync(CluMeeting clu, CancellationToken cancellationToken)
    {
        Agenda = await Kit.AgendaAsync(clu.Id, cancellationToken);
        Documents = await Kit.DocumentsAsync(clu.Id, cancellationToken);
        Invitations = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                Db.CluInvitationDeliveries.Where(d => d.CluMeetingId == clu.Id), cancellationToken))
            .GroupBy(d => d.CluMemberId)
            .Select(g => g.OrderByDescending(d => d.Sequence).First())
            .ToList();
        InvitationSent = Invitations.Any(d => d.Sequence == clu.InvitationSequence && d.Status == DeliveryStatus.Envoye);
        InvitationRefusal = CluInvitationJob.RefusalReason(clu, clu.Members.Count, Today);
        AgendaClosed = clu.MeetingOn < Today;
        MinutesOpen = clu.MeetingOn <= Today;
        ScheduleForm = new CluScheduleInput
        {
            StartsAt = clu.StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            DurationMinutes = clu.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            VideoLink = clu.VideoLink,
        };
    }

    /// <summary>True for the posts that carry a file, which the request body limit lets be as large as one.</summary>
    public static bool IsUpload(HttpRequest request) =>
        request.Path.StartsWithSegments("/resultats/clu", StringComparison.OrdinalIgnoreCase)
        && request.Query["handler"].ToString() is var handler
        && (handler.Equals("Piece", StringComparison.OrdinalIgnoreCase) || handler.Equals("ProcesVerbal", StringComparison.OrdinalIgnoreCase));

    private IActionResult Answer(ChangeResult result, int id, string fragment, int invalidStatus = StatusCodes.Status400BadRequest) => result switch
    {
        ChangeResult.Done => RedirectToPage(null, null, PrefectureRoute(new { id }), fragment),
        ChangeResult.Invalid invalid => Invalid(invalid.Errors, invalidStatus),
        _ => NotFound(),
    };

    public async Task<IActionResult> OnPostHoraireAsync(int id, CluScheduleInput schedule, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await Kit.UpdateScheduleAsync(id, schedule, Actor, cancellationToken);
        if (result is ChangeResult.Invalid)
        {
            ScheduleForm = schedule;
        }

        return Answer(result, id, "reunion");
    }

    public async Task<IActionResult> OnPostOrdreDuJourAsync(int id, CluAgendaInput agenda, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await Kit.AddAgendaItemAsync(id, agenda, Actor, cancellationToken);
        if (result is ChangeResult.Invalid)
        {
            AgendaForm = agenda;
        }

        return Answer(result, id, "ordre-du-jour");
    }

    public async Task<IActionResult> OnPostRetirerPointAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Answer(await Kit.RemoveAgendaItemAsync(id, itemId, Actor, cancellationToken), id, "ordre-du-jour", StatusCodes.Status409Conflict);
    }

    /// <summary>Moves an agenda item one step; <paramref name="sens"/> is "haut" or "bas".</summary>
    public async Task<IActionResult> OnPostDeplacerPointAsync(int id, int itemId, string? sens, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (sens is not ("haut" or "bas"))
        {
            Errors[""] = "Choisissez de monter ou de descendre le point de l’ordre du jour.";
            return Invalid();
        }

        return Answer(await Kit.MoveAgendaItemAsync(id, itemId, sens == "haut", Actor, cancellationToken), id, "ordre-du-jour", StatusCodes.Status409Conflict);
    }

    /// <summary>The input is not named "attendance": the binder would take its "Attendance" field for the input's prefix.</summary>
    public async Task<IActionResult> OnPostPresenceAsync(int id, int memberId, CluAttendanceInput answer, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await Kit.SetAttendanceAsync(id, memberId, answer, Actor, cancellationToken);
        if (result is ChangeResult.Invalid)
        {
            AttendanceForm = (memberId, answer);
        }

        return Answer(result, id, "presences");
    }

    /// <summary>Queues the invitation for every member who has not received it yet.</summary>
    public async Task<IActionResult> OnPostInvitationAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (InvitationRefusal is not null)
        {
            Errors[""] = InvitationRefusal;
            return Invalid(StatusCodes.Status409Conflict);
        }

        HttpContext.RequestServices.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<CluInvitationJob>(job => job.RunAsync(id, CancellationToken.None));
        Staff.Audit(Db, "clu.invitation-demandee", nameof(CluMeeting), id, PrefectureId, $"{Clu.Members.Count} membre(s)");
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(null, null, PrefectureRoute(new { id, invitation = 1 }), "presences");
    }

    /// <summary>Makes an updated invitation current and queues it for every member (see <see cref="CluMeetingKitService.UpdateInvitationAsync"/>).</summary>
    public async Task<IActionResult> OnPostInvitationMiseAJourAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await Kit.UpdateInvitationAsync(id, Actor, cancellationToken);
        if (result is ChangeResult.Done)
        {
            HttpContext.RequestServices.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<CluInvitationJob>(job => job.RunAsync(id, CancellationToken.None));
            return RedirectToPage(null, null, PrefectureRoute(new { id, invitation = 2 }), "presences");
        }

        return Answer(result, id, "presences", StatusCodes.Status409Conflict);
    }

    public async Task<IActionResult> OnPostPieceAsync(int id, IFormFile? piece, string? destination, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        CluDocumentKind? kind = destination?.Trim() switch
        {
            null or "" or "invitation" => CluDocumentKind.Piece,
            "synthese" => CluDocumentKind.PieceSynthese,
            _ => null,
        };
        if (kind is null)
        {
            Errors["Destination"] = "Choisissez de joindre le document à l’invitation ou à la synthèse.";
            return Invalid();
        }

        return Answer(await Kit.AddDocumentAsync(id, kind.Value, AttachmentUploads.From(piece), Actor, cancellationToken), id, "pieces");
    }

    public async Task<IActionResult> OnPostProcesVerbalAsync(int id, IFormFile? procesVerbal, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Answer(await Kit.AddDocumentAsync(id, CluDocumentKind.ProcesVerbalSigne, AttachmentUploads.From(procesVerbal), Actor, cancellationToken), id, "proces-verbal");
    }

    public async Task<IActionResult> OnPostSupprimerDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Answer(await Kit.DeleteDocumentAsync(id, documentId, Actor, cancellationToken), id, "pieces");
    }

    /// <summary>A document of this CLU, as a download only (never shown inline), to its préfecture's staff.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await Kit.DocumentAsync(id, documentId, cancellationToken) is { } document
            ? File(document.Content, document.ContentType, document.FileName)
            : NotFound();
    }
}
