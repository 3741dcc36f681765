using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>The languages the public survey can be answered in, as posters announce them.</summary>
public static class SurveyLanguages
{
    /// <summary>
    /// The languages, named in themselves ("Français", "English"), of the questionnaire a site's poster for a
    /// channel leads to: that of the campaign open today, else of the next one (the site and channel's own
    /// questionnaire when it has one, as the form will show it), else the national questionnaire.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfferedAsync(AppDbContext db, int prefectureId, int siteId, SurveyChannel channel, DateOnly today, CancellationToken cancellationToken = default)
    {
        var campaign = await RunningCampaign.FindAsync(db.SurveyCampaigns, prefectureId, today, cancellationToken)
            ?? await RunningCampaign.NextAsync(db.SurveyCampaigns, prefectureId, today, cancellationToken);
        var versionId = campaign is null
            ? await db.QuestionnaireVersions.AsNoTracking()
                .Where(v => v.Key == DefaultQuestionnaire.Key && v.PrefectureId == null)
                .OrderByDescending(v => v.VersionNumber)
                .Select(v => (int?)v.Id)
                .FirstOrDefaultAsync(cancellationToken)
            : QuestionnaireChoice.VersionFor(campaign.QuestionnaireVersionId, await QuestionnaireChoice.OfSiteAsync(db, campaign.Id, siteId, cancellationToken), siteId, channel);
        var translated = versionId is null ? [] : await db.QuestionnaireVersionTranslations.AsNoTracking()
            .Where(t => t.QuestionnaireVersionId == versionId)
            .Select(t => t.Language)
            .ToListAsync(cancellationToken);
        return Named([QuestionnaireLanguages.French, .. translated.Where(l => l != QuestionnaireLanguages.French).Distinct().Order(StringComparer.Ordinal)]);
    }

    public static IReadOnlyList<string> Named(IEnumerable<string> languages) => languages.Select(QuestionnaireLanguages.NativeName).ToList();
}
