namespace VoixUsager.ActionPlan;

/// <summary>The French words of the action plan, in one place for pages, workbook and summary.</summary>
public static class ActionPlanLabels
{
    public const string CrossCutting = "Transversal";

    public const string Unassigned = "Non attribuée";

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.ToDo => "À réaliser",
        ActionStatus.InProgress => "En cours",
        ActionStatus.Done => "Réalisée",
        ActionStatus.Abandoned => "Abandonnée",
        _ => status.ToString(),
    };

    public static string Origin(ActionOrigin origin) => origin switch
    {
        ActionOrigin.Free => "Action libre",
        ActionOrigin.SurveyResult => "Résultat d’enquête",
        ActionOrigin.MysteryRecommendation => "Recommandation d’enquête mystère",
        ActionOrigin.SurveySuggestion => "Suggestion d’usager (enquête)",
        ActionOrigin.Complaint => "Réclamation",
        ActionOrigin.CluDecision => "Décision du CLU",
        ActionOrigin.InternalAudit => "Audit interne",
        ActionOrigin.ExternalAudit => "Audit externe",
        ActionOrigin.RegisterSuggestion => "Suggestion d’usager (registre)",
        _ => origin.ToString(),
    };

    public static string Module(int? number, string? name) => number is null ? CrossCutting : $"Module {number} – {name}";

    public static string Badge(ActionStatus status) => status switch
    {
        ActionStatus.Done => "fr-badge--success",
        ActionStatus.InProgress => "fr-badge--info",
        ActionStatus.Abandoned => "",
        _ => "fr-badge--new",
    };
}
