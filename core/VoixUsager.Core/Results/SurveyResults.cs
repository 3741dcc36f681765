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

public sealed record QuestionResult(
    string Code,
    int Order,
    string Text,
    QuestionKind Kind,
    IReadOnlyList<OptionCount> Options,
    ScaleSummary? Scale,
    ProportionComparison? ComparedWithPrevious);

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
    IReadOnlyList<BreakdownRow> ByLanguage);
