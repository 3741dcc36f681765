namespace VoixUsager.Auditing;

/// <summary>One staff action: who, when, what, on which record. Readable by the préfecture's quality team.</summary>
public class AuditEntry
{
    /// <summary>The column's length: longer details (a corrected record's before and after) are cut to it.</summary>
    public const int MaxDetailsLength = 4000;

    /// <summary>The one way entries are made, so every writer respects the column's length.</summary>
    public static AuditEntry Of(DateTime atUtc, string? userId, string? userEmail, int? prefectureId, string action, string entityType, string? entityId, string? details = null) => new()
    {
        AtUtc = atUtc,
        UserId = userId,
        UserEmail = userEmail,
        PrefectureId = prefectureId,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Details = details is { Length: > MaxDetailsLength } ? details[..(MaxDetailsLength - 1)] + "…" : details,
    };

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
