namespace VoixUsager.Results;

/// <summary>Visitors a site received in one month, entered by the quality team: the base of representativeness.</summary>
public class SiteMonthlyVisitors
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int Visitors { get; set; }
}

/// <summary>The quality team's reading of one suggestion: retained for the CLU, with an answer or action.</summary>
public class SuggestionReview
{
    public int Id { get; set; }

    public long AnswerId { get; set; }

    public bool RetainedForClu { get; set; }

    public string? Response { get; set; }

    public required string ReviewedByUserId { get; set; }

    public DateTime ReviewedAtUtc { get; set; }
}

/// <summary>A national quality indicator for one préfecture and one period (a year, or one of its semesters).</summary>
public class IndicatorValue
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public required string Code { get; set; }

    public int Year { get; set; }

    /// <summary>1 or 2; null for the whole year.</summary>
    public int? Semester { get; set; }

    public double? Target { get; set; }

    public double? Value { get; set; }

    public string? Comment { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>
/// Results computed at a cut-off and kept as they were, so the figures sent to a CLU can be shown again
/// unchanged after more responses arrive.
/// </summary>
public class ResultsSnapshot
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public DateTime CutoffUtc { get; set; }

    public DateTime ComputedAtUtc { get; set; }

    /// <summary>The user's email, or the name of the job that computed it.</summary>
    public required string ComputedBy { get; set; }

    public required string Description { get; set; }

    /// <summary>The whole result set, serialised as JSON.</summary>
    public required string FiguresJson { get; set; }
}
