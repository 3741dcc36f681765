using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// The questionnaires of one survey campaign: the campaign's own, and another one for a site or one of
/// its channels. Changing them while the campaign runs asks for a confirmation.
/// </summary>
public class CampagnesQuestionnairesModel(AppDbContext db, StaffUser staff, CampaignQuestionnaireService questionnaires, FranceClock clock) : ResultsPageModel(db, staff)
{
    public SurveyCampaign Campaign { get; private set; } = null!;

    public CampaignState State { get; private set; }

    public IReadOnlyList<CampaignQuestionnaireService.VersionChoice> Versions { get; private set; } = [];

    public IReadOnlyList<SiteQuestionnaire> Assignments { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> ActiveSites { get; private set; } = [];

    /// <summary>Responses already collected, by questionnaire version, to say what a switch leaves where it is.</summary>
    public IReadOnlyList<(string Questionnaire, int Responses)> Collected { get; private set; } = [];

    [BindProperty(Name = "site")] public string? SiteField { get; set; }

    [BindProperty(Name = "canal")] public string? ChannelField { get; set; }

    [BindProperty(Name = "questionnaire")] public string? QuestionnaireField { get; set; }

    [BindProperty(Name = "confirmation")] public string? ConfirmationField { get; set; }

    public string? Done { get; private set; }

    /// <summary>Channels a questionnaire may be assigned to, by the name the form posts.</summary>
    public static IReadOnlyList<SurveyChannel> Channels { get; } = Enum.GetValues<SurveyChannel>().Where(c => c != SurveyChannel.NonPrecise).ToList();

    public async Task<IActionResult> OnGetAsync(int campaignId, [FromQuery(Name = "fait")] string? done, CancellationToken cancellationToken)
    {
        if (await ResolveCampaignAsync(campaignId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Done = done == "1" ? "Questionnaires enregistrés." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await ResolveCampaignAsync(campaignId, cancellationToken) is { } refused)
        {
            return refused;
        }

        int? siteId = null;
        if (!string.IsNullOrWhiteSpace(SiteField))
        {
            if (int.TryParse(SiteField, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                siteId = id;
            }
            else
            {
                Errors["site"] = "Choisissez un site de votre préfecture.";
            }
        }

        SurveyChannel? channel = null;
        if (!string.IsNullOrWhiteSpace(ChannelField))
        {
            channel = Channels.Where(c => c.ToString() == ChannelField).Select(c => (SurveyChannel?)c).FirstOrDefault();
            if (channel is null)
            {
                Errors["canal"] = "Choisissez un canal de la liste, ou « tous les canaux ».";
            }
        }

        int? versionId = null;
        if (!string.IsNullOrWhiteSpace(QuestionnaireField))
        {
            if (int.TryParse(QuestionnaireField, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                versionId = id;
            }
            else
            {
                Errors["questionnaire"] = "Choisissez un questionnaire de la liste.";
            }
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        var result = await questionnaires.AssignAsync(PrefectureId, Campaign.Id, new QuestionnaireAssignment(siteId, channel, versionId, ConfirmationField == "oui"),
            new AuditActor(Staff.Id, Staff.Email), cancellationToken);
        return result switch
        {
            ChangeResult.Invalid invalid => Invalid(invalid.Errors, State == CampaignState.Close ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest),
            ChangeResult.NotFound => NotFound(),
            ChangeResult.Forbidden => Forbid(),
            _ => RedirectToPage("/Resultats/CampagnesQuestionnaires", PrefectureRoute(new { campaignId = Campaign.Id, fait = "1" })),
        };
    }

    public string VersionLabel(int versionId) =>
        Versions.FirstOrDefault(v => v.Id == versionId)?.Label ?? $"Questionnaire {versionId}";

    public string SiteName(int siteId) => Sites.FirstOrDefault(s => s.Id == siteId).Name ?? ActiveSites.FirstOrDefault(s => s.Id == siteId).Name ?? $"Site {siteId}";

    private async Task<IActionResult?> ResolveCampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Questionnaires de la campagne";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var campaign = await Db.SurveyCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null || campaign.PrefectureId != PrefectureId)
        {
            // Another préfecture's campaign is not shown, not even to say it exists.
            return NotFound();
        }

        Campaign = campaign;
        State = CampaignStates.Of(campaign.StartsOn, campaign.EndsOn, campaign.ClosedAtUtc is not null, clock.Today);
        ViewData["Title"] = $"Questionnaires de la campagne « {campaign.Name} »";
        Versions = await questionnaires.ChoicesAsync(PrefectureId, cancellationToken);
        Assignments = await questionnaires.AssignmentsAsync(campaign.Id, cancellationToken);
        var prefectureId = PrefectureId;
        ActiveSites = (await Db.Sites.AsNoTracking().Where(s => s.PrefectureId == prefectureId && s.IsActive).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name)).ToList();
        var collected = await Db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
            .GroupBy(r => r.QuestionnaireVersionId).Select(g => new { VersionId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var labels = await Db.QuestionnaireVersions.AsNoTracking().Where(v => collected.Select(c => c.VersionId).Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => SurveyResultsService.QuestionnaireVersionLabel(v.Title, v.VersionNumber), cancellationToken);
        Collected = collected.OrderByDescending(c => c.Count).Select(c => (labels.GetValueOrDefault(c.VersionId) ?? "?", c.Count)).ToList();
        return null;
    }
}
