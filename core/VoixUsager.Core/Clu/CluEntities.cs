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
}

public enum DeliveryStatus
{
    EnAttente,
    Envoye,
    Echec,
}

/// <summary>
/// One recipient's summary: recorded with its Message-ID the moment the mail server accepted it, so a
/// job retried after a crash, or run twice, never sends it again.
/// </summary>
public class CluDelivery
{
    public int Id { get; set; }

    public int CluMeetingId { get; set; }

    public required string RecipientEmail { get; set; }

    public string? RecipientName { get; set; }

    public DeliveryStatus Status { get; set; }

    public string? MessageId { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
