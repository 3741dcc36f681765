namespace VoixUsager.Mystery;

/// <summary>Who does something, as the audit log records it.</summary>
public sealed record AuditActor(string UserId, string Email);

/// <summary>What a référent posted for one scenario, still as text: the service validates it.</summary>
public sealed class MysteryRecordInput
{
    public bool Submit { get; init; }

    /// <summary>Call: when it was made. Email: when it was sent. Metropolitan local time.</summary>
    public string? At { get; init; }

    /// <summary>Call: number or service dialled. Email: address written to.</summary>
    public string? Target { get; init; }

    public string? Outcome { get; init; }

    public string? WaitingSeconds { get; init; }

    public string? AcknowledgedAt { get; init; }

    public string? RepliedAt { get; init; }

    public string? ReminderSentAt { get; init; }

    public string? Comment { get; init; }

    /// <summary>Posted criterion fields, by the number in their name (c12 → 12); unparseable names are kept as errors.</summary>
    public IReadOnlyDictionary<string, string?> Criteria { get; init; } = new Dictionary<string, string?>();
}

public abstract record MysterySaveResult
{
    public sealed record Saved(int RecordId, RecordStatus Status) : MysterySaveResult;

    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : MysterySaveResult;

    /// <summary>The scenario is not this référent's, or does not exist.</summary>
    public sealed record NotAssigned : MysterySaveResult;

    public sealed record CampaignClosed : MysterySaveResult;
}
