using VoixUsager.Reporting;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Results;

/// <summary>The charts of the results pages, the snapshots and the CLU summary.</summary>
public enum ChartKind
{
    Satisfaction,
    Distribution,
    Tendance,
    Appels,
    Courriels,
}

public static class ChartKinds
{
    public static readonly IReadOnlyList<ChartKind> Survey = [ChartKind.Satisfaction, ChartKind.Distribution, ChartKind.Tendance];

    public static readonly IReadOnlyList<ChartKind> Mystery = [ChartKind.Appels, ChartKind.Courriels];

    /// <summary>The kind's name in addresses and email content ids, e.g. "appels".</summary>
    public static string Slug(this ChartKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads a kind from an address; only the five lower-case names are accepted.</summary>
    public static bool TryParse(string? slug, out ChartKind kind)
    {
        foreach (var candidate in Enum.GetValues<ChartKind>())
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>
/// The charts of the dashboards, the exports and the CLU summary, drawn from computed results (live or
/// from a snapshot), so a chart always shows the same figures as the table beside it. Each is drawn at
/// the size it is shown (<see cref="Size"/>), with its labels in full.
/// </summary>
public static class ResultsCharts
{
    public const int Width = ChartRenderer.DefaultWidth;

    private static readonly string[] ScaleNames = ["Tout à fait satisfait", "Plutôt satisfait", "Plutôt pas satisfait", "Pas du tout satisfait"];

    public static byte[] Render(ChartKind kind, ResultsFigures figures, int scale = 1) => Render(kind, figures.Survey, figures.Mystery, scale);

    /// <summary>
    /// A survey chart from survey results alone, or a mystery chart from mystery results alone; at
    /// <paramref name="scale"/> 2, the same chart with twice the pixels each way, for a slide.
    /// </summary>
    public static byte[] Render(ChartKind kind, SurveyResults? survey, MysteryResults? mystery, int scale = 1)
    {
        var (width, height) = Size(kind, survey, mystery);
        return kind switch
        {
            ChartKind.Satisfaction => ChartRenderer.HorizontalBars(
                "Taux de satisfaction par question",
                ScaleQuestions(survey).Select(q => (q.Text, q.Scale!.TopTwoBox.Total == 0 ? double.NaN : q.Scale.TopTwoBox.Rate, Label(q.Scale.TopTwoBox))).ToList(),
                width: width, height: height, scale: scale),
            ChartKind.Distribution => ChartRenderer.StackedDistribution(
                "Répartition des réponses exprimées",
                ScaleQuestions(survey).Select(q => (q.Text, (IReadOnlyList<double>)q.Scale!.Distribution.Select(d => d.Share.Total == 0 ? 0 : d.Share.Rate).ToList())).ToList(),
                ScaleNames, width, height, scale),
            ChartKind.Tendance => ChartRenderer.Trend(
                "Satisfaction globale par campagne",
                Need(survey).Trend.Select(t => t.Campaign).ToList(),
                [("Satisfaction globale", Need(survey).Trend.Select(t => t.SatisfactionRate).ToList())],
                width: width, height: height, scale: scale),
            _ => ChartRenderer.HorizontalBars(
                kind == ChartKind.Appels ? "Conformité des appels mystères par critère" : "Conformité des courriels mystères par critère",
                MeasuredCriteria(kind, mystery).Select(c => (c.Label, c.Compliance.Rate, Label(c.Compliance))).ToList(),
                width: width, height: height, scale: scale),
        };
    }

    public static (int Width, int Height) Size(ChartKind kind, ResultsFigures figures) => Size(kind, figures.Survey, figures.Mystery);

    /// <summary>The size the chart is drawn at, which pages and emails give their image so it is never stretched.</summary>
    public static (int Width, int Height) Size(ChartKind kind, SurveyResults? survey, MysteryResults? mystery) => kind switch
    {
        ChartKind.Satisfaction or ChartKind.Distribution => (Width, ChartRenderer.HeightFor(ScaleQuestions(survey).Select(q => q.Text).ToList()) + (kind == ChartKind.Distribution ? 60 : 0)),
        ChartKind.Tendance => (Width, ChartRenderer.DefaultHeight),
        _ => (Width, ChartRenderer.HeightFor(MeasuredCriteria(kind, mystery).Select(c => c.Label).ToList())),
    };

    private static SurveyResults Need(SurveyResults? survey) => survey ?? throw new ArgumentNullException(nameof(survey));

    private static List<QuestionResult> ScaleQuestions(SurveyResults? survey) => Need(survey).Questions.Where(q => q.Scale is not null).ToList();

    private static List<CriterionResult> MeasuredCriteria(ChartKind kind, MysteryResults? mystery)
    {
        ArgumentNullException.ThrowIfNull(mystery);
        var criteria = kind == ChartKind.Appels ? mystery.Calls.Criteria : mystery.Emails.Criteria;
        return criteria.Where(c => c.Compliance.Total > 0).ToList();
    }

    private static string Label(Proportion proportion) =>
        proportion.Total == 0 ? FrenchFormat.NotComputable : $"{FrenchFormat.Percent(proportion, 0)} (n = {FrenchFormat.Count(proportion.Total)}{FrenchFormat.IndicativeSuffix(proportion)})";
}
