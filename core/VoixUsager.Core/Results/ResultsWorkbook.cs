using VoixUsager.Reporting;

namespace VoixUsager.Results;

public sealed record RetainedSuggestion(DateTime SubmittedAtUtc, string Site, string Channel, string MaskedText, string? Response);

/// <summary>
/// The workbook of all the aggregates, one sheet per area, as the quality team pastes them into its
/// own documents. Built from computed results, so it holds the same figures as the dashboards.
/// </summary>
public static class ResultsWorkbook
{
    public static byte[] Build(ResultsFigures figures, IReadOnlyList<RetainedSuggestion> suggestions)
    {
        var survey = figures.Survey;
        var mystery = figures.Mystery;
        var workbook = new XlsxWorkbook();

        workbook.AddSheet("Enquête",
            ["Question", "Tout à fait", "Plutôt", "Plutôt pas", "Pas du tout", "Sans avis", "Exprimées", "Taux de satisfaction", "IC 95 % bas", "IC 95 % haut", "Indicatif", "Note moyenne", "Évolution"],
            survey.Questions.Where(q => q.Scale is not null).Select(q =>
            {
                var s = q.Scale!;
                var (low, high) = s.TopTwoBox.WilsonInterval();
                return (IReadOnlyList<object?>)
                [
                    $"{q.Order}. {q.Text}", s.TresSatisfaits, s.Satisfaits, s.PeuSatisfaits, s.PasSatisfaits, s.SansAvis, s.Expressed,
                    Pct(s.TopTwoBox.Total == 0 ? null : s.TopTwoBox.Rate), Pct(s.TopTwoBox.Total == 0 ? null : low), Pct(s.TopTwoBox.Total == 0 ? null : high),
                    s.TopTwoBox.IsIndicative, s.MeanScore, q.ComparedWithPrevious?.Sentence,
                ];
            }));

        workbook.AddSheet("Questions à choix",
            ["Question", "Réponse", "Nombre"],
            survey.Questions.Where(q => q.Kind == Questionnaires.QuestionKind.SingleChoice)
                .SelectMany(q => q.Options.Select(o => (IReadOnlyList<object?>)[$"{q.Order}. {q.Text}", o.Label, o.Count])));

        workbook.AddSheet("Sites et canaux",
            ["Site ou canal", "Taux de satisfaction globale", "Réponses exprimées", "Indicatif"],
            survey.BySite.Concat(survey.ByChannel).Select(r => (IReadOnlyList<object?>)
                [r.Label, Pct(r.Satisfaction.TopTwoBox.Total == 0 ? null : r.Satisfaction.TopTwoBox.Rate), r.Satisfaction.TopTwoBox.Total, r.Satisfaction.TopTwoBox.IsIndicative]));

        workbook.AddSheet("Tendance",
            ["Campagne", "Satisfaction globale"],
            survey.Trend.Select(t => (IReadOnlyList<object?>)[t.Campaign, Pct(t.SatisfactionRate)]));

        workbook.AddSheet("Représentativité",
            ["Site", "Réponses", "Visiteurs par mois (moyenne)", "Objectif (10 %)", "Atteint"],
            survey.Representativeness.Select(r => (IReadOnlyList<object?>)[r.Site, r.Responses, r.AverageMonthlyVisitors, r.Target, r.Reached]));

        workbook.AddSheet("Appels mystères", CriteriaHeaders, Criteria(mystery.Calls.Criteria)
            .Prepend(["Ensemble", "Taux d’appels aboutis", Pct(mystery.Calls.Answered.Total == 0 ? null : mystery.Calls.Answered.Rate), mystery.Calls.Answered.Total, null]));

        workbook.AddSheet("Courriels mystères", CriteriaHeaders, Criteria(mystery.Emails.Criteria)
            .Prepend(["Ensemble", "Réponse sous 5 jours ouvrés", Pct(mystery.Emails.WithinDeadlineRate.Total == 0 ? null : mystery.Emails.WithinDeadlineRate.Rate), mystery.Emails.WithinDeadlineRate.Total, null]));

        workbook.AddSheet("Recommandations",
            ["Type", "Texte"],
            mystery.Recommendations.Strengths.Select(s => (IReadOnlyList<object?>)["Point fort", s])
                .Concat(mystery.Recommendations.Recommendations.Select(r => (IReadOnlyList<object?>)["Recommandation", r])));

        workbook.AddSheet("Indicateurs",
            ["Indicateur", "Année", "Cible", "Valeur", "Atteinte", "Calculé", "Commentaire"],
            figures.Indicators.Select(i => (IReadOnlyList<object?>)[i.Definition.Label, figures.IndicatorYear, i.Target, i.Value, i.MeetsTarget, i.IsComputed, i.Comment]));

        workbook.AddSheet("Suggestions retenues",
            ["Date", "Site", "Canal", "Suggestion", "Réponse ou action"],
            suggestions.Select(s => (IReadOnlyList<object?>)[Calendar.FrenchTimeZones.UtcToParis(s.SubmittedAtUtc), s.Site, s.Channel, s.MaskedText, s.Response]));

        return workbook.ToBytes();
    }

    private static readonly string[] CriteriaHeaders = ["Thème", "Critère", "Conformité", "n", "Poids"];

    private static IEnumerable<IReadOnlyList<object?>> Criteria(IReadOnlyList<CriterionResult> criteria) =>
        criteria.Select(c => (IReadOnlyList<object?>)[c.Group, c.Label, Pct(c.Compliance.Total == 0 ? null : c.Compliance.Rate), c.Compliance.Total, c.Weight]);

    private static Percent? Pct(double? rate) => rate is { } value && !double.IsNaN(value) ? new Percent(value) : null;
}
