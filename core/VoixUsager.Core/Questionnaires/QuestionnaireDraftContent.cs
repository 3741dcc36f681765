using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoixUsager.Questionnaires;

/// <summary>
/// What a <see cref="QuestionnaireDraft"/> holds in its JSON column: the questions in their order, with
/// their options and translations, and the languages the team works on. French is the text itself;
/// every other language is a dictionary by tag, so that a missing translation is simply absent.
/// </summary>
public sealed class DraftContent
{
    /// <summary>Built as the national core plus a few local questions: then core questions are locked and local ones limited.</summary>
    public bool FromNationalCore { get; set; }

    public List<DraftQuestion> Questions { get; set; } = [];

    /// <summary>Normalised BCP 47 tags besides French, in the order they were added.</summary>
    public List<string> Languages { get; set; } = [];

    public Dictionary<string, string> TitleTranslations { get; set; } = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Serialise() => JsonSerializer.Serialize(this, Json);

    public static DraftContent Parse(string json) => JsonSerializer.Deserialize<DraftContent>(json, Json) ?? new DraftContent();
}

public sealed class DraftQuestion
{
    /// <summary>The code results follow across versions; generated for a new question, kept otherwise.</summary>
    public required string Code { get; set; }

    /// <summary>A question of the national core copied into a local questionnaire: its wording is the national one.</summary>
    public bool IsCore { get; set; }

    public QuestionKind Kind { get; set; }

    public required string Text { get; set; }

    public string? HelpText { get; set; }

    public bool IsRequired { get; set; }

    /// <summary>Free text only.</summary>
    public int? MaxLength { get; set; }

    /// <summary>Satisfaction scale only: whether "Sans avis" is offered.</summary>
    public bool IncludeSansAvis { get; set; }

    /// <summary>Ticked by the team when the text changed but not its meaning: the question keeps its code.</summary>
    public bool MeaningUnchanged { get; set; }

    /// <summary>Who ticked <see cref="MeaningUnchanged"/>, for the audit entry written at publication.</summary>
    public string? MeaningUnchangedByUserId { get; set; }

    public string? MeaningUnchangedByEmail { get; set; }

    public List<DraftOption> Options { get; set; } = [];

    public Dictionary<string, string> TextTranslations { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> HelpTranslations { get; set; } = new(StringComparer.Ordinal);
}

public sealed class DraftOption
{
    public required string Code { get; set; }

    public required string Label { get; set; }

    public int? Score { get; set; }

    public Dictionary<string, string> LabelTranslations { get; set; } = new(StringComparer.Ordinal);
}
