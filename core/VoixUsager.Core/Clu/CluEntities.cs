namespace VoixUsager.Clu;

/// <summary>
/// A comité local des usagers: the yearly meeting where the préfecture presents the voice of its users.
/// Its summary is emailed to the quality team and the chosen members some days before.
/// </summary>
public class CluMeeting
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public DateOnly MeetingOn { get; set; }

    public required string Place { get; set; }

    /// <summary>How many days before the meeting the summary goes out.</summary>
    public int DaysBefore { get; set; } = 15;

    /// <summary>The survey campaign the summary covers; null for the latest one at the cut-off.</summary>
    public int? SurveyCampaignId { get; set; }

    /// <summary>The mystery campaign the summary covers; null for all of them.</summary>
    public int? MysteryCampaignId { get; set; }

    /// <summary>The figures sent, frozen the first time the summary was prepared.</summary>
    public int? SnapshotId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The meeting's start, Paris time; null until the team sets it (the invitation needs it).</summary>
    public TimeOnly? StartsAt { get; set; }

    /// <summary>How long the meeting is planned to last, for the calendar invitation.</summary>
    public int DurationMinutes { get; set; } = 120;

    /// <summary>The video conference link for the members (and sites) who join from afar; always https.</summary>
    public string? VideoLink { get; set; }

    /// <summary>
    /// Which version of the invitation is current: 0 for the first, one more each time the team sends an
    /// updated one. It is the calendar file's SEQUENCE, so calendars replace the event rather than add one.
    /// </summary>
    public int InvitationSequence { get; set; }

    public List<CluMember> Members { get; set; } = [];

    public List<CluDelivery> Deliveries { get; set; } = [];

    public DateOnly SummaryDueOn => MeetingOn.AddDays(-DaysBefore);
}

public class CluMember
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public required string Name { get; set; }

    public string? Organisation { get; set; }

    public required string Email { get; set; }

    public bool ReceivesSummary { get; set; } = true;

    /// <summary>The member's function (président, délégué…), for the minutes' presence list.</summary>
    public string? Function { get; set; }

    /// <summary>Where the member joins from when several sites meet by video; null for the main place.</summary>
    public string? Site { get; set; }

    /// <summary>The member's answer to the invitation; null while there is none.</summary>
    public CluAttendance? Attendance { get; set; }

    /// <summary>Who attends in the member's place, when <see cref="Attendance"/> is <see cref="CluAttendance.Represente"/>.</summary>
    public string? RepresentedBy { get; set; }

    public DateTime? AttendanceAtUtc { get; set; }

    /// <summary>True when the member answered through the invitation's link, false when the team set it.</summary>
    public bool AttendanceByMember { get; set; }
}

/// <summary>A member's answer to the invitation. Stored by name (at most 30 characters): a name is never changed once used.</summary>
public enum CluAttendance
{
    Present,
    Excuse,
    Represente,
}

public enum DeliveryStatus
{
    EnAttente,
    Envoye,
    Echec,
}

/// <summary>
/// One recipient's summary. Before its message goes to the mail server a copy of the job claims it
/// (<see cref="ClaimId"/> until <see cref="ClaimExpiresAtUtc"/>): every other copy, retry or worker
/// leaves a claimed delivery alone, and a claim whose holder died expires so the message is retried.
/// It is recorded with its Message-ID the moment the mail server accepted it.
/// </summary>
public class CluDelivery : Jobs.IClaimedDelivery
{
    /// <summary>The column's length: a longer error is cut to it, with an ellipsis.</summary>
    public const int MaxErrorLength = Data.EntityConfigurations.CluDeliveryConfiguration.LastErrorMaxLength;

    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public required string RecipientEmail { get; set; }

    public string? RecipientName { get; set; }

    public DeliveryStatus Status { get; set; }

    public string? MessageId { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The times a copy of the job handed this message to the mail server or failed to reach it.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Last change, or last sign of life of the job working on this delivery's batch.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The copy of the job that is sending this message now; null when nobody is.</summary>
    public Guid? ClaimId { get; set; }

    /// <summary>After this the claim is void: its holder is taken for dead and the message may be retried.</summary>
    public DateTime? ClaimExpiresAtUtc { get; set; }

    /// <summary>An error as stored: within the column, cut with an ellipsis so a reader sees it was cut.</summary>
    public static string TruncateError(string error) =>
        error.Length > MaxErrorLength ? error[..(MaxErrorLength - 1)] + "…" : error;
}
