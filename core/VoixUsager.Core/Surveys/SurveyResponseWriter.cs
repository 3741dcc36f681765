using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoixUsager.Data;

namespace VoixUsager.Surveys;

public enum StoreOutcome
{
    Stored,

    /// <summary>The same submission id was already stored: a double click or a re-post.</summary>
    AlreadyStored,

    /// <summary>The campaign closed between the form being shown and the answers arriving.</summary>
    CampaignClosed,

    /// <summary>
    /// The quality team switched the site's questionnaire between the form being shown and the answers
    /// arriving: the answers are to questions no longer asked there, so nothing is stored.
    /// </summary>
    QuestionnaireChanged,
}

/// <param name="Language">The language the usager answered in, as shown to them ("fr" by default).</param>
public sealed record SurveySubmission(int CampaignId, int SiteId, int QuestionnaireVersionId, SurveyChannel Channel, Guid SubmissionId, IReadOnlyList<ValidatedAnswer> Answers, string Language = Questionnaires.QuestionnaireLanguages.French);

/// <summary>
/// Stores survey responses exactly once per submission id, with group commit: submissions that arrive
/// together are written in one transaction by a single writer. SQLite accepts one writer at a time, so
/// thirty-two concurrent transactions would otherwise queue on the file lock; one transaction of
/// thirty-two responses costs little more than one. Each caller still waits until its own response is
/// committed, so an answered "merci" always means stored.
/// </summary>
public sealed class SurveyResponseWriter(IServiceScopeFactory scopes, FranceClock clock, ILogger<SurveyResponseWriter> logger, Telemetry.VoixUsagerMetrics metrics) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(SurveySubmission Submission, TaskCompletionSource<StoreOutcome> Done);

    public Task<StoreOutcome> StoreAsync(SurveySubmission submission)
    {
        var pending = new Pending(submission, new TaskCompletionSource<StoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The application is stopping: the response was not stored.");
        }

        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is already queued is still written below.
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        if (batch.Count > 0)
        {
            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outcomes = await TryWriteTogetherAsync(db, batch);
            foreach (var channel in batch.Where((_, i) => outcomes[i] == StoreOutcome.Stored).GroupBy(p => p.Submission.Channel))
            {
                metrics.SurveyResponsesStored(channel.Count(), channel.Key.ToString());
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // Another process stored one of these ids meanwhile: write them one by one, so one
            // duplicate does not fail the others.
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            if (exception is DbUpdateException update && await IsAlreadyStoredAsync(batch[0].Submission.SubmissionId, update))
            {
                // Alone in its batch, it lost a race with another process storing the same form.
                batch[0].Done.TrySetResult(StoreOutcome.AlreadyStored);
                return;
            }

            logger.LogError(exception, "Could not store {Count} survey response(s); each caller is told nothing was stored.", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(exception);
            }
        }
    }

    private async Task<bool> IsAlreadyStoredAsync(Guid submissionId, DbUpdateException exception)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.SurveyResponses.AnyAsync(r => r.SubmissionId == submissionId);
        }
        catch (Exception checkFailure)
        {
            logger.LogWarning(checkFailure, "Could not tell whether a failed insert ({Error}) was a duplicate.", exception.Message);
            return false;
        }
    }

    private async Task<StoreOutcome[]> TryWriteTogetherAsync(AppDbContext db, List<Pending> batch)
    {
        var outcomes = new StoreOutcome[batch.Count];
        var today = clock.Today;
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync();

        var ids = batch.Select(p => p.Submission.SubmissionId).Distinct().ToList();
        var existing = (await db.SurveyResponses.Where(r => ids.Contains(r.SubmissionId)).Select(r => r.SubmissionId).ToListAsync()).ToHashSet();
        var campaignIds = batch.Select(p => p.Submission.CampaignId).Distinct().ToList();
        // Checked in the same transaction as the insert, so no response lands in a closed campaign.
        var open = await db.SurveyCampaigns
            .Where(SurveyCampaign.OpenOn(today))
            .Where(c => campaignIds.Contains(c.Id))
            .Select(c => new { c.Id, c.QuestionnaireVersionId })
            .ToDictionaryAsync(c => c.Id, c => c.QuestionnaireVersionId);
        // The version a site and channel answer is checked in the same transaction, so a switch by the
        // quality team is never mixed with answers to the former questions.
        var assignments = (await db.SurveyCampaignQuestionnaires
            .Where(a => campaignIds.Contains(a.CampaignId))
            .Select(a => new { a.CampaignId, Assignment = new SiteQuestionnaire(a.SiteId, a.Channel, a.QuestionnaireVersionId) })
            .ToListAsync())
            .ToLookup(a => a.CampaignId, a => a.Assignment);

        for (var i = 0; i < batch.Count; i++)
        {
            var submission = batch[i].Submission;
            if (!open.TryGetValue(submission.CampaignId, out var campaignVersion))
            {
                outcomes[i] = StoreOutcome.CampaignClosed;
                continue;
            }

            if (QuestionnaireChoice.VersionFor(campaignVersion, assignments[submission.CampaignId], submission.SiteId, submission.Channel) != submission.QuestionnaireVersionId)
            {
                outcomes[i] = StoreOutcome.QuestionnaireChanged;
                continue;
            }

            if (!existing.Add(submission.SubmissionId))
            {
                outcomes[i] = StoreOutcome.AlreadyStored;
                continue;
            }

            db.SurveyResponses.Add(new SurveyResponse
            {
                CampaignId = submission.CampaignId,
                SiteId = submission.SiteId,
                QuestionnaireVersionId = submission.QuestionnaireVersionId,
                Channel = submission.Channel,
                Language = submission.Language,
                SubmissionId = submission.SubmissionId,
                SubmittedAtUtc = now,
                Answers = submission.Answers.Select(a => new SurveyAnswer { QuestionId = a.QuestionId, OptionId = a.OptionId, Text = a.Text }).ToList(),
            });
            outcomes[i] = StoreOutcome.Stored;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcomes;
    }
}
