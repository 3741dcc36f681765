using System.Globalization;
using System.Net;
using System.Text;
using VoixUsager.Email;

namespace VoixUsager.Clu;

/// <summary>
/// The invitation a CLU's member receives: date, time, place and video link, the agenda, the link to
/// answer (present, excused, represented), the calendar file and the documents the team attached.
/// </summary>
public static class CluInvitation
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public sealed record Piece(string FileName, string ContentType, byte[] Content);

    /// <summary>What every member's invitation shares; only the greeting and the answer link differ.</summary>
    public sealed record Meeting(CluMeeting Clu, string PrefectureName, IReadOnlyList<CluAgendaItem> Agenda, IReadOnlyList<Piece> Pieces, string SenderDomain, DateTime StampUtc);

    public static string Subject(Meeting meeting) =>
        $"{(meeting.Clu.InvitationSequence > 0 ? "Invitation mise à jour" : "Invitation")} – comité local des usagers du {meeting.Clu.MeetingOn.ToString("d MMMM yyyy", French)} – {meeting.PrefectureName}";

    /// <summary>The event's UID: the same in every member's file and every resend, so calendars keep one event.</summary>
    public static string Uid(CluMeeting clu, string senderDomain) =>
        $"clu-{clu.Id.ToString(CultureInfo.InvariantCulture)}-{clu.CreatedAtUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}@{senderDomain}";

    /// <summary>Opens an updated invitation, in the text and the HTML parts.</summary>
    public const string UpdatedNotice =
        "Cette invitation remplace la précédente : l’horaire, le lien de visioconférence, l’ordre du jour ou les documents joints ont changé. "
        + "Le fichier d’agenda joint met à jour l’événement déjà enregistré. Si vous avez déjà répondu, votre réponse reste enregistrée.";

    public static string AgendaLine(int index, CluAgendaItem item) =>
        item.Section is { } section ? $"{index}. {item.Title} ({Documents.CluDocumentContent.PresentedText(section)})" : $"{index}. {item.Title}";

    public static byte[] CalendarFile(Meeting meeting)
    {
        var clu = meeting.Clu;
        var (start, end) = CluMeetingKitService.Times(clu) ?? throw new InvalidOperationException("The meeting has no start time.");
        var description = new StringBuilder();
        if (meeting.Agenda.Count > 0)
        {
            description.Append("Ordre du jour :\n");
            for (var i = 0; i < meeting.Agenda.Count; i++)
            {
                description.Append(AgendaLine(i + 1, meeting.Agenda[i])).Append('\n');
            }
        }

        if (clu.VideoLink is not null)
        {
            description.Append("Visioconférence : ").Append(clu.VideoLink).Append('\n');
        }

        return CluCalendarFile.Build(new CluCalendarFile.Event(
            Uid(clu, meeting.SenderDomain), meeting.StampUtc, start, end,
            $"Comité local des usagers – {meeting.PrefectureName}", clu.Place, description.ToString().TrimEnd('\n'), clu.VideoLink, clu.InvitationSequence));
    }

    public static OutgoingEmail For(Meeting meeting, CluMember member, string answerLink, string messageId)
    {
        var clu = meeting.Clu;
        var when = CluMeetingKitService.When(clu);
        var subject = Subject(meeting);
        var deadline = CluAttendanceLinks.ExpiresAtUtc(clu.MeetingOn);
        var text = new StringBuilder();
        text.AppendLine($"Bonjour {member.Name},").AppendLine();
        if (clu.InvitationSequence > 0)
        {
            text.AppendLine(UpdatedNotice).AppendLine();
        }

        text.AppendLine($"Vous êtes invité(e) au comité local des usagers de la {Lower(meeting.PrefectureName)}, le {when}.");
        text.AppendLine($"Lieu : {clu.Place}");
        if (clu.VideoLink is not null)
        {
            text.AppendLine($"Visioconférence : {clu.VideoLink}");
        }

        if (meeting.Agenda.Count > 0)
        {
            text.AppendLine().AppendLine("Ordre du jour :");
            for (var i = 0; i < meeting.Agenda.Count; i++)
            {
                text.AppendLine(AgendaLine(i + 1, meeting.Agenda[i]));
            }
        }

        text.AppendLine().AppendLine("Merci d’indiquer si vous serez présent(e), excusé(e) ou représenté(e), en ouvrant ce lien personnel (sans compte à créer) :");
        text.AppendLine(answerLink);
        text.AppendLine($"Ce lien vous est réservé ; il reste valable jusqu’au {Calendar.FrenchTimeZones.UtcToParis(deadline).AddDays(-1).ToString("d MMMM yyyy", French)} inclus.");
        text.AppendLine().AppendLine("Le fichier joint « comite.ics » ajoute la réunion à votre agenda.");
        if (meeting.Pieces.Count > 0)
        {
            text.AppendLine($"Documents joints : {string.Join(", ", meeting.Pieces.Select(p => p.FileName))}.");
        }

        text.AppendLine().AppendLine("L’équipe qualité");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#161616;max-width:800px\">");
        html.Append("<p>Bonjour ").Append(E(member.Name)).Append(",</p>");
        if (clu.InvitationSequence > 0)
        {
            html.Append("<p><strong>").Append(E(UpdatedNotice)).Append("</strong></p>");
        }

        html.Append("<p>Vous êtes invité(e) au comité local des usagers de la ").Append(E(Lower(meeting.PrefectureName))).Append(", le <strong>").Append(E(when)).Append("</strong>.</p>");
        html.Append("<p>Lieu : ").Append(E(clu.Place)).Append("</p>");
        if (clu.VideoLink is not null)
        {
            html.Append("<p>Visioconférence : <a href=\"").Append(E(clu.VideoLink)).Append("\">").Append(E(clu.VideoLink)).Append("</a></p>");
        }

        if (meeting.Agenda.Count > 0)
        {
            html.Append("<h2 style=\"color:#000091\">Ordre du jour</h2><ol>");
            foreach (var item in meeting.Agenda)
            {
                html.Append("<li>").Append(E(item.Title));
                if (item.Section is { } section)
                {
                    html.Append(" <em>(").Append(E(Documents.CluDocumentContent.PresentedText(section))).Append(")</em>");
                }

                html.Append("</li>");
            }

            html.Append("</ol>");
        }

        html.Append("<p><a href=\"").Append(E(answerLink)).Append("\" style=\"display:inline-block;background:#000091;color:#fff;padding:8px 16px;text-decoration:none\">Répondre à l’invitation</a></p>");
        html.Append("<p style=\"font-size:14px\">Ce lien vous est réservé : il indique si vous serez présent(e), excusé(e) ou représenté(e), sans compte à créer.</p>");
        html.Append("<p>L’équipe qualité</p></body></html>");

        var attachments = new List<EmailAttachment> { new("comite.ics", CluCalendarFile.ContentType, CalendarFile(meeting)) };
        attachments.AddRange(meeting.Pieces.Select(p => new EmailAttachment(p.FileName, p.ContentType, p.Content)));
        return new OutgoingEmail([new EmailRecipient(member.Email, member.Name)], subject, text.ToString(), html.ToString(), attachments, []) { MessageId = messageId };
    }

    private static string Lower(string prefectureName) =>
        prefectureName.Length > 0 && char.IsUpper(prefectureName[0]) ? char.ToLowerInvariant(prefectureName[0]) + prefectureName[1..] : prefectureName;

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
