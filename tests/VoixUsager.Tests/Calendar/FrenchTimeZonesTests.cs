using VoixUsager.Calendar;

namespace VoixUsager.Tests.Calendar;

[Trait("Category", "Logic")]
public class FrenchTimeZonesTests
{
    [Theory]
    [InlineData("2024-03-31T02:00")]
    [InlineData("2024-03-31T02:30")]
    [InlineData("2024-03-31T02:59")]
    [InlineData("2026-03-29T02:15")]
    public void Time_the_clocks_skip_in_spring_is_refused_with_a_french_message(string typed)
    {
        var local = DateTime.Parse(typed, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(FrenchTimeZones.TryParisToUtc(local, out _));
        Assert.StartsWith($"Le {local:dd/MM/yyyy} à {local:HH:mm} n’existe pas à l’heure de Paris", FrenchTimeZones.SkippedTimeMessage(local));
    }

    [Theory]
    [InlineData("2024-03-31T01:59", "2024-03-31T00:59")]
    [InlineData("2024-03-31T03:00", "2024-03-31T01:00")]
    [InlineData("2024-07-14T12:00", "2024-07-14T10:00")]
    [InlineData("2024-12-25T12:00", "2024-12-25T11:00")]
    // The autumn hour that happens twice is read in winter time.
    [InlineData("2024-10-27T02:30", "2024-10-27T01:30")]
    public void Times_that_exist_convert_to_utc(string typed, string expectedUtc)
    {
        Assert.True(FrenchTimeZones.TryParisToUtc(DateTime.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), out var utc));
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
    }
}
