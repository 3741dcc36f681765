namespace VoixUsager.Surveys;

/// <summary>The languages the public survey can be answered in, as posters announce them.</summary>
public static class SurveyLanguages
{
    /// <summary>
    /// Questionnaire versions hold one text per question and the form is served in French: when versions
    /// carry translations, this list is where posters learn of them.
    /// </summary>
    public static IReadOnlyList<string> Offered { get; } = ["Français"];
}
