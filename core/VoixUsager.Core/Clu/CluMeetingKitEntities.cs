namespace VoixUsager.Clu;

/// <summary>One item of a CLU's agenda, in the order the committee takes them.</summary>
public class CluAgendaItem
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    /// <summary>1 for the first item; the order is moved one step at a time by swapping two positions.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }

    /// <summary>The part of the summary the item presents, if any.</summary>
    public CluAgendaSection? Section { get; set; }
}

/// <summary>
/// The parts of a CLU's summary an agenda item may present. Stored by name (at most 40 characters): a
/// name is never changed once used. Their French titles are in <see cref="CluAgendaSections"/>.
/// </summary>
public enum CluAgendaSection
{
    SuitesCluPrecedent,
    ChiffresCles,
    PointsFortsRecommandations,
    SuggestionsRetenues,
    PlanActions,
    BilanSuggestionsReclamations,
}

public static class CluAgendaSections
{
    /// <summary>The summary's own headings, so that the agenda names a section the way the summary titles it.</summary>
    public static string Title(CluAgendaSection section) => section switch
    {
        CluAgendaSection.SuitesCluPrecedent => CluSummary.FollowUpTitle,
        CluAgendaSection.ChiffresCles => "Chiffres clés",
        CluAgendaSection.PointsFortsRecommandations => "Points forts et recommandations",
        CluAgendaSection.SuggestionsRetenues => "Suggestions d’usagers retenues",
        CluAgendaSection.PlanActions => CluSummary.PlanTitle,
        CluAgendaSection.BilanSuggestionsReclamations => CluSummary.RegisterTitle,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };
}

/// <summary>
/// One member's invitation. Claimed in the database before its message goes to the mail server, like
/// <see cref="CluDelivery"/>, so that copies of the job running at once send it once.
/// </summary>
public class CluInvitationDelivery
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public int CluMemberId { get; set; }

    public required string RecipientEmail { get; set; }

    public DeliveryStatus Status { get; set; }

    public string? MessageId { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid? ClaimId { get; set; }

    public DateTime? ClaimExpiresAtUtc { get; set; }
}

/// <summary>Stored by name (at most 30 characters).</summary>
public enum CluDocumentKind
{
    /// <summary>A document sent with the invitation: the référentiel, a calendar, an organisation chart.</summary>
    Piece,

    /// <summary>The minutes, signed after the meeting, as a PDF; one per CLU.</summary>
    ProcesVerbalSigne,
}

/// <summary>A file kept with a CLU, in the database, served only as a download to its préfecture's staff.</summary>
public class CluDocument
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public CluDocumentKind Kind { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public string? UploadedBy { get; set; }
}
