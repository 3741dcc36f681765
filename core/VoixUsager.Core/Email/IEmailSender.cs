namespace VoixUsager.Email;

/// <summary>The one way VoixUsager sends email.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends the batch over a single connection and returns one <see cref="SentEmail"/> per message, in
    /// batch order. Throws <see cref="EmailDeliveryException"/> at the first failure; the messages sent
    /// before it are listed in <see cref="EmailDeliveryException.Sent"/> so a retry does not send them twice.
    /// </summary>
    Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, CancellationToken ct) =>
        SendAsync(batch, onEachSent: null, ct);

    /// <summary>
    /// As above, calling <paramref name="onEachSent"/> (with the message's index in the batch) as soon as
    /// each message is accepted, before the next is sent: a caller that records it there can never lose
    /// more than the message in flight if its process dies mid-batch.
    /// </summary>
    Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct);
}
