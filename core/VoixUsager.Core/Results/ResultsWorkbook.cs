using VoixUsager.Reporting;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Results;

public sealed record RetainedSuggestion(DateTime SubmittedAtUtc, string Site, string Channel, string MaskedText, string? Response);

/// <summary>
/// The workbook of all the aggregates, one sheet per area, as the quality team pastes them into its
/// own documents. Built from computed results, so it holds the same figures as the dashboards; its
/// first sheet says what it covers.
/// </summary>
public static class ResultsWorkbook
{
    public const string ScopeSheet = "Périmètre";

    public static byte[] Build(ResultsFigures figures, IReadOnlyList<RetainedSuggestion> suggestions, ExportScope scope)
    {
        var survey = figures.Survey;
        var mystery = figures.Mystery;
        var workbook = new XlsxWorkbook();

        workbook.AddSheet(ScopeSheet, ["Périmètre", "Valeur"],
            scope.Header.Select(h => (IReadOnlyList<object?>)[h.Label, h.Value])
                .Append(["Enquête de satisfaction", survey.Scope])
                .Append(["Questionnaires de l’enquête", survey.Questionnaires is { Count: > 0 } sources ? SurveyResults.Describe(sources) : null])
                .Append(["Enquêtes mystères", mystery.Scope])
                .Append(["Indicatif", $"Oui lorsque le taux repose sur moins de {Proportion.IndicativeBelow} réponses ou observations"]));

        workbook.AddSheet("Enquête",
            ["Question", "Tout à fait", "Plutôt", "Plutôt pas", "Pas du tout", "Sans avis", "Exprimées", "Taux de satisfaction", "IC 95 % bas", "IC 95 % haut", "Indicatif", "Note moyenne", "Évolution"],
            survey.Questions.Where(q => q.Scale is not null).Select(q =>
            {
                var s = q.Scale!;
                return (IReadOnlyList<object?>)
                [
                    $"{q.Order}. {q.Text}", s.TresSatisfaits, s.Satisfaits, s.PeuSatisfaits, s.PasSatisfaits, s.SansAvis, s.Expressed,
                    .. RateCells(s.TopTwoBox), s.MeanScore, q.ComparedWithPrevious?.Sentence,
                ];
            }));

        // A multiple choice's share is of the respondents who answered it: its shares may add up to more than 100 %.
        workbook.AddSheet("Questions à choix",
            ["Question", "Type", "Réponse", "Nombre", "Part", "Base de la part", "Questionnaires"],
            survey.Questions.Where(q => q.Kind is Questionnaires.QuestionKind.SingleChoice or Questionnaires.QuestionKind.MultipleChoice)
                .SelectMany(q => q.Options.Select(o => (IReadOnlyList<object?>)
                [
                    $"{q.Order}. {q.Text}", q.Kind == Questionnaires.QuestionKind.MultipleChoice ? "Choix multiple" : "Choix unique", o.Label, o.Count,
                    Pct(q.Share(o).Rate), q.Kind == Questionnaires.QuestionKind.MultipleChoice ? "Répondants à la question" : "Réponses à la question",
                    q.Sources is { } sources ? SurveyResults.Describe(sources) : null,
                ])));

        workbook.AddSheet("Notes de 0 à 10",
            ["Question", "Réponses", "Note moyenne", "Part 9–10", "Part 7–8", "Part 0–6", "Solde 9–10 moins 0–6 (points)", "Questionnaires", .. Enumerable.Range(0, 11).Select(n => $"Note {n}")],
            survey.Questions.Where(q => q.ZeroToTen is not null).Select(q =>
            {
                var z = q.ZeroToTen!;
                return (IReadOnlyList<object?>)
                [
                    $"{q.Order}. {q.Text}", z.Answered, double.IsNaN(z.Mean) ? null : Math.Round(z.Mean, 2), Pct(z.NineToTen.Rate), Pct(z.SevenToEight.Rate), Pct(z.ZeroToSix.Rate),
                    double.IsNaN(z.Balance) ? null : Math.Round(z.Balance, 1), q.Sources is { } sources ? SurveyResults.Describe(sources) : null,
                    .. q.Options.Select(o => (object?)o.Count),
                ];
            }));

        workbook.AddSheet("Sites et canaux",
            ["Site ou canal", "Réponses exprimées", "Taux de satisfaction globale", "IC 95 % bas", "IC 95 % haut", "Indicatif"],
            survey.BySite.Concat(survey.ByChannel).Select(r => (IReadOnlyList<object?>)
                [r.Label, r.Satisfaction.TopTwoBox.Total, .. RateCells(r.Satisfaction.TopTwoBox)]));

        workbook.AddSheet("Langues",
            ["Langue de réponse", "Réponses exprimées", "Taux de satisfaction globale", "IC 95 % bas", "IC 95 % haut", "Indicatif"],
            survey.ByLanguage.Select(r => (IReadOnlyList<object?>)
                [r.Label, r.Satisfaction.TopTwoBox.Total, .. RateCells(r.Satisfaction.TopTwoBox)]));

        workbook.AddSheet("Tendance",
            ["Campagne", "Satisfaction globale"],
            survey.Trend.Select(t => (IReadOnlyList<object?>)[t.Campaign, Pct(t.SatisfactionRate)]));

        workbook.AddSheet("Représentativité",
            ["Site", "Réponses", "Visiteurs par mois (moyenne)", "Objectif (10 %)", "Atteint"],
            survey.Representativeness.Select(r => (IReadOnlyList<object?>)[r.Site, r.Responses, r.AverageMonthlyVisitors, r.Target, r.Reached]));

        workbook.AddSheet("Appels mystères", CriteriaHeaders, Criteria(mystery.Calls.Criteria, mystery.Calls.Groups)
            .Prepend(["Ensemble", "Taux d’appels aboutis", mystery.Calls.Answered.Successes, mystery.Calls.Answered.Total, .. RateCells(mystery.Calls.Answered), null]));

        workbook.AddSheet("Courriels mystères", CriteriaHeaders, Criteria(mystery.Emails.Criteria, mystery.Emails.Groups)
            .Prepend(["Ensemble", "Sans réponse", mystery.Emails.NoReplyRate.Successes, mystery.Emails.NoReplyRate.Total, .. RateCells(mystery.Emails.NoReplyRate), null])
            .Prepend(["Ensemble", "Réponse hors délai (plus de 5 jours ouvrés)", mystery.Emails.LateRate.Successes, mystery.Emails.LateRate.Total, .. RateCells(mystery.Emails.LateRate), null])
            .Prepend(["Ensemble", "Réponse sous 5 jours ouvrés", mystery.Emails.WithinDeadlineRate.Successes, mystery.Emails.WithinDeadlineRate.Total, .. RateCells(mystery.Emails.WithinDeadlineRate), null]));

        workbook.AddSheet("Recommandations",
            ["Type", "Texte"],
            mystery.Recommendations.Strengths.Select(s => (IReadOnlyList<object?>)["Point fort", s])
                .Concat(mystery.Recommendations.Recommendations.Select(r => (IReadOnlyList<object?>)["Recommandation", r]))
                .Concat(mystery.Recommendations.ToConfirm.Select(r => (IReadOnlyList<object?>)["À confirmer", r])));

        workbook.AddSheet("Indicateurs",
            ["Indicateur", "Période", "Cible", "Valeur", "Atteinte", "Calculé", "n", "Indicatif", "Commentaire"],
            figures.Indicators.Select(i => (IReadOnlyList<object?>)[i.Definition.Label, figures.IndicatorPeriodText(), i.Target, i.Value, i.MeetsTarget, i.IsComputed, i.SampleSize,
                i.SampleSize is { } n && n > 0 ? n < Proportion.IndicativeBelow : null, i.Comment]));

        workbook.AddSheet("Suggestions retenues",
            ["Date", "Site", "Canal", "Suggestion", "Réponse ou action"],
            suggestions.Select(s => (IReadOnlyList<object?>)[Calendar.FrenchTimeZones.UtcToParis(s.SubmittedAtUtc), s.Site, s.Channel, s.MaskedText, s.Response]));

        if (figures.Clu is { } clu)
        {
            AddCluSheets(workbook, clu);
        }

        return workbook.ToBytes();
    }

    public const string FollowUpSheet = "Suites données";

    public const string PlanSheet = "Plan d’actions";

    /// <summary>A CLU summary's own sections, from the same frozen figures as its email.</summary>
    private static void AddCluSheets(XlsxWorkbook workbook, Clu.CluSections clu)
    {
        var previous = clu.Previous;
        IEnumerable<IReadOnlyList<object?>> decisions = previous is null ? [[null, null, Clu.CluSectionTexts.NoPreviousClu, null, null, null, null]]
            : previous.Decisions.Count == 0 ? [[Clu.CluSectionTexts.Describe(previous), null, Clu.CluSectionTexts.NoDecision(previous), null, null, null, null]]
            : previous.Decisions.Select(d => (IReadOnlyList<object?>)
            [
                Clu.CluSectionTexts.Describe(previous), d.IsAction ? Clu.CluSectionTexts.Action : Clu.CluSectionTexts.Note, d.Text,
                d.Status is { } status ? ActionPlan.ActionPlanLabels.Status(status) : null,
                d.IsAction ? d.OwnerService ?? ActionPlan.ActionPlanLabels.Unassigned : null, d.DueDate, d.IsAction ? (d.Overdue ? "Oui" : "Non") : null,
            ]);
        workbook.AddSheet(FollowUpSheet, ["CLU précédent", "Nature", "Décision", "Statut à l’arrêté des chiffres", "Service pilote", "Échéance", "En retard"], decisions);

        var progress = clu.Plan.Progress;
        workbook.AddSheet(PlanSheet,
            ["Module", "Réalisées", "Part réalisée", "En cours", "Part en cours", "À réaliser", "Part à réaliser", "Abandonnées"],
            progress.Modules.Append(progress.Overall).Select(l => (IReadOnlyList<object?>)
                    [l.Label, l.Done, Pct(l.DoneShare), l.InProgress, Pct(l.InProgressShare), l.ToDo, Pct(l.ToDoShare), l.Abandoned])
                .Append(["Actions en retard", clu.Plan.Overdue, null, null, null, null, null, null]));

        Register.RegisterWorkbook.AddSheet(workbook, clu.Register);
    }

    private static readonly string[] CriteriaHeaders = ["Thème", "Critère", "Conformes", "n", "Conformité", "IC 95 % bas", "IC 95 % haut", "Indicatif", "Poids"];

    private static IEnumerable<IReadOnlyList<object?>> Criteria(IReadOnlyList<CriterionResult> criteria, IReadOnlyList<GroupResult> groups) =>
        criteria.Select(c => (IReadOnlyList<object?>)[c.Group, c.Label, c.Compliance.Successes, c.Compliance.Total, .. RateCells(c.Compliance), c.Weight])
            .Concat(groups.Select(g => (IReadOnlyList<object?>)[g.Group, "Ensemble du thème", g.Compliance.Successes, g.Compliance.Total, .. RateCells(g.Compliance), null]));

    /// <summary>Rate, interval bounds and the "indicatif" flag; empty cells over no answer, never 0 %.</summary>
    private static object?[] RateCells(Proportion proportion)
    {
        if (proportion.Total == 0)
        {
            return [null, null, null, null];
        }

        var (low, high) = proportion.WilsonInterval();
        return [new Percent(proportion.Rate), new Percent(low), new Percent(high), proportion.IsIndicative];
    }

    private static Percent? Pct(double? rate) => rate is { } value && !double.IsNaN(value) ? new Percent(value) : null;
}
