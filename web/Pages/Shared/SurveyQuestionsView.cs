using VoixUsager.Questionnaires;

namespace VoixUsager.Web.Pages.Shared;

/// <summary>
/// What <c>_SurveyQuestions</c> needs to render a questionnaire's questions: the definition, the
/// errors beside each question, and what was posted (so that a refused form keeps every answer).
/// </summary>
public sealed record SurveyQuestionsView(
    QuestionnaireDefinition Questionnaire,
    IReadOnlyDictionary<int, string> Errors,
    Func<QuestionDefinition, OptionDefinition, bool> IsChecked,
    Func<QuestionDefinition, string> PostedText)
{
    /// <summary>What the two ends of a 0–10 scale mean, read with the question's legend.</summary>
    public const string ZeroToTenHint = "Choisissez une note de 0 à 10 : 0 = pas du tout, 10 = tout à fait.";

    public const string MultipleChoiceHint = "Plusieurs réponses possibles.";
}
