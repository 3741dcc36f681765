using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoixUsager.Accounts;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Results;

namespace VoixUsager.Jobs;

/// <summary>
/// Sends a CLU's summary to the préfecture's quality team and the members who receive it. Hangfire may
/// run a job twice at once (a job outliving <c>Jobs:InvisibilityTimeoutSeconds</c> is handed to another
/// worker; a retry after a crash), so nothing here relies on being alone: the figures are frozen once,
/// whichever copy gets there first; each recipient's message is claimed in the database right before it
/// goes to the mail server, a claim every other copy respects until it expires; and it is recorded with
/// its Message-ID right after the server accepted it. Only a crash between that acceptance and that
/// record can send a message twice, and then it is the same message (same Message-ID).
/// </summary>
public sealed class CluSummaryJob(
    AppDbContext db,
    SnapshotService snapshots,
    CluSectionsService sections,
    IEmailSender email,
    IOptions<AppOptions> app,
    IOptions<EmailOptions> emailOptions,
    IOptions<JobsOptions> jobsOptions,
    FranceClock clock,
    ILogger<CluSummaryJob> logger,
    JobStorage? storage = null,
    IBackgroundJobClient? jobs = null)
{
    public const string SnapshotAuthor = "tâche : synthèse CLU";

    /// <summary>How long a copy waits for another copy of the same CLU's job to finish before it is retried later.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>How long a copy of the job may hold a recipient's message while handing it to the mail server.</summary>
    public TimeSpan ClaimDuration => TimeSpan.FromSeconds(Math.Max(jobsOptions.Value.DeliveryClaimSeconds, 2 * emailOptions.Value.Smtp.TimeoutSeconds));

    /// <summary>
    /// Past this without news a pending delivery is taken as stalled: the longest one message may take,
    /// plus the pause between two messages.
    /// </summary>
    public TimeSpan StallAfter => ClaimDuration + TimeSpan.FromMilliseconds(emailOptions.Value.DelayBetweenMessagesMilliseconds);

    /// <summary>
    /// The Message-ID of a CLU's summary to one recipient: the same every time it is sent, so a resend
    /// after a crash is the same message to mail clients. The CLU's creation time keeps two databases
    /// (a restore, a new installation) that reuse an identifier from giving two summaries one Message-ID;
    /// the address is hashed so the header does not carry it.
    /// </summary>
    public static string MessageIdFor(CluMeeting clu, string recipientEmail, string senderDomain)
    {
        var key = $"{clu.Id}|{clu.CreatedAtUtc.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)}|{recipientEmail.Trim().ToLowerInvariant()}";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..20];
        return $"synthese-clu-{clu.Id}.{hash}@{senderDomain}";
    }

    /// <summary>
    /// Growing delays; after the last one the failure stays visible on the CLU page. No method-wide
    /// <c>DisableConcurrentExecution</c>: the lock is per CLU, so different CLUs' summaries go in parallel.
    /// </summary>
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [60, 300, 900, 1800, 3600, 7200, 14400, 28800])]
    public async Task RunAsync(int cluId, CancellationToken cancellationToken)
    {
        // Keeps two copies for one CLU from preparing it at once; a lock outlived by its holder is given
        // up by the storage, which is why the claims below, not this lock, guarantee one message each.
        using var cluLock = LockClu(cluId);
        var clu = await db.CluMeetings.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            logger.LogWarning("CLU {CluId} no longer exists: nothing to send.", cluId);
            return;
        }

        await AddMissingDeliveriesAsync(clu, cancellationToken);
        var snapshot = await SnapshotAsync(clu, cancellationToken);
        var pending = await db.CluDeliveries.AsNoTracking()
            .Where(d => d.CluMeetingId == cluId && d.Status != DeliveryStatus.Envoye)
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            logger.LogInformation("CLU {CluId}: every recipient already has the summary.", cluId);
            return;
        }

        await TouchBatchAsync(cluId);
        var content = await ContentAsync(await FiguresForAsync(clu, snapshot, cancellationToken), cancellationToken);
        var domain = MimeKit.MailboxAddress.Parse(emailOptions.Value.SenderAddress).Domain;
        var batch = pending.Select(d => CluSummary.For(content, d.RecipientEmail, d.RecipientName) with { MessageId = MessageIdFor(clu, d.RecipientEmail, domain) }).ToList();
        var deliveries = new ClaimedDeliveries<CluDelivery>(db.CluDeliveries, clock, ClaimDuration);
        ClaimedBatchOutcome outcome;
        try
        {
            outcome = await deliveries.SendAsync(email, cluId, pending, batch, cancellationToken, () => TouchBatchAsync(cluId));
        }
        catch (EmailDeliveryException exception)
        {
            logger.LogWarning("CLU {CluId}: summary(ies) not sent, will retry: {Error}", cluId, exception.Message);
            throw;
        }

        if (jobs is not null && await deliveries.FollowUpDelayAsync(outcome.HeldElsewhere, cancellationToken) is { } delay)
        {
            jobs.Schedule<CluSummaryJob>(job => job.RunAsync(cluId, CancellationToken.None), delay);
        }

        logger.LogInformation("CLU {CluId}: summary sent to {Count} recipient(s), {Held} held by another copy of the job.", cluId, outcome.Sent, outcome.HeldElsewhere.Count);
    }

    private IDisposable? LockClu(int cluId)
    {
        if (storage is null)
        {
            return null;
        }

        var connection = storage.GetConnection();
        try
        {
            var handle = connection.AcquireDistributedLock($"voixusager:synthese-clu:{cluId}", LockWait);
            return new Disposables(handle, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private sealed class Disposables(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    private async Task AddMissingDeliveriesAsync(CluMeeting clu, CancellationToken cancellationToken)
    {
        var known = await db.CluDeliveries.Where(d => d.CluMeetingId == clu.Id).Select(d => d.RecipientEmail).ToListAsync(cancellationToken);
        var missing = (await RecipientsAsync(clu, cancellationToken))
            .Where(r => !known.Contains(r.Address, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.UtcNow;
        db.CluDeliveries.AddRange(missing.Select(r => new CluDelivery { CluMeetingId = clu.Id, RecipientEmail = r.Address, RecipientName = r.Name, Status = DeliveryStatus.EnAttente, UpdatedAtUtc = now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another copy added them at the same moment (unique per CLU and address): theirs stand.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A sign of life for the batch's waiting deliveries, so the CLU page tells a long batch from a stalled one.</summary>
    private async Task TouchBatchAsync(int cluId)
    {
        var now = clock.UtcNow;
        await db.CluDeliveries.Where(d => d.CluMeetingId == cluId && d.Status == DeliveryStatus.EnAttente && d.ClaimId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.UpdatedAtUtc, now), CancellationToken.None);
    }

    /// <summary>The préfecture's quality team, and the members who chose to receive the summary.</summary>
    public async Task<IReadOnlyList<(string Address, string? Name)>> RecipientsAsync(CluMeeting clu, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Qualite).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var team = await db.Users
            .Where(u => u.PrefectureId == clu.PrefectureId && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => new { u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        return team.Select(u => (u.Email!, u.DisplayName))
            .Concat(clu.Members.Where(m => m.ReceivesSummary).Select(m => (m.Email, (string?)m.Name)))
            .DistinctBy(r => r.Item1.ToLowerInvariant())
            .ToList();
    }

    /// <summary>The summary as it is (or would be) sent: used for the browser preview and "send to me".</summary>
    public async Task<CluSummary.Content> PreviewAsync(int cluId, CancellationToken cancellationToken) =>
        await ContentAsync(await FiguresForAsync(cluId, cancellationToken), cancellationToken);

    /// <summary>
    /// What the summary, the slide deck and the draft minutes of a CLU are built from: its frozen snapshot
    /// once the summary was prepared, else the figures computed now, as the preview shows them. Nothing
    /// is frozen here: downloading a document must not fix the figures ahead of the summary's schedule.
    /// </summary>
    public async Task<CluFigures> FiguresForAsync(int cluId, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.AsNoTracking().SingleAsync(c => c.Id == cluId, cancellationToken);
        ResultsSnapshot? snapshot = clu.SnapshotId is { } id ? await db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken) : null;
        if (snapshot is not null)
        {
            return await FiguresForAsync(clu, snapshot, cancellationToken);
        }

        var now = clock.UtcNow;
        return await FiguresForAsync(clu, await FiguresAsync(clu, now, cancellationToken), now, frozen: false, cancellationToken);
    }

    /// <summary>The results and the CLU's own sections, all computed at the one cut-off.</summary>
    private async Task<ResultsFigures> FiguresAsync(CluMeeting clu, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var figures = await snapshots.ComputeAsync(clu.PrefectureId, cutoffUtc, cancellationToken, clu.SurveyCampaignId, clu.MysteryCampaignId);
        return figures with { Clu = await sections.ComputeAsync(clu, cutoffUtc, figures.IndicatorPeriod!, cancellationToken) };
    }

    /// <summary>The frozen figures: made once, by whichever copy of the job sets them on the CLU first.</summary>
    private async Task<ResultsSnapshot> SnapshotAsync(CluMeeting clu, CancellationToken cancellationToken)
    {
        if (clu.SnapshotId is { } id)
        {
            return await db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        }

        var cutoff = clock.UtcNow;
        var snapshot = await snapshots.StoreAsync(clu.PrefectureId, cutoff, SnapshotAuthor, await FiguresAsync(clu, cutoff, cancellationToken), cancellationToken);
        var won = await db.CluMeetings.Where(c => c.Id == clu.Id && c.SnapshotId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.SnapshotId, snapshot.Id), cancellationToken) == 1;
        if (won)
        {
            clu.SnapshotId = snapshot.Id;
            return snapshot;
        }

        // Another copy froze the figures first: every recipient gets those, and this copy's are dropped.
        await db.ResultsSnapshots.Where(s => s.Id == snapshot.Id).ExecuteDeleteAsync(cancellationToken);
        clu.SnapshotId = await db.CluMeetings.Where(c => c.Id == clu.Id).Select(c => c.SnapshotId).SingleAsync(cancellationToken);
        return await db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == clu.SnapshotId, cancellationToken);
    }

    private Task<CluFigures> FiguresForAsync(CluMeeting clu, ResultsSnapshot snapshot, CancellationToken cancellationToken) =>
        FiguresForAsync(clu, SnapshotService.Read(snapshot), snapshot.CutoffUtc, frozen: true, cancellationToken);

    private async Task<CluFigures> FiguresForAsync(CluMeeting clu, ResultsFigures figures, DateTime cutoffUtc, bool frozen, CancellationToken cancellationToken)
    {
        var prefectureName = await db.Prefectures.Where(p => p.Id == clu.PrefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var suggestions = await RetainedSuggestions.ForPrefectureAsync(db, clu.PrefectureId, cutoffUtc, cancellationToken);
        return new CluFigures(clu, prefectureName, figures, suggestions, cutoffUtc, frozen);
    }

    private async Task<CluSummary.Content> ContentAsync(CluFigures data, CancellationToken cancellationToken)
    {
        var pieces = await db.CluDocuments.AsNoTracking()
            .Where(d => d.CluMeetingId == data.Clu.Id && d.Kind == CluDocumentKind.PieceSynthese)
            .OrderBy(d => d.Id)
            .Select(d => new EmailAttachment(d.FileName, d.ContentType, d.Content))
            .ToListAsync(cancellationToken);
        return CluSummary.Build(data.Clu, data.PrefectureName, data.Figures, data.Suggestions, data.CutoffUtc, $"{app.Value.PublicBaseUrl.TrimEnd('/')}/resultats")
            with { Pieces = pieces };
    }
}

/// <summary>
/// A CLU's figures as its summary, slide deck and draft minutes all read them: one set, so the three show
/// the same numbers. <paramref name="Frozen"/> is false while the summary has not been prepared yet and the
/// figures are those of <paramref name="CutoffUtc"/>, the moment they were computed.
/// </summary>
public sealed record CluFigures(CluMeeting Clu, string PrefectureName, ResultsFigures Figures, IReadOnlyList<RetainedSuggestion> Suggestions, DateTime CutoffUtc, bool Frozen);
