using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>The languages the public survey can be answered in, as posters announce them.</summary>
public static class SurveyLanguages
{
    /// <summary>
    /// The languages, named in themselves ("Français", "English"), of the questionnaire a préfecture's
    /// posters lead to: the campaign open today, else the next one, else the national questionnaire.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfferedAsync(AppDbContext db, int prefectureId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var versionId = (await RunningCampaign.FindAsync(db.SurveyCampaigns, prefectureId, today, cancellationToken))?.QuestionnaireVersionId
            ?? await db.SurveyCampaigns.AsNoTracking()
                .Where(c => c.PrefectureId == prefectureId && c.ClosedAtUtc == null && c.StartsOn > today)
                .OrderBy(c => c.StartsOn).Select(c => (int?)c.QuestionnaireVersionId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.QuestionnaireVersions.AsNoTracking()
                .Where(v => v.Key == DefaultQuestionnaire.Key && v.PrefectureId == null)
                .OrderByDescending(v => v.VersionNumber)
                .Select(v => (int?)v.Id)
                .FirstOrDefaultAsync(cancellationToken);
        var translated = versionId is null ? [] : await db.QuestionnaireVersionTranslations.AsNoTracking()
            .Where(t => t.QuestionnaireVersionId == versionId)
            .Select(t => t.Language)
            .ToListAsync(cancellationToken);
        return Named([QuestionnaireLanguages.French, .. translated.Where(l => l != QuestionnaireLanguages.French).Distinct().Order(StringComparer.Ordinal)]);
    }

    public static IReadOnlyList<string> Named(IEnumerable<string> languages) => languages.Select(QuestionnaireLanguages.NativeName).ToList();
}
