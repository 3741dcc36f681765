namespace VoixUsager.Mystery;

/// <summary>The words people read for a call's outcome and a criterion's answer, on every screen and export.</summary>
public static class MysteryLabels
{
    public static readonly IReadOnlyDictionary<CallOutcome, string> Outcomes = new Dictionary<CallOutcome, string>
    {
        [CallOutcome.Abouti] = "Abouti",
        [CallOutcome.PasDeReponse] = "Pas de réponse",
        [CallOutcome.Occupe] = "Occupé",
        [CallOutcome.Messagerie] = "Messagerie",
    };

    public static readonly IReadOnlyDictionary<CriterionChoice, string> Choices = new Dictionary<CriterionChoice, string>
    {
        [CriterionChoice.Oui] = "Oui",
        [CriterionChoice.Non] = "Non",
        [CriterionChoice.SansObjet] = "Sans objet",
    };

    public static string Outcome(CallOutcome outcome) => Outcomes[outcome];

    public static string Choice(CriterionChoice choice) => Choices[choice];

    /// <summary>An answer as written in a table: the choice, the 1–4 level or the number; null when not answered.</summary>
    public static string? Answer(MysteryAnswer? answer) =>
        answer is null ? null
        : answer.Choice is { } choice ? Choice(choice)
        : answer.Scale?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? answer.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
