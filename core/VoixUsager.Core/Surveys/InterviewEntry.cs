using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>
/// Surveys the quality team administers itself (phone interviews, collectivités): which campaign and
/// questionnaire a site and channel answer today. The answers are stored like the public's, anonymous:
/// nothing ties them to the agent who typed them.
/// </summary>
public sealed class InterviewEntry(AppDbContext db, QuestionnaireCatalog catalog, FranceClock clock)
{
    /// <summary>The channels whose answers an agent types; never reachable through a public link.</summary>
    public static IReadOnlyList<SurveyChannel> Channels { get; } = [SurveyChannel.EnqueteTelephonique, SurveyChannel.Collectivites];

    public abstract record Target
    {
        public sealed record Refused(string Field, string Message) : Target;

        public sealed record NoCampaign : Target;

        public sealed record Ready(int SiteId, string SiteName, SurveyChannel Channel, int CampaignId, string CampaignName, QuestionnaireDefinition Questionnaire) : Target;
    }

    public async Task<Target> FindAsync(int prefectureId, int? siteId, SurveyChannel? channel, CancellationToken cancellationToken)
    {
        if (channel is not { } chosen || !Channels.Contains(chosen))
        {
            return new Target.Refused("canal", "Choisissez le type d’enquête : enquête téléphonique ou collectivités.");
        }

        var site = siteId is { } id
            ? await db.Sites.AsNoTracking().Where(s => s.Id == id && s.PrefectureId == prefectureId && s.IsActive).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (site is null)
        {
            // Another préfecture's site reads as unknown: its existence is none of this team's business.
            return new Target.Refused("site", "Choisissez un site de votre préfecture.");
        }

        var today = clock.Today;
        var campaign = await RunningCampaign.FindAsync(db.SurveyCampaigns, prefectureId, today, cancellationToken);
        if (campaign is null)
        {
            return new Target.NoCampaign();
        }

        var assignments = await QuestionnaireChoice.OfSiteAsync(db, campaign.Id, site.Id, cancellationToken);
        var versionId = QuestionnaireChoice.VersionFor(campaign.QuestionnaireVersionId, assignments, site.Id, chosen);
        return new Target.Ready(site.Id, site.Name, chosen, campaign.Id, campaign.Name, await catalog.GetAsync(versionId, cancellationToken));
    }
}
