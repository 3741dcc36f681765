namespace VoixUsager.Email;

/// <summary>The one way VoixUsager sends email.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends the batch over a single connection and returns one <see cref="SentEmail"/> per message, in
    /// batch order. Throws <see cref="EmailDeliveryException"/> at the first failure; the messages sent
    /// before it are listed in <see cref="EmailDeliveryException.Sent"/> so a retry does not send them twice.
    /// </summary>
    Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken ct);
}
