namespace VoixUsager.Surveys;

public static class SurveyLimits
{
    /// <summary>The longest suggestion a usager may write; the form, the validation and the column agree on it.</summary>
    public const int FreeTextMaxLength = 2000;
}
