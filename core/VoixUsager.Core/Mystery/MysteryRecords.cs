namespace VoixUsager.Mystery;

public enum RecordStatus
{
    Brouillon,
    Soumis,
}

public enum CallOutcome
{
    Abouti,
    PasDeReponse,
    Occupe,
    Messagerie,
}

/// <summary>Shared by call and email records: the grid answers, the author, the draft/submitted state.</summary>
public abstract class MysteryRecord
{
    public int Id { get; set; }

    public int ScenarioId { get; set; }

    public MysteryScenario Scenario { get; set; } = null!;

    public int CampaignId { get; set; }

    public int GridVersionId { get; set; }

    public required string AuthorId { get; set; }

    public RecordStatus Status { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public List<MysteryAnswer> Answers { get; set; } = [];
}

public class MysteryCallRecord : MysteryRecord
{
    public DateTime CalledAtUtc { get; set; }

    public required string NumberDialled { get; set; }

    public CallOutcome Outcome { get; set; }

    public int? RingsBeforePickup { get; set; }

    public int? WaitingSeconds { get; set; }
}

public class MysteryEmailRecord : MysteryRecord
{
    public DateTime SentAtUtc { get; set; }

    public required string Address { get; set; }

    public DateTime? AcknowledgedAtUtc { get; set; }

    public DateTime? RepliedAtUtc { get; set; }

    public DateTime? ReminderSentAtUtc { get; set; }

    /// <summary>Working days between sending and reply, computed with the évalué's holiday zone.</summary>
    public int? ReplyWorkingDays { get; set; }
}

public enum CriterionChoice
{
    Oui,
    Non,
    SansObjet,
}

/// <summary>One criterion scored on a record; which field is set depends on the criterion's kind.</summary>
public class MysteryAnswer
{
    public long Id { get; set; }

    public int RecordId { get; set; }

    public int CriterionId { get; set; }

    public CriterionChoice? Choice { get; set; }

    public int? Scale { get; set; }

    public int? Number { get; set; }
}
