namespace VoixUsager.Email;

public enum EmailFailure
{
    Connection,
    Authentication,
    SenderRefused,
    RecipientRefused,
    MessageRefused,
    PickupDirectory,
}

/// <summary>A batch could not be (entirely) delivered. The message says in French what failed.</summary>
public sealed class EmailDeliveryException(EmailFailure failure, string message, IReadOnlyList<SentEmail> sent, Exception? innerException)
    : Exception(message, innerException)
{
    public EmailFailure Failure { get; } = failure;

    /// <summary>The messages of the batch that were delivered before the failure.</summary>
    public IReadOnlyList<SentEmail> Sent { get; } = sent;
}
