namespace VoixUsager.Results;

/// <summary>
/// What the national overview sums for one préfecture and one complete day (Paris time): the responses
/// and the answers to the overall-satisfaction question per score. Written once per day by
/// <see cref="Jobs.NationalDailyCountsJob"/>; responses are append-only, so a complete day never changes.
/// </summary>
public class NationalDailyCount
{
    public long Id { get; set; }

    public int PrefectureId { get; set; }

    /// <summary>The day in Paris the responses were submitted on.</summary>
    public DateOnly Day { get; set; }

    public int Responses { get; set; }

    public int Score4 { get; set; }

    public int Score3 { get; set; }

    public int Score2 { get; set; }

    public int Score1 { get; set; }

    public int SansAvis { get; set; }
}

/// <summary>
/// The one row saying up to which day the <see cref="NationalDailyCount"/> rows are complete: every day
/// before <see cref="CompleteBefore"/> is counted there, every response from that day on is counted live.
/// </summary>
public class NationalDailyCountsWatermark
{
    /// <summary>Always <see cref="SingleId"/>: a second copy of the job inserting its own row fails on the key.</summary>
    public int Id { get; set; }

    public const int SingleId = 1;

    public DateOnly CompleteBefore { get; set; }
}
