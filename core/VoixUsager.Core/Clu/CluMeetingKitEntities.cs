namespace VoixUsager.Clu;

/// <summary>One item of a CLU's agenda, in the order the committee takes them.</summary>
public class CluAgendaItem
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    /// <summary>1 for the first item; the order is moved one step at a time by swapping two positions.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }

    /// <summary>
    /// The part of the CLU's documents the item presents, if any: the deck and the minutes put its
    /// figures under the item. Stored by name (at most 40 characters): a name is never changed once used.
    /// </summary>
    public Documents.CluDocumentPart? Section { get; set; }
}

/// <summary>
/// One member's invitation. Claimed in the database before its message goes to the mail server, like
/// <see cref="CluDelivery"/>, so that copies of the job running at once send it once.
/// </summary>
public class CluInvitationDelivery : Jobs.IClaimedDelivery
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public int CluMemberId { get; set; }

    /// <summary>The version of the invitation this row sends (<see cref="CluMeeting.InvitationSequence"/> when it was queued).</summary>
    public int Sequence { get; set; }

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

    /// <summary>A document sent with the summary, after the workbook of the figures.</summary>
    PieceSynthese,
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
