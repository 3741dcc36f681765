namespace VoixUsager.Auditing;

/// <summary>One staff action: who, when, what, on which record. Readable by the préfecture's quality team.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    /// <summary>Kept as written at the time, so the entry still reads right if the account is renamed.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The préfecture whose data the action concerns; null for national actions.</summary>
    public int? PrefectureId { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }
}
