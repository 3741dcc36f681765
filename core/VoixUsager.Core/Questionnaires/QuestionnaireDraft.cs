namespace VoixUsager.Questionnaires;

/// <summary>
/// The questionnaire a team is editing, before it is published. Saving a draft changes nothing that
/// usagers see: publishing turns it into the next immutable <see cref="QuestionnaireVersion"/>. The
/// draft's content is one JSON document (questions, options, translations) because it is always read
/// and written whole, and is rewritten at every save of the editor.
/// </summary>
public class QuestionnaireDraft
{
    public int Id { get; set; }

    /// <summary>The questionnaire it will be a version of; one draft at most per questionnaire.</summary>
    public required string Key { get; set; }

    /// <summary>Null for a national questionnaire, edited by administrators.</summary>
    public int? PrefectureId { get; set; }

    public required string Title { get; set; }

    /// <summary>The published version it was started from; null for a questionnaire never published.</summary>
    public int? BasedOnVersionId { get; set; }

    public required string ContentJson { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changed at every save, so that two people saving the same draft do not silently overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>
/// Which questionnaire version a site (and optionally one channel of it) answers during a survey campaign,
/// instead of the campaign's own version. The most specific row wins: site and channel, then site.
/// </summary>
public class SurveyCampaignQuestionnaire
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Surveys.SurveyCampaign Campaign { get; set; } = null!;

    public int SiteId { get; set; }

    /// <summary>Null for every channel of the site.</summary>
    public Surveys.SurveyChannel? Channel { get; set; }

    public int QuestionnaireVersionId { get; set; }

    public QuestionnaireVersion QuestionnaireVersion { get; set; } = null!;
}
