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
    /// <summary>The words around the questions ("(facultatif)", the French-text badge): French unless given.</summary>
    public Surveys.SurveyTexts Texts { get; init; } = Surveys.SurveyTexts.French;

    /// <summary>The page's language: the questionnaire's, which texts in another language are marked against.</summary>
    public string PageLanguage => Questionnaire.Language;
}
