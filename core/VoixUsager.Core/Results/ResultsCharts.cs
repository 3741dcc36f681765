using VoixUsager.Reporting;

namespace VoixUsager.Results;

/// <summary>
/// The charts of the dashboards, the exports and the CLU summary, drawn from computed results (live or
/// from a snapshot), so a chart always shows the same figures as the table beside it.
/// </summary>
public static class ResultsCharts
{
    public static readonly IReadOnlyList<string> SurveyKinds = ["satisfaction", "distribution", "tendance"];

    public static readonly IReadOnlyList<string> MysteryKinds = ["appels", "courriels"];

    private static readonly string[] ScaleNames = ["Tout à fait satisfait", "Plutôt satisfait", "Plutôt pas satisfait", "Pas du tout satisfait"];

    public static byte[]? Survey(string kind, SurveyResults results)
    {
        var scale = results.Questions.Where(q => q.Scale is not null).ToList();
        return kind switch
        {
            "satisfaction" => ChartRenderer.HorizontalBars(
                "Taux de satisfaction par question",
                scale.Select(q => (Short(q.Text), q.Scale!.TopTwoBox.Total == 0 ? 0 : q.Scale.TopTwoBox.Rate, Label(q.Scale.TopTwoBox))).ToList()),
            "distribution" => ChartRenderer.StackedDistribution(
                "Répartition des réponses exprimées",
                scale.Select(q => (Short(q.Text), (IReadOnlyList<double>)q.Scale!.Distribution.Select(d => d.Share.Total == 0 ? 0 : d.Share.Rate).ToList())).ToList(),
                ScaleNames),
            "tendance" => ChartRenderer.Trend(
                "Satisfaction globale par campagne",
                results.Trend.Select(t => t.Campaign).ToList(),
                [("Satisfaction globale", results.Trend.Select(t => t.SatisfactionRate).ToList())]),
            _ => null,
        };
    }

    public static byte[]? Mystery(string kind, MysteryResults results)
    {
        var criteria = kind switch
        {
            "appels" => results.Calls.Criteria,
            "courriels" => results.Emails.Criteria,
            _ => null,
        };
        return criteria is null
            ? null
            : ChartRenderer.HorizontalBars(
                kind == "appels" ? "Conformité des appels mystères par critère" : "Conformité des courriels mystères par critère",
                criteria.Where(c => c.Compliance.Total > 0).Select(c => (Short(c.Label), c.Compliance.Rate, Label(c.Compliance))).ToList());
    }

    private static string Label(Statistics.Proportion proportion) =>
        proportion.Total == 0 ? "–" : $"{Math.Round(proportion.Rate * 100):0} % (n = {proportion.Total})";

    private static string Short(string text) => text.Length <= 48 ? text : text[..47].TrimEnd() + "…";
}
