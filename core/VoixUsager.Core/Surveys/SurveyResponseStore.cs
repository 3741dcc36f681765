using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Surveys;

public enum StoreOutcome
{
    Stored,

    /// <summary>The same submission id was already stored: a double click or a re-post.</summary>
    AlreadyStored,
}

/// <summary>Stores one response and its answers in one transaction, exactly once per submission id.</summary>
public sealed class SurveyResponseStore(AppDbContext db, FranceClock clock)
{
    public async Task<StoreOutcome> StoreAsync(
        SurveyAvailability.Open survey,
        SurveyChannel channel,
        Guid submissionId,
        IReadOnlyList<ValidatedAnswer> answers,
        CancellationToken cancellationToken = default)
    {
        if (await db.SurveyResponses.AnyAsync(r => r.SubmissionId == submissionId, cancellationToken))
        {
            return StoreOutcome.AlreadyStored;
        }

        var response = new SurveyResponse
        {
            CampaignId = survey.CampaignId,
            SiteId = survey.Site.Id,
            QuestionnaireVersionId = survey.Questionnaire.VersionId,
            Channel = channel,
            SubmissionId = submissionId,
            SubmittedAtUtc = clock.UtcNow,
            Answers = answers.Select(a => new SurveyAnswer { QuestionId = a.QuestionId, OptionId = a.OptionId, Text = a.Text }).ToList(),
        };
        db.SurveyResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return StoreOutcome.Stored;
        }
        catch (DbUpdateException)
        {
            // Two posts of the same form raced past the check above; the unique index let one through.
            db.ChangeTracker.Clear();
            if (await db.SurveyResponses.AnyAsync(r => r.SubmissionId == submissionId, cancellationToken))
            {
                return StoreOutcome.AlreadyStored;
            }

            throw;
        }
    }
}
