using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>
/// One usager's answers. Deliberately holds nothing that identifies the person or the device:
/// no IP address, no user agent, no cookie.
/// </summary>
public class SurveyResponse
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public SurveyCampaign Campaign { get; set; } = null!;

    public int SiteId { get; set; }

    public Site Site { get; set; } = null!;

    /// <summary>Denormalised from the campaign so that an answer always names the version it answered.</summary>
    public int QuestionnaireVersionId { get; set; }

    public SurveyChannel Channel { get; set; }

    /// <summary>The language the usager answered in (BCP 47, "fr" by default), for results by language.</summary>
    public string Language { get; set; } = QuestionnaireLanguages.French;

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>The one-time id put in the form; unique, so a double click or re-post stores one response.</summary>
    public Guid SubmissionId { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];
}

public class SurveyAnswer
{
    public long Id { get; set; }

    public long ResponseId { get; set; }

    public SurveyResponse Response { get; set; } = null!;

    public int QuestionId { get; set; }

    public int? OptionId { get; set; }

    public string? Text { get; set; }
}
