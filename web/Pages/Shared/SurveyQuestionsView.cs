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
    Func<QuestionDefinition, string> PostedText);
