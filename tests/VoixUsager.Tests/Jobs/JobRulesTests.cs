using VoixUsager.Jobs;

namespace VoixUsager.Tests.Jobs;

// Pure rules of the jobs, without a database or a Hangfire server.
[Trait("Category", "Logic")]
public class JobRulesTests
{
    [Theory]
    // Référents are reminded at most once a week, weeks beginning on Monday at midnight in Paris.
    [InlineData("2026-03-09", "2026-03-08T23:00:00")] // A Monday: its own midnight, UTC+1.
    [InlineData("2026-03-15", "2026-03-08T23:00:00")] // The Sunday closes the same week.
    [InlineData("2026-03-11", "2026-03-08T23:00:00")]
    [InlineData("2026-03-14", "2026-03-08T23:00:00")]
    [InlineData("2026-07-15", "2026-07-12T22:00:00")] // Summer time: UTC+2.
    [InlineData("2026-03-29", "2026-03-22T23:00:00")] // Summer time starts that Sunday, after the week began.
    [InlineData("2026-03-30", "2026-03-29T22:00:00")]
    [InlineData("2027-01-01", "2026-12-27T23:00:00")] // A week across the new year.
    public void Reminder_weeks_start_on_monday_midnight_in_paris(string today, string expectedUtc)
    {
        var start = ReferentReminderJob.StartOfIsoWeekUtc(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }
}
