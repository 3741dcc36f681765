using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>A questionnaire assigned to a site, or to one channel of a site, in a campaign.</summary>
public sealed record SiteQuestionnaire(int SiteId, SurveyChannel? Channel, int QuestionnaireVersionId);

/// <summary>Which questionnaire version a site and channel answer in a campaign: one rule for the form, the writer and the staff screen.</summary>
public static class QuestionnaireChoice
{
    /// <summary>The most specific assignment wins: the site and channel's, then the site's, then the campaign's.</summary>
    public static int VersionFor(int campaignVersionId, IEnumerable<SiteQuestionnaire> assignments, int siteId, SurveyChannel channel)
    {
        var ofSite = assignments.Where(a => a.SiteId == siteId).ToList();
        return ofSite.FirstOrDefault(a => a.Channel == channel)?.QuestionnaireVersionId
            ?? ofSite.FirstOrDefault(a => a.Channel is null)?.QuestionnaireVersionId
            ?? campaignVersionId;
    }

    /// <summary>The assignments of one site in a campaign, what <see cref="VersionFor"/> chooses from.</summary>
    public static Task<List<SiteQuestionnaire>> OfSiteAsync(AppDbContext db, int campaignId, int siteId, CancellationToken cancellationToken) =>
        db.SurveyCampaignQuestionnaires.AsNoTracking()
            .Where(a => a.CampaignId == campaignId && a.SiteId == siteId)
            .Select(a => new SiteQuestionnaire(a.SiteId, a.Channel, a.QuestionnaireVersionId))
            .ToListAsync(cancellationToken);
}

/// <summary>What the quality team asks: give a site (or one of its channels) a questionnaire, or the campaign another one.</summary>
/// <param name="SiteId">Null for the campaign's own questionnaire (every site without an assignment).</param>
/// <param name="QuestionnaireVersionId">Null to remove the site's assignment: the site answers the campaign's questionnaire again.</param>
/// <param name="Confirmed">The team confirmed changing the questionnaire of a running campaign.</param>
public sealed record QuestionnaireAssignment(int? SiteId, SurveyChannel? Channel, int? QuestionnaireVersionId, bool Confirmed);

/// <summary>
/// Assigns questionnaire versions to a campaign's sites and channels. A planned campaign changes freely;
/// a running one keeps what it collects with unless the team explicitly switches (confirmed, audited);
/// answers already given keep the version they answered, since each response names it.
/// </summary>
public sealed class CampaignQuestionnaireService(AppDbContext db, FranceClock clock, IMemoryCache cache)
{
    public const string ConfirmationText =
        "Je confirme le changement de questionnaire de cette campagne en cours. Les réponses déjà données restent rattachées à l’ancienne version.";

    public sealed record VersionChoice(int Id, string Label, bool IsNational);

    /// <summary>The published versions a préfecture may use: its own and the national ones, newest first within a questionnaire.</summary>
    public async Task<IReadOnlyList<VersionChoice>> ChoicesAsync(int prefectureId, CancellationToken cancellationToken) =>
        (await db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.PrefectureId == null || v.PrefectureId == prefectureId)
            .Select(v => new { v.Id, v.Title, v.VersionNumber, v.PrefectureId, v.Key })
            .ToListAsync(cancellationToken))
        .OrderBy(v => v.PrefectureId is null ? 0 : 1).ThenBy(v => v.Title, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ThenByDescending(v => v.VersionNumber)
        .Select(v => new VersionChoice(v.Id, Results.SurveyResultsService.QuestionnaireVersionLabel(v.Title, v.VersionNumber) + (v.PrefectureId is null ? " (national)" : ""), v.PrefectureId is null))
        .ToList();

    public async Task<IReadOnlyList<SiteQuestionnaire>> AssignmentsAsync(int campaignId, CancellationToken cancellationToken) =>
        await db.SurveyCampaignQuestionnaires.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .OrderBy(a => a.SiteId).ThenBy(a => a.Channel)
            .Select(a => new SiteQuestionnaire(a.SiteId, a.Channel, a.QuestionnaireVersionId))
            .ToListAsync(cancellationToken);

    public async Task<ChangeResult> AssignAsync(int prefectureId, int campaignId, QuestionnaireAssignment request, AuditActor actor, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return new ChangeResult.NotFound();
        }

        if (campaign.PrefectureId != prefectureId)
        {
            return new ChangeResult.Forbidden();
        }

        var errors = new Dictionary<string, string>();
        var state = Results.CampaignStates.Of(campaign.StartsOn, campaign.EndsOn, campaign.ClosedAtUtc is not null, clock.Today);
        if (state == Results.CampaignState.Close)
        {
            errors[""] = $"La campagne « {campaign.Name} » est close : ses questionnaires ne changent plus.";
            return new ChangeResult.Invalid(errors);
        }

        string? siteName = null;
        if (request.SiteId is { } siteId)
        {
            siteName = await db.Sites.Where(s => s.Id == siteId && s.PrefectureId == prefectureId && s.IsActive).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
            if (siteName is null)
            {
                errors["site"] = "Choisissez un site de votre préfecture.";
            }
        }
        else if (request.Channel is not null)
        {
            errors["site"] = "Choisissez le site dont ce canal reçoit un autre questionnaire.";
        }

        if (request.Channel is { } channel && !Enum.IsDefined(channel))
        {
            errors["canal"] = "Ce canal n’existe pas.";
        }

        string? versionLabel = null;
        if (request.QuestionnaireVersionId is { } versionId)
        {
            versionLabel = await db.QuestionnaireVersions
                .Where(v => v.Id == versionId && (v.PrefectureId == null || v.PrefectureId == prefectureId))
                .Select(v => Results.SurveyResultsService.QuestionnaireVersionLabel(v.Title, v.VersionNumber))
                .SingleOrDefaultAsync(cancellationToken);
            if (versionLabel is null)
            {
                errors["questionnaire"] = "Choisissez un questionnaire publié de votre préfecture ou un questionnaire national.";
            }
        }
        else if (request.SiteId is null)
        {
            errors["questionnaire"] = "Choisissez le questionnaire de la campagne.";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var existing = request.SiteId is { } site
            ? await db.SurveyCampaignQuestionnaires.Where(a => a.CampaignId == campaignId && a.SiteId == site && a.Channel == request.Channel).ToListAsync(cancellationToken)
            : [];
        var unchanged = request.SiteId is null
            ? campaign.QuestionnaireVersionId == request.QuestionnaireVersionId
            : request.QuestionnaireVersionId is { } wanted ? existing.Count == 1 && existing[0].QuestionnaireVersionId == wanted : existing.Count == 0;
        if (unchanged)
        {
            return new ChangeResult.Done(campaign.Id);
        }

        var running = state == Results.CampaignState.Ouverte;
        if (running && !request.Confirmed)
        {
            errors["confirmation"] = "La campagne est en cours : cochez la confirmation pour changer de questionnaire. Les réponses déjà données restent rattachées à l’ancienne version.";
            return new ChangeResult.Invalid(errors);
        }

        var target = request.SiteId is null ? "la campagne"
            : request.Channel is { } ch ? $"{siteName}, canal {SurveyChannels.Label(ch)}" : $"{siteName}, tous les canaux";
        string details;
        if (request.SiteId is null)
        {
            details = $"{campaign.Name} : {target} passe au questionnaire {versionLabel}";
            campaign.QuestionnaireVersionId = request.QuestionnaireVersionId!.Value;
        }
        else
        {
            db.SurveyCampaignQuestionnaires.RemoveRange(existing);
            if (request.QuestionnaireVersionId is { } version)
            {
                db.SurveyCampaignQuestionnaires.Add(new SurveyCampaignQuestionnaire { CampaignId = campaign.Id, SiteId = request.SiteId.Value, Channel = request.Channel, QuestionnaireVersionId = version });
                details = $"{campaign.Name} : {target} reçoit le questionnaire {versionLabel}";
            }
            else
            {
                details = $"{campaign.Name} : {target} revient au questionnaire de la campagne";
            }
        }

        // Auditing a running campaign's switch under its own action makes it easy to find in the journal.
        var action = running ? "campagne.questionnaire.change" : "campagne.questionnaire.attribue";
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, action, nameof(SurveyCampaign),
            campaign.Id.ToString(CultureInfo.InvariantCulture), details), cancellationToken);
        PublicSurveyLookup.Forget(cache, await db.Sites.Where(s => s.PrefectureId == prefectureId).Select(s => s.PublicCode).ToArrayAsync(cancellationToken));
        return new ChangeResult.Done(campaign.Id);
    }
}
