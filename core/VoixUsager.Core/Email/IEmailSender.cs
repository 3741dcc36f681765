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
    Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct) =>
        SendAsync(batch, beforeEach: null, onEachSent, ct);

    /// <summary>
    /// As above, first asking <paramref name="beforeEach"/> (with the message's index) whether to send
    /// each message, right before it goes to the server: a caller claims the message there, and a
    /// message it could not claim is skipped. The result then lists only the messages sent.
    /// </summary>
    Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, Func<int, Task<bool>>? beforeEach, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct);
}
