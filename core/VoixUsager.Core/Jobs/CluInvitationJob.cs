using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Email;

namespace VoixUsager.Jobs;

/// <summary>
/// Sends the current version of a CLU's invitation to each member who has not received it. Like <see cref="CluSummaryJob"/>,
/// nothing relies on running alone: each member's delivery row is claimed in the database right before
/// the message goes to the mail server (a claim other copies respect until it expires) and recorded with
/// its Message-ID right after the server took it, so Hangfire's at-least-once runs send each invitation once.
/// </summary>
public sealed class CluInvitationJob(
    AppDbContext db,
    CluAttendanceLinks links,
    IEmailSender email,
    IOptions<EmailOptions> emailOptions,
    IOptions<JobsOptions> jobsOptions,
    FranceClock clock,
    ILogger<CluInvitationJob> logger,
    IBackgroundJobClient? jobs = null)
{
    public TimeSpan ClaimDuration => TimeSpan.FromSeconds(Math.Max(jobsOptions.Value.DeliveryClaimSeconds, 2 * emailOptions.Value.Smtp.TimeoutSeconds));

    /// <summary>Why the invitation cannot go now, in French; null when it can.</summary>
    public static string? RefusalReason(CluMeeting clu, int memberCount, DateOnly today) =>
        clu.MeetingOn < today ? "Ce comité a déjà eu lieu : l’invitation ne peut plus partir."
        : clu.StartsAt is null ? "Indiquez d’abord l’heure du comité : l’invitation et son fichier d’agenda en ont besoin."
        : memberCount == 0 ? "Ajoutez d’abord les membres du comité : l’invitation leur est envoyée."
        : null;

    /// <summary>
    /// The same for every send of one version of a member's invitation, so a resend after a crash is the same
    /// message; an updated invitation is a new message.
    /// </summary>
    public static string MessageIdFor(CluMeeting clu, int memberId, string senderDomain, int sequence = 0)
    {
        // The first version keeps the key it has always had: a message already sent keeps its identity.
        var version = sequence == 0 ? "" : $"|{sequence}";
        var key = $"{clu.Id}|{clu.CreatedAtUtc.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)}|{memberId}{version}";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..20];
        return $"invitation-clu-{clu.Id}.{hash}@{senderDomain}";
    }

    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [60, 300, 900, 1800, 3600, 7200, 14400, 28800])]
    public async Task RunAsync(int cluId, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null || clu.StartsAt is null)
        {
            logger.LogWarning("CLU {CluId} is gone or has no start time: no invitation to send.", cluId);
            return;
        }

        await AddMissingDeliveriesAsync(clu, cancellationToken);
        var members = clu.Members.ToDictionary(m => m.Id);
        var pending = (await db.CluInvitationDeliveries.AsNoTracking()
                .Where(d => d.CluMeetingId == cluId && d.Sequence == clu.InvitationSequence && d.Status != DeliveryStatus.Envoye)
                .OrderBy(d => d.Id)
                .ToListAsync(cancellationToken))
            .Where(d => members.ContainsKey(d.CluMemberId))
            .ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("CLU {CluId}: every member already has the invitation.", cluId);
            return;
        }

        var domain = MimeKit.MailboxAddress.Parse(emailOptions.Value.SenderAddress).Domain;
        var prefectureName = await db.Prefectures.Where(p => p.Id == clu.PrefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var agenda = await db.CluAgendaItems.AsNoTracking().Where(i => i.CluMeetingId == cluId).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var pieces = await db.CluDocuments.AsNoTracking().Where(d => d.CluMeetingId == cluId && d.Kind == CluDocumentKind.Piece).OrderBy(d => d.Id)
            .Select(d => new CluInvitation.Piece(d.FileName, d.ContentType, d.Content)).ToListAsync(cancellationToken);
        var meeting = new CluInvitation.Meeting(clu, prefectureName, agenda, pieces, domain, clock.UtcNow);
        var batch = pending.Select(d => CluInvitation.For(meeting, members[d.CluMemberId], links.LinkFor(clu, members[d.CluMemberId]), MessageIdFor(clu, d.CluMemberId, domain, d.Sequence))).ToList();
        var deliveries = new ClaimedDeliveries<CluInvitationDelivery>(db.CluInvitationDeliveries, clock, ClaimDuration);
        ClaimedBatchOutcome outcome;
        try
        {
            outcome = await deliveries.SendAsync(email, cluId, pending, batch, cancellationToken);
        }
        catch (EmailDeliveryException exception)
        {
            logger.LogWarning("CLU {CluId}: invitation(s) not sent, will retry: {Error}", cluId, exception.Message);
            throw;
        }

        if (jobs is not null && await deliveries.FollowUpDelayAsync(outcome.HeldElsewhere, cancellationToken) is { } delay)
        {
            jobs.Schedule<CluInvitationJob>(job => job.RunAsync(cluId, CancellationToken.None), delay);
        }

        logger.LogInformation("CLU {CluId}: invitation sent to {Count} member(s), {Held} held by another copy of the job.", cluId, outcome.Sent, outcome.HeldElsewhere.Count);
    }

    private async Task AddMissingDeliveriesAsync(CluMeeting clu, CancellationToken cancellationToken)
    {
        var known = await db.CluInvitationDeliveries.Where(d => d.CluMeetingId == clu.Id && d.Sequence == clu.InvitationSequence).Select(d => d.CluMemberId).ToListAsync(cancellationToken);
        var missing = clu.Members.Where(m => !known.Contains(m.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.UtcNow;
        db.CluInvitationDeliveries.AddRange(missing.Select(m => new CluInvitationDelivery
        {
            CluMeetingId = clu.Id, CluMemberId = m.Id, Sequence = clu.InvitationSequence, RecipientEmail = m.Email, Status = DeliveryStatus.EnAttente, UpdatedAtUtc = now,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another copy added them at the same moment (unique per member and version): theirs stand.
            db.ChangeTracker.Clear();
        }
    }
}
