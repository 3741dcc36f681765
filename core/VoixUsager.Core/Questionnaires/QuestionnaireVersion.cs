namespace VoixUsager.Questionnaires;

/// <summary>
/// One immutable version of a questionnaire. Changing a question means creating a new version with the
/// same <see cref="Key"/> and the next <see cref="VersionNumber"/>, so that every stored answer keeps
/// pointing at the exact wording it answered.
/// </summary>
public class QuestionnaireVersion
{
    public int Id { get; set; }

    /// <summary>Identifies the questionnaire across its versions, e.g. "satisfaction-accueil".</summary>
    public required string Key { get; set; }

    public int VersionNumber { get; set; }

    public required string Title { get; set; }

    /// <summary>Null for the national questionnaires every préfecture may use.</summary>
    public int? PrefectureId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<Question> Questions { get; set; } = [];

    public List<QuestionnaireVersionTranslation> Translations { get; set; } = [];
}

public class Question
{
    public int Id { get; set; }

    public int QuestionnaireVersionId { get; set; }

    public QuestionnaireVersion QuestionnaireVersion { get; set; } = null!;

    /// <summary>Stable code used by results across versions, e.g. "satisfaction-globale".</summary>
    public required string Code { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }

    public string? HelpText { get; set; }

    public QuestionKind Kind { get; set; }

    public bool IsRequired { get; set; }

    /// <summary>Only for free text.</summary>
    public int? MaxLength { get; set; }

    public List<QuestionOption> Options { get; set; } = [];

    public List<QuestionTranslation> Translations { get; set; } = [];
}

public enum QuestionKind
{
    SingleChoice,

    /// <summary>Four-point satisfaction scale plus "Sans avis", which counts as not expressed.</summary>
    SatisfactionScale,

    FreeText,

    /// <summary>Any number of the options; one answer row per ticked option.</summary>
    MultipleChoice,

    /// <summary>0 to 10, stored as eleven options whose score is the number.</summary>
    ZeroToTen,
}

public class QuestionOption
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    public Question Question { get; set; } = null!;

    public required string Code { get; set; }

    public int Order { get; set; }

    public required string Label { get; set; }

    /// <summary>4 (tout à fait satisfait) down to 1 (pas du tout) on a satisfaction scale; null otherwise and for "Sans avis".</summary>
    public int? Score { get; set; }

    public List<QuestionOptionTranslation> Translations { get; set; } = [];
}
