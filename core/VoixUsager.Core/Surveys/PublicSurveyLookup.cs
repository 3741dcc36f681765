using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>The site was retired: where to go instead, from the administrator's message and the préfecture's other sites.</summary>
    public sealed record Retired(PublicSite Site, DateOnly RetiredOn, string? Message, IReadOnlyList<PublicSite> OtherSites) : SurveyAvailability;

    public sealed record Open(PublicSite Site, int CampaignId, string CampaignName, QuestionnaireDefinition Questionnaire) : SurveyAvailability;
}

/// <summary>Finds, for a site's public code, the campaign a usager answers today.</summary>
public sealed class PublicSurveyLookup(AppDbContext db, QuestionnaireCatalog catalog, FranceClock clock, IMemoryCache cache)
{
    /// <summary>
    /// The form is the hottest page of the application, and which campaign is open changes a few times a
    /// year: a site's availability is remembered for a few seconds. Nothing is stored on that memory
    /// alone: the writer checks the campaign again in the transaction that stores the response.
    /// </summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    public Task<SurveyAvailability> FindAsync(string? siteCode, CancellationToken cancellationToken = default) =>
        FindAsync(siteCode, SurveyChannel.NonPrecise, cancellationToken);

    /// <summary>
    /// The survey of a site as reached through <paramref name="channel"/>: the questionnaire assigned to the
    /// site and channel, else to the site, else the campaign's (<see cref="QuestionnaireChoice"/>).
    /// </summary>
    public async Task<SurveyAvailability> FindAsync(string? siteCode, SurveyChannel channel, CancellationToken cancellationToken)
    {
        var code = NormaliseCode(siteCode);
        if (code is null || !cache.TryGetValue(CacheKey(code), out Found? found) || found is null)
        {
            found = await FindUncachedAsync(code, cancellationToken);
            if (found.Availability is not SurveyAvailability.UnknownSite)
            {
                // Unknown codes are not remembered: random URLs must not fill the cache.
                cache.Set(CacheKey(code!), found, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheDuration });
            }
        }

        if (found.Availability is SurveyAvailability.Open open && found.CampaignVersionId is { } campaignVersion)
        {
            var versionId = QuestionnaireChoice.VersionFor(campaignVersion, found.Assignments, open.Site.Id, channel);
            if (versionId != open.Questionnaire.VersionId)
            {
                return open with { Questionnaire = await catalog.GetAsync(versionId, cancellationToken) };
            }
        }

        return found.Availability;
    }

    /// <summary>A site's availability with the campaign's questionnaire, and the site's own assignments to pick from by channel.</summary>
    private sealed record Found(SurveyAvailability Availability, int? CampaignVersionId = null, IReadOnlyList<SiteQuestionnaire>? AssignmentsOrNull = null)
    {
        public IReadOnlyList<SiteQuestionnaire> Assignments => AssignmentsOrNull ?? [];
    }

    private static string CacheKey(string code) => $"survey-availability:{code}";

    /// <summary>
    /// Drops what this process remembers of the codes' surveys, after an administrator changed or closed
    /// the site: its own next request sees the change at once (other processes within the cache duration).
    /// </summary>
    public static void Forget(IMemoryCache cache, params string[] codes)
    {
        foreach (var code in codes)
        {
            cache.Remove(CacheKey(code));
        }
    }

    private async Task<Found> FindUncachedAsync(string? siteCode, CancellationToken cancellationToken)
    {
        var site = await FindSiteAsync(siteCode, cancellationToken);
        if (site is null)
        {
            return new Found(await FindRetiredAsync(siteCode, cancellationToken) ?? (SurveyAvailability)new SurveyAvailability.UnknownSite());
        }

        var today = clock.Today;
        var campaign = await RunningCampaign.FindAsync(db.SurveyCampaigns, site.PrefectureId, today, cancellationToken);
        if (campaign is null)
        {
            var next = await RunningCampaign.NextAsync(db.SurveyCampaigns, site.PrefectureId, today, cancellationToken);
            return new Found(new SurveyAvailability.Closed(site, next?.StartsOn));
        }

        var questionnaire = await catalog.GetAsync(campaign.QuestionnaireVersionId, cancellationToken);
        var assignments = await QuestionnaireChoice.OfSiteAsync(db, campaign.Id, site.Id, cancellationToken);
        return new Found(new SurveyAvailability.Open(site, campaign.Id, campaign.Name, questionnaire), campaign.QuestionnaireVersionId, assignments);
    }

    private async Task<SurveyAvailability.Retired?> FindRetiredAsync(string? siteCode, CancellationToken cancellationToken)
    {
        var code = NormaliseCode(siteCode);
        var retired = code is null ? null : await db.Sites
            .AsNoTracking()
            .Where(s => s.PublicCode == code && !s.IsActive)
            .Select(s => new { Site = new PublicSite(s.Id, s.PublicCode, s.Name, s.Kind, s.PrefectureId, s.Prefecture.DisplayName), s.RetiredAtUtc, s.RetirementMessage })
            .SingleOrDefaultAsync(cancellationToken);
        if (retired is null)
        {
            return null;
        }

        var others = await db.Sites
            .AsNoTracking()
            .Where(s => s.PrefectureId == retired.Site.PrefectureId && s.IsActive)
            .OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new PublicSite(s.Id, s.PublicCode, s.Name, s.Kind, s.PrefectureId, s.Prefecture.DisplayName))
            .ToListAsync(cancellationToken);
        var retiredOn = retired.RetiredAtUtc is { } at ? FranceClock.DateOf(at) : clock.Today;
        return new SurveyAvailability.Retired(retired.Site, retiredOn, retired.RetirementMessage, others);
    }

    /// <summary>
    /// The current code of the site that had <paramref name="siteCode"/> before, so that posters printed
    /// with an old code lead to the survey; null when the code never was a site's.
    /// </summary>
    public async Task<string?> FindCurrentCodeAsync(string? siteCode, CancellationToken cancellationToken = default)
    {
        var code = NormaliseCode(siteCode);
        return code is null ? null : await db.SiteFormerCodes
            .AsNoTracking()
            .Where(f => f.Code == code)
            .Select(f => f.Site.PublicCode)
            .SingleOrDefaultAsync(cancellationToken);
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
