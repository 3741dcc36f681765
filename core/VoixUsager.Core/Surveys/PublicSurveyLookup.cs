using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

public sealed record PublicSite(int Id, string PublicCode, string Name, SiteKind Kind, int PrefectureId, string PrefectureDisplayName)
{
    /// <summary>The préfecture's name after an article: "préfecture de la Drôme".</summary>
    public string PrefectureInSentence =>
        PrefectureDisplayName.Length == 0 ? PrefectureDisplayName : char.ToLowerInvariant(PrefectureDisplayName[0]) + PrefectureDisplayName[1..];
}

public abstract record SurveyAvailability
{
    public sealed record UnknownSite : SurveyAvailability;

    public sealed record Closed(PublicSite Site, DateOnly? NextOpening) : SurveyAvailability;

    public sealed record Open(PublicSite Site, int CampaignId, string CampaignName, QuestionnaireDefinition Questionnaire) : SurveyAvailability;
}

/// <summary>Finds, for a site's public code, the campaign a usager answers today.</summary>
public sealed class PublicSurveyLookup(AppDbContext db, QuestionnaireCatalog catalog, FranceClock clock)
{
    public async Task<SurveyAvailability> FindAsync(string? siteCode, CancellationToken cancellationToken = default)
    {
        var site = await FindSiteAsync(siteCode, cancellationToken);
        if (site is null)
        {
            return new SurveyAvailability.UnknownSite();
        }

        var today = clock.Today;
        var campaign = await db.SurveyCampaigns
            .AsNoTracking()
            .Where(c => c.PrefectureId == site.PrefectureId && c.ClosedAtUtc == null && c.StartsOn <= today && c.EndsOn >= today)
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new { c.Id, c.Name, c.QuestionnaireVersionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            var nextOpening = await db.SurveyCampaigns
                .AsNoTracking()
                .Where(c => c.PrefectureId == site.PrefectureId && c.ClosedAtUtc == null && c.StartsOn > today)
                .OrderBy(c => c.StartsOn)
                .Select(c => (DateOnly?)c.StartsOn)
                .FirstOrDefaultAsync(cancellationToken);
            return new SurveyAvailability.Closed(site, nextOpening);
        }

        var questionnaire = await catalog.GetAsync(campaign.QuestionnaireVersionId, cancellationToken);
        return new SurveyAvailability.Open(site, campaign.Id, campaign.Name, questionnaire);
    }

    public async Task<PublicSite?> FindSiteAsync(string? siteCode, CancellationToken cancellationToken = default)
    {
        var code = NormaliseCode(siteCode);
        return code is null ? null : await db.Sites
            .AsNoTracking()
            .Where(s => s.PublicCode == code && s.IsActive)
            .Select(s => new PublicSite(s.Id, s.PublicCode, s.Name, s.Kind, s.PrefectureId, s.Prefecture.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Codes are lower-case letters, digits and hyphens; anything else cannot be a site.</summary>
    public static string? NormaliseCode(string? siteCode)
    {
        if (string.IsNullOrWhiteSpace(siteCode) || siteCode.Length > 60)
        {
            return null;
        }

        var code = siteCode.Trim().ToLowerInvariant();
        return code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') ? code : null;
    }
}
