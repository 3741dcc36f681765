using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>A period during which a préfecture's sites collect the satisfaction survey, e.g. October–December.</summary>
public class SurveyCampaign
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;

    public required string Name { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int QuestionnaireVersionId { get; set; }

    public QuestionnaireVersion QuestionnaireVersion { get; set; } = null!;

    /// <summary>Set when the quality team closes the campaign before its end date.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Sites (or a site's channel) that answer another questionnaire than <see cref="QuestionnaireVersionId"/>.</summary>
    public List<SurveyCampaignQuestionnaire> SiteQuestionnaires { get; set; } = [];

    public bool IsOpenOn(DateOnly day) => ClosedAtUtc is null && StartsOn <= day && day <= EndsOn;
}
