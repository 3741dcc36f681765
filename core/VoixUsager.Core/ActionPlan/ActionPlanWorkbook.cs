using VoixUsager.Reporting;

namespace VoixUsager.ActionPlan;

/// <summary>
/// The action plan as the CLU's annex: a first sheet saying which préfecture, which filters and which
/// date, then the progress per module and the actions. Same figures as the plan page (one computation).
/// </summary>
public static class ActionPlanWorkbook
{
    public const string ScopeSheet = "Annexe";

    public static byte[] Build(string prefectureName, string filters, DateTime generatedParis, PlanProgress progress, IReadOnlyList<ActionRow> actions)
    {
        var workbook = new XlsxWorkbook();
        workbook.AddSheet(ScopeSheet, ["Plan d’actions", "Valeur"],
        [
            ["Préfecture", prefectureName],
            ["Filtres", filters],
            ["Établi le", generatedParis],
            ["Lecture", "Les pourcentages portent sur les actions poursuivies ; les actions abandonnées sont comptées à part."],
        ]);
        workbook.AddSheet("Avancement",
            ["Module", "Réalisées", "Part réalisée", "En cours", "Part en cours", "À réaliser", "Part à réaliser", "Abandonnées"],
            progress.Modules.Append(progress.Overall).Select(l => (IReadOnlyList<object?>)
                [l.Label, l.Done, Pct(l.DoneShare), l.InProgress, Pct(l.InProgressShare), l.ToDo, Pct(l.ToDoShare), l.Abandoned]));
        workbook.AddSheet("Actions",
            ["Action", "Module", "Engagement", "Service pilote", "Échéance", "Statut", "En retard", "Origine"],
            actions.Select(a => (IReadOnlyList<object?>)
            [
                a.Title, ActionPlanLabels.Module(a.ModuleNumber, a.ModuleName), a.EngagementNumber, a.ServiceName ?? ActionPlanLabels.Unassigned,
                a.DueDate, ActionPlanLabels.Status(a.Status), a.Overdue ? "Oui" : "Non", ActionPlanLabels.Origin(a.Origin),
            ]));
        return workbook.ToBytes();
    }

    private static Percent? Pct(double? share) => share is { } value ? new Percent(value) : null;
}
