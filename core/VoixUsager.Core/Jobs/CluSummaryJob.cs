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
/// Sends a CLU's summary to the préfecture's quality team and the members who receive it. Idempotent:
/// the figures are frozen in a snapshot the first time; each recipient's delivery is recorded with its
/// Message-ID as soon as the mail server accepts it, so a retry sends only to those not yet served.
/// </summary>
public sealed class CluSummaryJob(AppDbContext db, SnapshotService snapshots, IEmailSender email, IOptions<AppOptions> app, FranceClock clock, ILogger<CluSummaryJob> logger)
{
    public const string SnapshotAuthor = "tâche : synthèse CLU";

    /// <summary>Growing delays; after the last one the failure stays visible on the CLU page.</summary>
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [60, 300, 900, 1800, 3600, 7200, 14400, 28800])]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(int cluId, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.Include(c => c.Members).Include(c => c.Deliveries).SingleOrDefaultAsync(c => c.Id == cluId, cancellationToken);
        if (clu is null)
        {
            logger.LogWarning("CLU {CluId} no longer exists: nothing to send.", cluId);
            return;
        }

        foreach (var (address, name) in await RecipientsAsync(clu, cancellationToken))
        {
            if (!clu.Deliveries.Any(d => string.Equals(d.RecipientEmail, address, StringComparison.OrdinalIgnoreCase)))
            {
                clu.Deliveries.Add(new CluDelivery { RecipientEmail = address, RecipientName = name, Status = DeliveryStatus.EnAttente, UpdatedAtUtc = clock.UtcNow });
            }
        }

        var snapshot = await SnapshotAsync(clu, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var pending = clu.Deliveries.Where(d => d.Status != DeliveryStatus.Envoye).OrderBy(d => d.Id).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("CLU {CluId}: every recipient already has the summary.", cluId);
            return;
        }

        var content = await ContentAsync(clu, snapshot, cancellationToken);
        var batch = pending.Select(d => CluSummary.For(content, d.RecipientEmail, d.RecipientName)).ToList();
        try
        {
            await email.SendAsync(batch, async (index, sent) =>
            {
                var delivery = pending[index];
                delivery.Status = DeliveryStatus.Envoye;
                delivery.MessageId = sent.MessageId;
                delivery.SentAtUtc = clock.UtcNow;
                delivery.Attempts++;
                delivery.LastError = null;
                delivery.UpdatedAtUtc = clock.UtcNow;
                // Committed before the next message goes: a crash from here on cannot send this one twice.
                await db.SaveChangesAsync(CancellationToken.None);
            }, cancellationToken);
        }
        catch (EmailDeliveryException exception)
        {
            foreach (var delivery in pending.Where(d => d.Status != DeliveryStatus.Envoye))
            {
                delivery.Status = DeliveryStatus.Echec;
                delivery.Attempts++;
                delivery.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                delivery.UpdatedAtUtc = clock.UtcNow;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("CLU {CluId}: {Failed} summary(ies) not sent, will retry: {Error}", cluId, pending.Count(d => d.Status == DeliveryStatus.Echec), exception.Message);
            throw;
        }

        logger.LogInformation("CLU {CluId}: summary sent to {Count} recipient(s).", cluId, pending.Count);
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
    public async Task<CluSummary.Content> PreviewAsync(int cluId, CancellationToken cancellationToken)
    {
        var clu = await db.CluMeetings.AsNoTracking().SingleAsync(c => c.Id == cluId, cancellationToken);
        ResultsSnapshot? snapshot = clu.SnapshotId is { } id ? await db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken) : null;
        if (snapshot is not null)
        {
            return await ContentAsync(clu, snapshot, cancellationToken);
        }

        var figures = await snapshots.ComputeAsync(clu.PrefectureId, clock.UtcNow, cancellationToken, clu.SurveyCampaignId, clu.MysteryCampaignId);
        return await ContentAsync(clu, figures, clock.UtcNow, cancellationToken);
    }

    private async Task<ResultsSnapshot> SnapshotAsync(CluMeeting clu, CancellationToken cancellationToken)
    {
        if (clu.SnapshotId is { } id)
        {
            return await db.ResultsSnapshots.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        }

        var snapshot = await snapshots.CreateAsync(clu.PrefectureId, clock.UtcNow, SnapshotAuthor, cancellationToken, clu.SurveyCampaignId, clu.MysteryCampaignId);
        clu.SnapshotId = snapshot.Id;
        return snapshot;
    }

    private Task<CluSummary.Content> ContentAsync(CluMeeting clu, ResultsSnapshot snapshot, CancellationToken cancellationToken) =>
        ContentAsync(clu, SnapshotService.Read(snapshot), snapshot.CutoffUtc, cancellationToken);

    private async Task<CluSummary.Content> ContentAsync(CluMeeting clu, ResultsFigures figures, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var prefectureName = await db.Prefectures.Where(p => p.Id == clu.PrefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var suggestions = await RetainedSuggestions.ForPrefectureAsync(db, clu.PrefectureId, cutoffUtc, cancellationToken);
        return CluSummary.Build(clu, prefectureName, figures, suggestions, cutoffUtc, $"{app.Value.PublicBaseUrl.TrimEnd('/')}/resultats");
    }
}
