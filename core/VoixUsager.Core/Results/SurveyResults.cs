using VoixUsager.Questionnaires;
using VoixUsager.Results.Statistics;
using VoixUsager.Surveys;

namespace VoixUsager.Results;

/// <summary>Which responses a result covers. Dates are French civil dates, both included.</summary>
public sealed record SurveyFilter(
    int? CampaignId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int? SiteId = null,
    SurveyChannel? Channel = null,
    int? MotifOptionId = null,
    DateTime? CutoffUtc = null);

public sealed record OptionCount(string Code, string Label, int Count);

/// <param name="Respondents">
/// The responses that answered the question (ticked at least one box, gave a note, wrote a text); the
/// base of a multiple choice's shares. Null in snapshots stored before it was computed.
/// </param>
/// <param name="ZeroToTen">The 0–10 summary of a 0–10 question; null otherwise.</param>
/// <param name="Sources">
/// The questionnaire versions the figure comes from, with their responses in scope; null in snapshots
/// stored before sites could answer different questionnaires.
/// </param>
public sealed record QuestionResult(
    string Code,
    int Order,
    string Text,
    QuestionKind Kind,
    IReadOnlyList<OptionCount> Options,
    ScaleSummary? Scale,
    ProportionComparison? ComparedWithPrevious,
    int? Respondents = null,
    ZeroToTenSummary? ZeroToTen = null,
    IReadOnlyList<QuestionnaireCount>? Sources = null)
{
    /// <summary>
    /// An option's share: of the answers to a single choice (they add up to 100 %), of the respondents to a
    /// multiple choice (each box on its own, so they may add up to more than 100 %).
    /// </summary>
    public Proportion Share(OptionCount option) => Kind == QuestionKind.MultipleChoice && Respondents is { } n
        ? new Proportion(Math.Min(option.Count, n), n)
        : new Proportion(option.Count, Options.Sum(o => o.Count));
}

/// <summary>A questionnaire version ("Accueil v2") and how many responses in scope answered it.</summary>
public sealed record QuestionnaireCount(string Questionnaire, int Responses);

/// <summary>
/// A 0–10 question as a quality team reads it: the mean, and the shares of 9–10 (enthusiastic), 7–8
/// and 0–6 (dissatisfied), the split the Net Promoter Score uses; the balance is 9–10 minus 0–6, in points.
/// </summary>
public sealed record ZeroToTenSummary(int Answered, double Mean, Proportion NineToTen, Proportion SevenToEight, Proportion ZeroToSix)
{
    public double Balance => Answered == 0 ? double.NaN : (NineToTen.Rate - ZeroToSix.Rate) * 100;

    /// <param name="countsByScore">How many answers gave each note (0 to 10).</param>
    public static ZeroToTenSummary From(IReadOnlyDictionary<int, int> countsByScore)
    {
        var n = countsByScore.Values.Sum();
        int Between(int low, int high) => countsByScore.Where(c => c.Key >= low && c.Key <= high).Sum(c => c.Value);
        var mean = n == 0 ? double.NaN : countsByScore.Sum(c => (double)c.Key * c.Value) / n;
        return new ZeroToTenSummary(n, mean, new Proportion(Between(9, 10), n), new Proportion(Between(7, 8), n), new Proportion(Between(0, 6), n));
    }
}

public sealed record BreakdownRow(string Label, ScaleSummary Satisfaction);

public sealed record RepresentativenessRow(string Site, int Responses, double? AverageMonthlyVisitors, int? Target, bool? Reached);

public sealed record SurveyResults(
    string PrefectureName,
    string Scope,
    DateTime? CutoffUtc,
    int Responses,
    IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<BreakdownRow> BySite,
    IReadOnlyList<BreakdownRow> ByChannel,
    IReadOnlyList<RepresentativenessRow> Representativeness,
    string? PreviousCampaignName,
    IReadOnlyList<(string Campaign, double? SatisfactionRate)> Trend,
    IReadOnlyList<BreakdownRow> ByLanguage,
    IReadOnlyList<QuestionnaireCount>? Questionnaires = null)
{
    /// <summary>"Accueil v2 (312 réponses), PAN v1 (40 réponses)": which questionnaires the figures come from.</summary>
    public static string Describe(IReadOnlyList<QuestionnaireCount> sources) =>
        string.Join(", ", sources.Select(s => string.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), $"{s.Questionnaire} ({s.Responses:N0} réponse{(s.Responses > 1 ? "s" : "")})")));
}
