namespace VoixUsager.Questionnaires;

/// <summary>
/// A questionnaire version's title in a language other than French. French is the version's own text;
/// a language is offered to usagers when the version has a title in it. Immutable like the version.
/// </summary>
public class QuestionnaireVersionTranslation
{
    public int Id { get; set; }

    public int QuestionnaireVersionId { get; set; }

    public QuestionnaireVersion QuestionnaireVersion { get; set; } = null!;

    /// <summary>A BCP 47 tag, lower-case language with optional region or script: "en", "ar", "fa-af", "zh-hans".</summary>
    public required string Language { get; set; }

    public required string Title { get; set; }
}

/// <summary>A question's wording in one language; a question without one is shown in French, marked so.</summary>
public class QuestionTranslation
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    public Question Question { get; set; } = null!;

    public required string Language { get; set; }

    public required string Text { get; set; }

    public string? HelpText { get; set; }
}

/// <summary>An option's label in one language. Answers store the option id, so every language counts together.</summary>
public class QuestionOptionTranslation
{
    public int Id { get; set; }

    public int OptionId { get; set; }

    public QuestionOption Option { get; set; } = null!;

    public required string Language { get; set; }

    public required string Label { get; set; }
}
