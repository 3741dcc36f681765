using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Mystery;
using VoixUsager.Register;

namespace VoixUsager.Clu;

/// <summary>The meeting's time and video link as typed in the form; the property names are the form's field names.</summary>
public sealed class CluScheduleInput
{
    /// <summary>HH:mm, as a time input posts it.</summary>
    public string? StartsAt { get; set; }

    /// <summary>Typed as text so that "abc" is answered with a message rather than ignored.</summary>
    public string? DurationMinutes { get; set; }

    [ColumnLength(typeof(CluMeeting), nameof(CluMeeting.VideoLink), ErrorMessage = "Le lien de visioconférence compte {1} caractères au plus.")]
    public string? VideoLink { get; set; }
}

/// <summary>An agenda item to add; the property names are the form's field names.</summary>
public sealed class CluAgendaInput
{
    [Required(ErrorMessage = "Indiquez l’intitulé du point de l’ordre du jour.")]
    [ColumnLength(typeof(CluAgendaItem), nameof(CluAgendaItem.Title), ErrorMessage = "L’intitulé compte {1} caractères au plus.")]
    public string? AgendaTitle { get; set; }

    /// <summary>A <see cref="Documents.CluDocumentPart"/> name, or empty for an item tied to no section.</summary>
    public string? AgendaSection { get; set; }
}

/// <summary>A member's answer, from the member's link or set by the team; the property names are the form's field names.</summary>
public sealed class CluAttendanceInput
{
    /// <summary>A <see cref="CluAttendance"/> name; empty clears the answer (team only).</summary>
    public string? Attendance { get; set; }

    [ColumnLength(typeof(CluMember), nameof(CluMember.RepresentedBy), ErrorMessage = "Le nom de la personne qui représente le membre compte {1} caractères au plus.")]
    public string? RepresentedBy { get; set; }
}

/// <summary>One line of the minutes' presence list.</summary>
public sealed record CluPresenceLine(string Name, string? Function, string? Organisation, string? Site, CluAttendance? Status, string? RepresentedBy);

/// <summary>The French words of the meeting kit, in one place for the pages, the email and the minutes.</summary>
public static class CluAttendanceLabels
{
    public static string Label(CluAttendance? status, string? representedBy = null) => status switch
    {
        CluAttendance.Present => "Présent",
        CluAttendance.Excuse => "Excusé",
        CluAttendance.Represente => representedBy is null ? "Représenté" : $"Représenté par {representedBy}",
        _ => "Sans réponse",
    };

    public static string ChoiceLabel(CluAttendance status) => status switch
    {
        CluAttendance.Present => "Je serai présent",
        CluAttendance.Excuse => "Je serai excusé",
        _ => "Je serai représenté",
    };
}

/// <summary>
/// Prepares and records a CLU's meeting: its time and video link, its agenda, the members' answers to
/// the invitation, the documents sent with it and, afterwards, the signed minutes. Each change audited.
/// </summary>
public sealed class CluMeetingKitService(AppDbContext db, FranceClock clock)
{
    public const int MinDurationMinutes = 15;

    public const int MaxDurationMinutes = 8 * 60;

    /// <summary>Documents are attached to every invitation: together they stay within what mail servers take.</summary>
    public const int MaxPiecesTotalBytes = 10 * 1024 * 1024;

    public const int MaxAgendaItems = 30;

    public const string MeetingOverMessage = "Ce comité a déjà eu lieu : son ordre du jour ne peut plus être modifié.";

    public const string AlreadyAnsweredMessage = "Votre réponse est déjà enregistrée. Pour la changer, contactez l’équipe qualité de la préfecture.";

    public const string MinutesPdfOnlyMessage = "Le procès-verbal signé doit être un fichier PDF.";

    public const string MinutesBeforeMeetingMessage = "Le procès-verbal signé se dépose après le comité.";

    public static readonly string SummaryPiecesTooLargeMessage =
        $"Les documents joints à la synthèse dépasseraient {MaxPiecesTotalBytes / (1024 * 1024)} Mo au total : retirez-en un ou réduisez ce fichier.";

    public static readonly string PiecesTooLargeMessage =
        $"Les documents joints à l’invitation dépasseraient {MaxPiecesTotalBytes / (1024 * 1024)} Mo au total : retirez-en un ou réduisez ce fichier.";

    public const string NoFileMessage = "Choisissez un fichier à déposer.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The start and the end of the meeting in Paris time; null until its start is set.</summary>
    public static (DateTime Start, DateTime End)? Times(CluMeeting clu) =>
        clu.StartsAt is { } start ? (clu.MeetingOn.ToDateTime(start), clu.MeetingOn.ToDateTime(start).AddMinutes(clu.DurationMinutes)) : null;

    /// <summary>"jeudi 14 janvier 2027 de 14 h 00 à 16 h 00", or the date alone while no time is set.</summary>
    public static string When(CluMeeting clu) => Times(clu) is { } t
        ? $"{clu.MeetingOn.ToString("dddd d MMMM yyyy", French)} de {t.Start:HH' h 'mm} à {t.End:HH' h 'mm}"
        : clu.MeetingOn.ToString("dddd d MMMM yyyy", French);

    public async Task<ChangeResult> UpdateScheduleAsync(int cluId, CluScheduleInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = InputValidation.Check(input);
        if (!TimeOnly.TryParseExact(input.StartsAt?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var startsAt))
        {
            errors.TryAdd(nameof(CluScheduleInput.StartsAt), "Indiquez l’heure de début du comité, par exemple 14:00.");
        }

        if (!int.TryParse(input.DurationMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var duration) || duration is < MinDurationMinutes or > MaxDurationMinutes)
        {
            errors.TryAdd(nameof(CluScheduleInput.DurationMinutes), $"La durée du comité est comprise entre {MinDurationMinutes} et {MaxDurationMinutes} minutes.");
        }

        var video = string.IsNullOrWhiteSpace(input.VideoLink) ? null : input.VideoLink.Trim();
        if (video is not null && !errors.ContainsKey(nameof(CluScheduleInput.VideoLink))
            && (!Uri.TryCreate(video, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host) || video.Any(char.IsWhiteSpace)))
        {
            errors[nameof(CluScheduleInput.VideoLink)] = "Le lien de visioconférence doit être une adresse https complète, par exemple https://webconf.numerique.gouv.fr/…";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        clu.StartsAt = startsAt;
        clu.DurationMinutes = duration;
        clu.VideoLink = video;
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.horaire-modifie", cluId, $"{startsAt:HH\\:mm}, {duration} min{(video is null ? "" : ", visioconférence")}"));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    public Task<List<CluAgendaItem>> AgendaAsync(int cluId, CancellationToken cancellationToken) =>
        db.CluAgendaItems.AsNoTracking().Where(i => i.CluMeetingId == cluId).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);

    /// <summary>The agenda's titles in order, for the minutes.</summary>
    public async Task<IReadOnlyList<string>> AgendaTitlesAsync(int cluId, CancellationToken cancellationToken) =>
        (await AgendaAsync(cluId, cancellationToken)).Select(i => i.Title).ToList();

    public async Task<ChangeResult> AddAgendaItemAsync(int cluId, CluAgendaInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            return new ChangeResult.NotFound();
        }

        if (clu.MeetingOn < clock.Today)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = MeetingOverMessage });
        }

        var errors = InputValidation.Check(input);
        Documents.CluDocumentPart? section = null;
        if (!string.IsNullOrEmpty(input.AgendaSection))
        {
            if (Enum.TryParse<Documents.CluDocumentPart>(input.AgendaSection, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(input.AgendaSection, out _))
            {
                section = parsed;
            }
            else
            {
                errors[nameof(CluAgendaInput.AgendaSection)] = "Choisissez une partie de la synthèse dans la liste.";
            }
        }

        var items = await db.CluAgendaItems.Where(i => i.CluMeetingId == cluId).Select(i => i.Position).ToListAsync(cancellationToken);
        if (items.Count >= MaxAgendaItems)
        {
            errors.TryAdd("", $"L’ordre du jour compte {MaxAgendaItems} points au plus.");
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var item = new CluAgendaItem { CluMeetingId = cluId, Title = input.AgendaTitle!.Trim(), Section = section, Position = items.Count == 0 ? 1 : items.Max() + 1 };
        db.CluAgendaItems.Add(item);
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.odj-point-ajoute", cluId, item.Title));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    public async Task<ChangeResult> RemoveAgendaItemAsync(int cluId, int itemId, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        var items = await db.CluAgendaItems.Where(i => i.CluMeetingId == cluId).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var item = items.SingleOrDefault(i => i.Id == itemId);
        if (clu is null || item is null)
        {
            return new ChangeResult.NotFound();
        }

        if (clu.MeetingOn < clock.Today)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = MeetingOverMessage });
        }

        db.CluAgendaItems.Remove(item);
        items.Remove(item);
        Renumber(items);
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.odj-point-retire", cluId, item.Title));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    /// <summary>Moves an item one step up or down; at the top (or bottom) already, nothing changes.</summary>
    public async Task<ChangeResult> MoveAgendaItemAsync(int cluId, int itemId, bool up, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        var items = await db.CluAgendaItems.Where(i => i.CluMeetingId == cluId).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var index = items.FindIndex(i => i.Id == itemId);
        if (clu is null || index < 0)
        {
            return new ChangeResult.NotFound();
        }

        if (clu.MeetingOn < clock.Today)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = MeetingOverMessage });
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return new ChangeResult.Done(cluId);
        }

        (items[index], items[other]) = (items[other], items[index]);
        Renumber(items);
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.odj-point-deplace", cluId, $"{items[other].Title} : {(up ? "monté" : "descendu")}"));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    public const string NothingToUpdateMessage = "L’invitation n’a pas encore été envoyée : envoyez-la d’abord, elle partira avec les informations à jour.";

    /// <summary>
    /// Makes a new version of the invitation current, for the team to send after changing the time, the video
    /// link, the agenda or the documents: every member receives it once more, with the same calendar event
    /// (same UID, next SEQUENCE). Copies of the previous version still waiting and not being sent are dropped,
    /// so nobody receives the outdated one after the update. The caller queues the sending job.
    /// </summary>
    public async Task<ChangeResult> UpdateInvitationAsync(int cluId, AuditActor actor, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            return new ChangeResult.NotFound();
        }

        var refusal = Jobs.CluInvitationJob.RefusalReason(clu, clu.Members.Count, clock.Today)
            ?? (await db.CluInvitationDeliveries.AnyAsync(d => d.CluMeetingId == cluId && d.Sequence == clu.InvitationSequence && d.Status == DeliveryStatus.Envoye, cancellationToken)
                ? null
                : NothingToUpdateMessage);
        if (refusal is not null)
        {
            return new ChangeResult.Invalid(new Dictionary<string, string> { [""] = refusal });
        }

        var outdated = await db.CluInvitationDeliveries
            .Where(d => d.CluMeetingId == cluId && d.Status != DeliveryStatus.Envoye && d.ClaimId == null)
            .ToListAsync(cancellationToken);
        db.CluInvitationDeliveries.RemoveRange(outdated);
        clu.InvitationSequence++;
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.invitation-mise-a-jour", cluId,
            $"version {clu.InvitationSequence + 1}, {clu.Members.Count} membre(s)"));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    private static void Renumber(List<CluAgendaItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }
    }

    /// <summary>Reads an answer; <paramref name="allowClear"/> lets the team take an answer back to "no answer".</summary>
    private static Dictionary<string, string> ReadAttendance(CluAttendanceInput input, bool allowClear, out CluAttendance? status, out string? representedBy)
    {
        var errors = InputValidation.Check(input);
        status = null;
        representedBy = string.IsNullOrWhiteSpace(input.RepresentedBy) ? null : input.RepresentedBy.Trim();
        if (string.IsNullOrEmpty(input.Attendance))
        {
            if (!allowClear)
            {
                errors.TryAdd(nameof(CluAttendanceInput.Attendance), "Choisissez votre réponse : présent, excusé ou représenté.");
            }
        }
        else if (Enum.TryParse<CluAttendance>(input.Attendance, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(input.Attendance, out _))
        {
            status = parsed;
        }
        else
        {
            errors.TryAdd(nameof(CluAttendanceInput.Attendance), "Choisissez une réponse de la liste : présent, excusé ou représenté.");
        }

        if (status == CluAttendance.Represente && representedBy is null)
        {
            errors.TryAdd(nameof(CluAttendanceInput.RepresentedBy), "Indiquez le nom de la personne qui représentera le membre.");
        }

        if (status != CluAttendance.Represente)
        {
            representedBy = null;
        }

        return errors;
    }

    /// <summary>The team sets (or clears) a member's answer, whatever the member answered before.</summary>
    public async Task<ChangeResult> SetAttendanceAsync(int cluId, int memberId, CluAttendanceInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var member = await db.CluMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CluMeetingId == cluId, cancellationToken);
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (member is null || clu is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = ReadAttendance(input, allowClear: true, out var status, out var representedBy);
        if (errors.Count > 0)
        {
            // One form per member on the page: the message goes beside that member's fields.
            return new ChangeResult.Invalid(errors.ToDictionary(e => $"{e.Key}-{memberId.ToString(CultureInfo.InvariantCulture)}", e => e.Value));
        }

        member.Attendance = status;
        member.RepresentedBy = representedBy;
        member.AttendanceAtUtc = status is null ? null : clock.UtcNow;
        member.AttendanceByMember = false;
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.presence-saisie", cluId, $"{member.Email} : {CluAttendanceLabels.Label(status, representedBy)}"));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    public enum AnswerOutcome
    {
        Recorded,
        AlreadyAnswered,
        NotFound,
        Invalid,
    }

    /// <summary>
    /// Records the answer a member gave through the invitation's link, once: one conditional update, so
    /// that of two clicks at once (or a second click later) only the first is kept; a member who has
    /// answered (or whose answer the team set) is told to contact the team.
    /// </summary>
    public async Task<(AnswerOutcome Outcome, IReadOnlyDictionary<string, string> Errors)> RecordAnswerAsync(int cluId, int memberId, CluAttendanceInput input, CancellationToken cancellationToken)
    {
        var member = await db.CluMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.CluMeetingId == cluId, cancellationToken);
        var prefectureId = await db.CluMeetings.Where(c => c.Id == cluId).Select(c => (int?)c.PrefectureId).SingleOrDefaultAsync(cancellationToken);
        if (member is null || prefectureId is null)
        {
            return (AnswerOutcome.NotFound, new Dictionary<string, string>());
        }

        if (member.Attendance is not null)
        {
            return (AnswerOutcome.AlreadyAnswered, new Dictionary<string, string>());
        }

        var errors = ReadAttendance(input, allowClear: false, out var status, out var representedBy);
        if (errors.Count > 0)
        {
            return (AnswerOutcome.Invalid, errors);
        }

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var won = await db.CluMembers.Where(m => m.Id == memberId && m.Attendance == null).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Attendance, status)
            .SetProperty(m => m.RepresentedBy, representedBy)
            .SetProperty(m => m.AttendanceAtUtc, now)
            .SetProperty(m => m.AttendanceByMember, true), cancellationToken) == 1;
        if (!won)
        {
            return (AnswerOutcome.AlreadyAnswered, new Dictionary<string, string>());
        }

        db.AuditEntries.Add(AuditEntry.Of(now, null, member.Email, prefectureId, "clu.presence-repondue", nameof(CluMeeting),
            cluId.ToString(CultureInfo.InvariantCulture), CluAttendanceLabels.Label(status, representedBy)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (AnswerOutcome.Recorded, new Dictionary<string, string>());
    }

    /// <summary>The presence list for the minutes: every member, with function, organisation, site and answer, by name.</summary>
    public async Task<IReadOnlyList<CluPresenceLine>> PresenceListAsync(int cluId, CancellationToken cancellationToken) =>
        (await db.CluMembers.AsNoTracking().Where(m => m.CluMeetingId == cluId).ToListAsync(cancellationToken))
            .OrderBy(m => m.Site ?? "", StringComparer.Create(French, true)).ThenBy(m => m.Name, StringComparer.Create(French, true))
            .Select(m => new CluPresenceLine(m.Name, m.Function, m.Organisation, m.Site, m.Attendance, m.RepresentedBy))
            .ToList();

    /// <summary>The CLU's documents without their content, pieces first, oldest first.</summary>
    public async Task<IReadOnlyList<(int Id, CluDocumentKind Kind, string FileName, int Length, DateTime UploadedAtUtc)>> DocumentsAsync(int cluId, CancellationToken cancellationToken) =>
        (await db.CluDocuments.AsNoTracking().Where(d => d.CluMeetingId == cluId)
            .OrderBy(d => d.Kind).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Kind, d.FileName, d.Content.Length, d.UploadedAtUtc })
            .ToListAsync(cancellationToken))
        .Select(d => (d.Id, d.Kind, d.FileName, d.Length, d.UploadedAtUtc)).ToList();

    /// <summary>
    /// Keeps a document with the CLU: a piece for the invitation (PDF, PNG or JPEG, checked by its bytes,
    /// capped, and all of them within what one email carries), or the signed minutes (PDF only, after the
    /// meeting; a new one replaces the previous).
    /// </summary>
    public async Task<ChangeResult> AddDocumentAsync(int cluId, CluDocumentKind kind, AttachmentUpload? upload, AuditActor actor, CancellationToken cancellationToken)
    {
        var field = kind == CluDocumentKind.ProcesVerbalSigne ? "ProcesVerbal" : "Piece";
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            return new ChangeResult.NotFound();
        }

        ChangeResult.Invalid Refuse(string message) => new(new Dictionary<string, string> { [field] = message });
        if (upload is null)
        {
            return Refuse(NoFileMessage);
        }

        if (kind == CluDocumentKind.ProcesVerbalSigne && clu.MeetingOn > clock.Today)
        {
            return Refuse(MinutesBeforeMeetingMessage);
        }

        if (upload.Length > AttachmentCheck.MaxBytes)
        {
            return Refuse(AttachmentCheck.TooLargeMessage);
        }

        var content = await upload.ReadAsync(cancellationToken);
        if (kind == CluDocumentKind.ProcesVerbalSigne && AttachmentCheck.TypeOfExtension(upload.FileName) != "application/pdf")
        {
            return Refuse(MinutesPdfOnlyMessage);
        }

        if (AttachmentCheck.Check(upload.FileName, content, out var contentType) is { } refusal)
        {
            return Refuse(refusal);
        }

        if (kind != CluDocumentKind.ProcesVerbalSigne)
        {
            // The pieces of one email, together: the invitation's, or the summary's.
            var others = await db.CluDocuments.Where(d => d.CluMeetingId == cluId && d.Kind == kind).SumAsync(d => (long)d.Content.Length, cancellationToken);
            if (others + content.Length > MaxPiecesTotalBytes)
            {
                return Refuse(kind == CluDocumentKind.Piece ? PiecesTooLargeMessage : SummaryPiecesTooLargeMessage);
            }
        }
        else
        {
            db.CluDocuments.RemoveRange(await db.CluDocuments.Where(d => d.CluMeetingId == cluId && d.Kind == CluDocumentKind.ProcesVerbalSigne).ToListAsync(cancellationToken));
        }

        var document = new CluDocument
        {
            CluMeetingId = cluId, Kind = kind, ContentType = contentType!, Content = content, UploadedAtUtc = clock.UtcNow, UploadedBy = Cut(actor.Email, CluDocumentConfiguration.UploadedByMaxLength),
            FileName = AttachmentCheck.SafeFileName(upload.FileName, CluDocumentConfiguration.FileNameMaxLength),
        };
        db.CluDocuments.Add(document);
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, kind == CluDocumentKind.ProcesVerbalSigne ? "clu.proces-verbal-depose" : "clu.piece-deposee", cluId,
            kind == CluDocumentKind.PieceSynthese ? $"{document.FileName} (avec la synthèse)" : document.FileName));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    public async Task<ChangeResult> DeleteDocumentAsync(int cluId, int documentId, AuditActor actor, CancellationToken cancellationToken)
    {
        var document = await db.CluDocuments.SingleOrDefaultAsync(d => d.Id == documentId && d.CluMeetingId == cluId, cancellationToken);
        var clu = await db.CluMeetings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (document is null || clu is null)
        {
            return new ChangeResult.NotFound();
        }

        db.CluDocuments.Remove(document);
        db.AuditEntries.Add(Audit(actor, clu.PrefectureId, "clu.document-supprime", cluId, document.FileName));
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeResult.Done(cluId);
    }

    /// <summary>A document of this CLU, with its content; null for another CLU's.</summary>
    public Task<CluDocument?> DocumentAsync(int cluId, int documentId, CancellationToken cancellationToken) =>
        db.CluDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.CluMeetingId == cluId, cancellationToken);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    private AuditEntry Audit(AuditActor actor, int prefectureId, string action, int cluId, string details) =>
        AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, action, nameof(CluMeeting), cluId.ToString(CultureInfo.InvariantCulture), details);
}
