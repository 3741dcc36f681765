using Microsoft.EntityFrameworkCore;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Email;

namespace VoixUsager.Jobs;

/// <summary>A message to one recipient that a job sends at least once and records exactly once.</summary>
public interface IClaimedDelivery
{
    int Id { get; }

    int CluMeetingId { get; }

    DeliveryStatus Status { get; set; }

    string? MessageId { get; set; }

    DateTime? SentAtUtc { get; set; }

    int Attempts { get; set; }

    string? LastError { get; set; }

    DateTime UpdatedAtUtc { get; set; }

    Guid? ClaimId { get; set; }

    DateTime? ClaimExpiresAtUtc { get; set; }
}

/// <summary>What one copy of a job did with its batch.</summary>
public sealed record ClaimedBatchOutcome(int Sent, IReadOnlyCollection<int> HeldElsewhere);

/// <summary>
/// How a job sends a batch of deliveries when Hangfire may run two copies at once (a job outliving its
/// invisibility timeout, a retry after a crash): each message is claimed in the database right before it
/// goes to the mail server, a claim every other copy respects until it expires; it is recorded with its
/// Message-ID right after the server accepted it. Only a crash between that acceptance and that record
/// can send a message twice, and then it is the same message (same Message-ID).
/// </summary>
public sealed class ClaimedDeliveries<T>(DbSet<T> set, FranceClock clock, TimeSpan claimDuration)
    where T : class, IClaimedDelivery
{
    /// <summary>
    /// Sends <paramref name="batch"/>, message i going to delivery <paramref name="pending"/>[i]. On a mail
    /// failure, marks what this copy held and what it did not reach as failed, then rethrows so that
    /// Hangfire retries. <paramref name="afterEachSent"/> runs after each record (a sign of life).
    /// </summary>
    public async Task<ClaimedBatchOutcome> SendAsync(
        IEmailSender email,
        int cluId,
        IReadOnlyList<T> pending,
        IReadOnlyList<OutgoingEmail> batch,
        CancellationToken cancellationToken,
        Func<Task>? afterEachSent = null)
    {
        var claimId = Guid.NewGuid();
        var attempted = new HashSet<int>();
        var heldElsewhere = new HashSet<int>();
        var sentCount = 0;
        try
        {
            await email.SendAsync(batch, async index =>
            {
                var id = pending[index].Id;
                if (await ClaimAsync(id, claimId))
                {
                    attempted.Add(id);
                    return true;
                }

                heldElsewhere.Add(id);
                return false;
            }, async (index, sent) =>
            {
                // Before anything else, and not cancellable: this is the record that stops a second send.
                await RecordSentAsync(pending[index].Id, sent);
                sentCount++;
                if (afterEachSent is not null)
                {
                    await afterEachSent();
                }
            }, cancellationToken);
        }
        // Any other exception (the worker stopping, the database failing) leaves the message in hand
        // claimed: whether the server took it is unknown, so it waits for its claim to expire.
        catch (EmailDeliveryException exception)
        {
            await RecordFailureAsync(cluId, claimId, pending.Select(d => d.Id).Where(id => !attempted.Contains(id) && !heldElsewhere.Contains(id)).ToList(), exception.Message);
            throw;
        }

        return new ClaimedBatchOutcome(sentCount, heldElsewhere);
    }

    /// <summary>
    /// When the claims other copies hold on <paramref name="heldElsewhere"/> expire, if any is still
    /// unsent: a run scheduled just after then sends what a dead copy left (and finds nothing if it lived).
    /// </summary>
    public async Task<TimeSpan?> FollowUpDelayAsync(IReadOnlyCollection<int> heldElsewhere, CancellationToken cancellationToken)
    {
        if (heldElsewhere.Count == 0)
        {
            return null;
        }

        var ids = heldElsewhere.ToList();
        var latest = await set.Where(d => ids.Contains(d.Id) && d.Status != DeliveryStatus.Envoye).MaxAsync(d => d.ClaimExpiresAtUtc, cancellationToken);
        if (latest is not { } until)
        {
            return null;
        }

        var delay = until - clock.UtcNow + TimeSpan.FromSeconds(1);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>
    /// Takes the message for this copy if nobody holds it, or if its holder's claim expired. One
    /// conditional update, so two copies can never both get it.
    /// </summary>
    private async Task<bool> ClaimAsync(int deliveryId, Guid claimId)
    {
        var now = clock.UtcNow;
        var until = now + claimDuration;
        return await set
            .Where(d => d.Id == deliveryId && d.Status != DeliveryStatus.Envoye && (d.ClaimId == null || d.ClaimExpiresAtUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ClaimId, claimId)
                .SetProperty(d => d.ClaimExpiresAtUtc, until)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.UpdatedAtUtc, now), CancellationToken.None) == 1;
    }

    private async Task RecordSentAsync(int deliveryId, SentEmail sent)
    {
        var now = clock.UtcNow;
        await set.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Envoye)
            .SetProperty(d => d.MessageId, sent.MessageId)
            .SetProperty(d => d.SentAtUtc, now)
            .SetProperty(d => d.LastError, (string?)null)
            .SetProperty(d => d.ClaimId, (Guid?)null)
            .SetProperty(d => d.ClaimExpiresAtUtc, (DateTime?)null)
            .SetProperty(d => d.UpdatedAtUtc, now), CancellationToken.None);
    }

    /// <summary>
    /// The message this copy held failed (already counted when claimed); those it did not reach count
    /// one attempt each, unless another copy holds them.
    /// </summary>
    private async Task RecordFailureAsync(int cluId, Guid claimId, List<int> notReached, string message)
    {
        var error = CluDelivery.TruncateError(message);
        var now = clock.UtcNow;
        await set
            .Where(d => d.CluMeetingId == cluId && d.ClaimId == claimId && d.Status != DeliveryStatus.Envoye)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Echec)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.ClaimId, (Guid?)null)
                .SetProperty(d => d.ClaimExpiresAtUtc, (DateTime?)null)
                .SetProperty(d => d.UpdatedAtUtc, now), CancellationToken.None);
        if (notReached.Count > 0)
        {
            await set
                .Where(d => notReached.Contains(d.Id) && d.Status != DeliveryStatus.Envoye && (d.ClaimId == null || d.ClaimExpiresAtUtc < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DeliveryStatus.Echec)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.LastError, error)
                    .SetProperty(d => d.ClaimId, (Guid?)null)
                    .SetProperty(d => d.ClaimExpiresAtUtc, (DateTime?)null)
                    .SetProperty(d => d.UpdatedAtUtc, now), CancellationToken.None);
        }
    }
}
