using System.Globalization;
using VoixUsager.ActionPlan;
using VoixUsager.Jobs;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Clu.Documents;

/// <summary>The parts of a CLU's documents, which an agenda item may present.</summary>
public enum CluDocumentPart
{
    KeyFigures,
    Survey,
    Mystery,
    Suggestions,
    Plan,
    PreviousDecisions,
}

/// <summary>
/// A table of figures as text cells, as the slide and the minutes show it (editable there), with each
/// column's share of the width.
/// </summary>
public sealed record CluTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Shares)
{
    /// <summary>Figures read right-aligned, so units line up; words left-aligned.</summary>
    public static bool IsFigure(string cell) => cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell == Results.Statistics.FrenchFormat.Missing);
}

/// <summary>A chart and the figures it draws, as a table beside it.</summary>
public sealed record CluChart(ChartKind Kind, string Title, string AlternativeText, CluTable Table);

/// <summary>A titled list of lines (a null title continues the section's text).</summary>
public sealed record CluList(string? Title, IReadOnlyList<string> Items);

/// <summary>A part of the documents: its heading, a sentence saying what it covers or why it is empty, its lists, charts and table.</summary>
public sealed record CluDocumentSection(CluDocumentPart Part, string Title, string? Lead, IReadOnlyList<CluList> Lists, IReadOnlyList<CluChart> Charts, CluTable? Table);

/// <summary>
/// What the slide deck and the draft minutes of a CLU say, in the summary email's words and from the same
/// figures (<see cref="CluFigures"/>): each figure computed once, written once, for the three documents.
/// </summary>
public sealed record CluDocumentContent(
    string PrefectureName, DateOnly MeetingOn, string Place, string CutoffText, bool Frozen, ResultsFigures Figures, IReadOnlyList<CluDocumentSection> Sections)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string KeyFiguresTitle = "Chiffres clés";

    public const string SurveyTitle = "Enquête de satisfaction";

    public const string MysteryTitle = "Appels et courriels mystères";

    public const string SuggestionsTitle = "Suggestions et réclamations";

    /// <summary>What an agenda item tied to a part says of it, on the CLU page and in the invitation.</summary>
    public static string PresentedText(CluDocumentPart part) => $"chiffres présentés : {TitleOf(part)}";

    /// <summary>A part's heading in the deck and the minutes, and in the agenda that ties an item to it.</summary>
    public static string TitleOf(CluDocumentPart part) => part switch
    {
        CluDocumentPart.KeyFigures => KeyFiguresTitle,
        CluDocumentPart.Survey => SurveyTitle,
        CluDocumentPart.Mystery => MysteryTitle,
        CluDocumentPart.Suggestions => SuggestionsTitle,
        CluDocumentPart.Plan => CluSummary.PlanTitle,
        CluDocumentPart.PreviousDecisions => CluSummary.FollowUpTitle,
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    public const string NoSurveyResponse = "Aucune réponse à l’enquête de satisfaction n’avait été reçue à l’arrêté des chiffres.";

    public const string NoMystery = "Aucun appel ni courriel mystère n’avait été évalué à l’arrêté des chiffres.";

    public const string NoSuggestionRetained = "Aucune suggestion d’usager n’a été retenue pour ce comité.";

    public const string NoDecisionRow = "Aucune décision à suivre.";

    /// <summary>"jeudi 12 mars 2026", as the summary names the meeting.</summary>
    public string MeetingText => MeetingOn.ToString("dddd d MMMM yyyy", French);

    /// <summary>The sentence every document states the figures' date with; it says when they are not frozen yet.</summary>
    public string CutoffSentence => Frozen
        ? $"Chiffres arrêtés au {CutoffText}."
        : $"Chiffres provisoires, calculés le {CutoffText} : ils seront figés à l’envoi de la synthèse.";

    public CluDocumentSection Section(CluDocumentPart part) => Sections.Single(s => s.Part == part);

    /// <summary>
    /// The sections' charts as PNG, drawn side by side on the machine's cores: drawing them is most of a
    /// document's work, and a quality team waits for its download.
    /// </summary>
    public IReadOnlyDictionary<ChartKind, byte[]> RenderCharts(int scale)
    {
        var kinds = Sections.SelectMany(s => s.Charts).Select(c => c.Kind).Distinct().ToList();
        var pngs = new byte[kinds.Count][];
        Parallel.For(0, kinds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => pngs[i] = ResultsCharts.Render(kinds[i], Figures, scale));
        return kinds.Select((kind, i) => (kind, pngs[i])).ToDictionary(p => p.kind, p => p.Item2);
    }

    public static CluDocumentContent Build(CluFigures data)
    {
        var figures = data.Figures;
        var cutoff = CluSummary.CutoffText(data.CutoffUtc);
        var summarySections = CluSummary.SectionsOf(figures, cutoff);
        var followUp = summarySections[0];
        var plan = summarySections[1];
        var register = summarySections[2];
        return new CluDocumentContent(data.PrefectureName, data.Clu.MeetingOn, data.Clu.Place, cutoff, data.Frozen, figures,
        [
            new(CluDocumentPart.KeyFigures, KeyFiguresTitle, null, [new(null, CluSummary.KeyFigures(figures))], [], null),
            SurveySection(figures.Survey),
            MysterySection(figures.Mystery),
            new(CluDocumentPart.Suggestions, SuggestionsTitle, null,
            [
                new(CluSummary.SuggestionsTitle, data.Suggestions.Count == 0 ? [NoSuggestionRetained] : data.Suggestions.Select(CluSummary.SuggestionLine).ToList()),
                new(register.Title, [.. Lead(register), .. register.Lines]),
            ], [], null),
            new(CluDocumentPart.Plan, plan.Title, plan.Lead, [], [], PlanTable(figures.Clu)),
            new(CluDocumentPart.PreviousDecisions, followUp.Title, followUp.Lead, [], [], FollowUpTable(figures.Clu?.Previous)),
        ]);
    }

    private static IEnumerable<string> Lead(CluSummary.Section section) => section.Lead is null ? [] : [section.Lead];

    private static CluDocumentSection SurveySection(SurveyResults survey)
    {
        var lead = survey.Responses == 0
            ? NoSurveyResponse
            : $"{FrenchFormat.Count(survey.Responses)} réponses ({survey.Scope}). Taux de satisfaction : « tout à fait » et « plutôt » satisfaits sur les réponses exprimées, avec l’intervalle de confiance à 95 %.";
        if (survey.Responses == 0)
        {
            return new(CluDocumentPart.Survey, SurveyTitle, lead, [], [], null);
        }

        var questions = survey.Questions.Where(q => q.Scale is not null).ToList();
        var charts = new List<CluChart>
        {
            new(ChartKind.Satisfaction, "Taux de satisfaction par question", "Taux de satisfaction par question, en barres horizontales",
                new(["Question", "Satisfaits", "Exprimées", "Taux", "IC 95 %"],
                    questions.Select(q => (IReadOnlyList<string>)[q.Text, FrenchFormat.Count(q.Scale!.TopTwoBox.Successes), FrenchFormat.Count(q.Scale.TopTwoBox.Total), RateCell(q.Scale.TopTwoBox), FrenchFormat.Interval(q.Scale.TopTwoBox)]).ToList(),
                    [0.40, 0.13, 0.13, 0.14, 0.20])),
            new(ChartKind.Distribution, "Répartition des réponses exprimées", "Répartition des réponses par question, en barres empilées",
                new(["Question", "Tout à fait", "Plutôt", "Plutôt pas", "Pas du tout", "Sans avis"],
                    questions.Select(q => (IReadOnlyList<string>)[q.Text, .. new[] { q.Scale!.TresSatisfaits, q.Scale.Satisfaits, q.Scale.PeuSatisfaits, q.Scale.PasSatisfaits, q.Scale.SansAvis }.Select(n => FrenchFormat.Count(n))]).ToList(),
                    [0.35, 0.13, 0.13, 0.13, 0.13, 0.13])),
        };
        if (survey.Trend.Count >= 2)
        {
            charts.Add(new(ChartKind.Tendance, "Satisfaction globale par campagne", "Satisfaction globale par campagne, en courbe",
                new(["Campagne", "Satisfaction globale"], survey.Trend.Select(t => (IReadOnlyList<string>)[t.Campaign, FrenchFormat.Percent(t.SatisfactionRate)]).ToList(), [0.6, 0.4])));
        }

        return new(CluDocumentPart.Survey, SurveyTitle, lead, [], charts, null);
    }

    private static CluDocumentSection MysterySection(MysteryResults mystery)
    {
        var calls = mystery.Calls;
        var emails = mystery.Emails;
        if (calls.Submitted == 0 && emails.Submitted == 0)
        {
            return new(CluDocumentPart.Mystery, MysteryTitle, NoMystery, [], [], null);
        }

        var charts = new List<CluChart>();
        if (calls.Submitted > 0)
        {
            charts.Add(CriteriaChart(ChartKind.Appels, "Conformité des appels mystères par critère", calls.Criteria));
        }

        if (emails.Submitted > 0)
        {
            charts.Add(CriteriaChart(ChartKind.Courriels, "Conformité des courriels mystères par critère", emails.Criteria));
        }

        var recommendations = mystery.Recommendations;
        var lists = new List<CluList>();
        foreach (var (title, items) in new[] { (CluSummary.StrengthsTitle, recommendations.Strengths), (CluSummary.RecommendationsTitle, recommendations.Recommendations), (CluSummary.ToConfirmTitle, recommendations.ToConfirm) })
        {
            if (items.Count > 0)
            {
                lists.Add(new(title, items));
            }
        }

        var lead = $"{FrenchFormat.Count(calls.Submitted)} appel(s) et {FrenchFormat.Count(emails.Submitted)} courriel(s) mystères évalués ({mystery.Scope}).";
        return new(CluDocumentPart.Mystery, MysteryTitle, lead, lists, charts, null);
    }

    private static CluChart CriteriaChart(ChartKind kind, string title, IReadOnlyList<CriterionResult> criteria) =>
        new(kind, title, $"{title}, en barres horizontales",
            new(["Critère", "Conformes", "n", "Conformité", "IC 95 %"],
                criteria.Where(c => c.Compliance.Total > 0)
                    .Select(c => (IReadOnlyList<string>)[c.Label, FrenchFormat.Count(c.Compliance.Successes), FrenchFormat.Count(c.Compliance.Total), RateCell(c.Compliance), FrenchFormat.Interval(c.Compliance)]).ToList(),
                [0.40, 0.13, 0.08, 0.17, 0.22]));

    /// <summary>"73,3 %", with ", indicatif" below 30 observations, as every rate of the summary.</summary>
    public static string RateCell(Proportion proportion) => FrenchFormat.Percent(proportion) + FrenchFormat.IndicativeSuffix(proportion);

    private static CluTable? PlanTable(CluSections? clu)
    {
        if (clu is null || clu.Plan.Progress.Overall.Pursued + clu.Plan.Progress.Overall.Abandoned == 0)
        {
            return null;
        }

        return new(["Module", "Réalisées", "En cours", "À réaliser", "Abandonnées"],
            clu.Plan.Progress.Modules.Append(clu.Plan.Progress.Overall).Select(l => (IReadOnlyList<string>)
                [l.Label, CluSectionTexts.Cell(l.Done, l.DoneShare), CluSectionTexts.Cell(l.InProgress, l.InProgressShare), CluSectionTexts.Cell(l.ToDo, l.ToDoShare), FrenchFormat.Count(l.Abandoned)]).ToList(),
            [0.32, 0.17, 0.17, 0.17, 0.17]);
    }

    private static CluTable? FollowUpTable(PreviousCluDecisions? previous)
    {
        if (previous is null || previous.Decisions.Count == 0)
        {
            return null;
        }

        return new(["Nature", "Décision", "Statut à l’arrêté des chiffres", "Service pilote", "Échéance"],
            previous.Decisions.Select(d => (IReadOnlyList<string>)
            [
                d.IsAction ? CluSectionTexts.Action : CluSectionTexts.Note, d.Text,
                d.Status is { } status ? ActionPlanLabels.Status(status) + (d.Overdue ? ", en retard" : "") : "–",
                d.IsAction ? d.OwnerService ?? ActionPlanLabels.Unassigned : "–",
                d.IsAction ? d.DueDate is { } due ? due.ToString("dd/MM/yyyy", French) : CluSectionTexts.NoDueDate : "–",
            ]).ToList(),
            [0.10, 0.42, 0.18, 0.18, 0.12]);
    }
}
