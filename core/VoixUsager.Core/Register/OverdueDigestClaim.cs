namespace VoixUsager.Register;

/// <summary>
/// The weekly overdue list for one owner (a service, or the quality team for unassigned cases) of one
/// préfecture: claimed in the database before it is sent, so a job run twice sends it once.
/// </summary>
public class OverdueDigestClaim
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    /// <summary>The service, or 0 for the quality team (a key column cannot be null in every provider's unique index).</summary>
    public int OwnerKey { get; set; }

    /// <summary>The Monday of the week, Paris date.</summary>
    public DateOnly WeekOf { get; set; }

    public DateTime ClaimedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int CaseCount { get; set; }
}
