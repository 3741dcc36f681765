using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoixUsager.Data;

namespace VoixUsager.Jobs;

/// <summary>Bound from the <c>Retention</c> section: how long personal data is kept (RGPD).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Usagers' free-text suggestions may contain personal data despite the warning on the form.</summary>
    [Range(1, 240)]
    public int FreeTextMonths { get; set; } = 24;

    /// <summary>
    /// Contact details left with a suggestion or complaint (name, email, postal address), counted from the
    /// day the case was answered or closed, or received while it is still open: time to answer and to be
    /// asked about the answer, no more. A scanned fiche or letter attached to the case goes at the same
    /// time: it carries the same name and address, handwritten.
    /// </summary>
    [Range(1, 240)]
    public int CaseContactMonths { get; set; } = 12;

    /// <summary>Audit entries name staff members and what they did.</summary>
    [Range(1, 240)]
    public int AuditMonths { get; set; } = 12;
}

/// <summary>What one run removed.</summary>
public sealed record RetentionResult(int FreeTextAnswersDeleted, int SuggestionReviewsDeleted, int AuditEntriesDeleted, int CaseContactsErased = 0, int CaseAttachmentsDeleted = 0);

/// <summary>
/// Deletes what is past its retention period: free-text answers (with the quality team's review of
/// them) and audit entries. Choice answers, responses, indicators and results snapshots hold no
/// personal data and stay, so results over past periods do not change.
/// </summary>
public sealed class RetentionJob(AppDbContext db, FranceClock clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger)
{
    /// <summary>
    /// Rows per statement, so that years of backlog on a first run do not hold one huge transaction
    /// and lock the tables the survey writes to. Settable for tests only.
    /// </summary>
    internal int BatchSize { get; set; } = 10_000;

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var freeTextCutoff = now.AddMonths(-settings.FreeTextMonths);
        var auditCutoff = now.AddMonths(-settings.AuditMonths);

        var (answers, reviews) = await DeleteFreeTextsAsync(freeTextCutoff, cancellationToken);
        var audit = await DeleteAuditEntriesAsync(auditCutoff, cancellationToken);
        var caseCutoff = clock.Today.AddMonths(-settings.CaseContactMonths);
        var contacts = await EraseCaseContactsAsync(caseCutoff, now, cancellationToken);
        var attachments = await DeleteCaseAttachmentsAsync(caseCutoff, cancellationToken);

        logger.LogInformation(
            "Rétention : {FreeTexts} réponse(s) libre(s) antérieure(s) au {FreeTextCutoff:yyyy-MM-dd} supprimée(s) avec {Reviews} suite(s) donnée(s) ; {Audit} entrée(s) du journal antérieure(s) au {AuditCutoff:yyyy-MM-dd} supprimée(s).",
            answers, freeTextCutoff, reviews, audit, auditCutoff);
        logger.LogInformation("Rétention : coordonnées effacées de {Contacts} suggestion(s) ou réclamation(s), {Attachments} pièce(s) jointe(s) supprimée(s).", contacts, attachments);
        return new RetentionResult(answers, reviews, audit, contacts, attachments);
    }

    // The free-text answer rows are deleted rather than emptied: the question is optional, an answer
    // with neither option nor text would mean nothing, and no aggregate counts them.
    private async Task<(int Answers, int Reviews)> DeleteFreeTextsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var expired = db.SurveyAnswers.Where(a => a.Text != null && a.Response.SubmittedAtUtc < cutoff);
        int answers = 0, reviews = 0;
        while (true)
        {
            // A batch is bounded by the highest id among the next BatchSize rows rather than by a list of
            // ids: a list of 10,000 parameters would exceed SQL Server's limit of 2,100.
            var upTo = await expired.OrderBy(a => a.Id).Take(BatchSize).MaxAsync(a => (long?)a.Id, cancellationToken);
            if (upTo is null)
            {
                return (answers, reviews);
            }

            // Deleted first and explicitly: ExecuteDelete bypasses EF's cascade, and counting them is wanted.
            reviews += await db.SuggestionReviews
                .Where(r => expired.Any(a => a.Id == r.AnswerId && a.Id <= upTo))
                .ExecuteDeleteAsync(cancellationToken);
            answers += await expired.Where(a => a.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
        }
    }

    // The case stays, for the yearly figures; only what identifies the person goes.
    private Task<int> EraseCaseContactsAsync(DateOnly cutoff, DateTime now, CancellationToken cancellationToken) =>
        db.RegisterCases
            .Where(c => (c.ContactName != null || c.ContactEmail != null || c.ContactPostalAddress != null)
                        && (c.ClosedOn ?? c.ReceivedOn) < cutoff)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.ContactName, (string?)null)
                .SetProperty(c => c.ContactEmail, (string?)null)
                .SetProperty(c => c.ContactPostalAddress, (string?)null)
                .SetProperty(c => c.ContactErasedAtUtc, now), cancellationToken);

    private Task<int> DeleteCaseAttachmentsAsync(DateOnly cutoff, CancellationToken cancellationToken) =>
        db.RegisterAttachments
            .Where(a => db.RegisterCases.Any(c => c.Id == a.CaseId && (c.ClosedOn ?? c.ReceivedOn) < cutoff))
            .ExecuteDeleteAsync(cancellationToken);

    private async Task<int> DeleteAuditEntriesAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var expired = db.AuditEntries.Where(e => e.AtUtc < cutoff);
        var deleted = 0;
        while (true)
        {
            var upTo = await expired.OrderBy(e => e.Id).Take(BatchSize).MaxAsync(e => (long?)e.Id, cancellationToken);
            if (upTo is null)
            {
                return deleted;
            }

            deleted += await expired.Where(e => e.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
