namespace VoixUsager.Data;

/// <summary>
/// The calendar day as a préfecture's agents see it. Campaign periods are civil dates in France, so
/// "today" is read in Paris time rather than UTC (a survey opening on 1 October opens at midnight in Paris).
/// </summary>
public sealed class FranceClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime);

    /// <summary>The day in Paris of a stored UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris));
}
