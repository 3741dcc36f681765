using System.Globalization;
using VoixUsager.Calendar;
using VoixUsager.Prefectures;

namespace VoixUsager.Tests.Calendar;

// Offsets of the IANA zones for 2026: Paris UTC+1, UTC+2 from 29 March 02:00 to 25 October 03:00.
[Trait("Category", "Logic")]
public class FrenchTimeZonesConversionTests
{
    private static DateTime At(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-15T09:30", "2026-01-15T08:30")]
    [InlineData("2026-07-15T09:30", "2026-07-15T07:30")]
    [InlineData("2026-03-29T01:59", "2026-03-29T00:59")]
    [InlineData("2026-03-29T03:00", "2026-03-29T01:00")]
    [InlineData("2026-01-01T00:30", "2025-12-31T23:30")]
    public void Paris_times_typed_by_referents_are_converted_to_utc(string paris, string utc)
    {
        var converted = FrenchTimeZones.ParisToUtc(At(paris));

        Assert.Equal(At(utc), converted);
        Assert.Equal(DateTimeKind.Utc, converted.Kind);
        // Whatever kind the typed value carries, it is read as Paris time.
        Assert.Equal(At(utc), FrenchTimeZones.ParisToUtc(DateTime.SpecifyKind(At(paris), DateTimeKind.Local)));
    }

    [Theory]
    [InlineData("2026-01-15T08:30", "2026-01-15T09:30")]
    [InlineData("2026-07-15T07:30", "2026-07-15T09:30")]
    [InlineData("2025-12-31T23:30", "2026-01-01T00:30")]
    [InlineData("2026-10-25T00:59", "2026-10-25T02:59")]
    [InlineData("2026-10-25T01:00", "2026-10-25T02:00")]
    public void Utc_instants_are_shown_in_paris_time(string utc, string paris)
    {
        Assert.Equal(At(paris), FrenchTimeZones.UtcToParis(At(utc)));
        Assert.Equal(At(paris), FrenchTimeZones.UtcToParis(DateTime.SpecifyKind(At(utc), DateTimeKind.Unspecified)));
        Assert.Equal(At(paris), FrenchTimeZones.ToLocal(At(utc), HolidayZone.Metropole));
        Assert.Equal(At(paris), FrenchTimeZones.ToLocal(At(utc), HolidayZone.AlsaceMoselle));
    }

    [Theory]
    [InlineData(HolidayZone.Guadeloupe, "2026-07-15T12:00", "2026-07-15T08:00")]
    [InlineData(HolidayZone.Martinique, "2026-07-15T12:00", "2026-07-15T08:00")]
    [InlineData(HolidayZone.Guyane, "2026-07-15T12:00", "2026-07-15T09:00")]
    [InlineData(HolidayZone.LaReunion, "2026-07-15T12:00", "2026-07-15T16:00")]
    [InlineData(HolidayZone.Mayotte, "2026-07-15T12:00", "2026-07-15T15:00")]
    [InlineData(HolidayZone.LaReunion, "2026-01-15T21:30", "2026-01-16T01:30")] // Already the next day in Saint-Denis.
    public void Overseas_departements_keep_their_own_time(HolidayZone zone, string utc, string local)
    {
        Assert.Equal(At(local), FrenchTimeZones.ToLocal(At(utc), zone));
    }

    [Theory]
    [InlineData(HolidayZone.Metropole, "Métropole")]
    [InlineData(HolidayZone.AlsaceMoselle, "Alsace-Moselle")]
    [InlineData(HolidayZone.Guadeloupe, "Guadeloupe")]
    [InlineData(HolidayZone.Martinique, "Martinique")]
    [InlineData(HolidayZone.Guyane, "Guyane")]
    [InlineData(HolidayZone.LaReunion, "La Réunion")]
    [InlineData(HolidayZone.Mayotte, "Mayotte")]
    public void Zones_have_french_labels(HolidayZone zone, string label)
    {
        Assert.Equal(label, FrenchTimeZones.Label(zone));
    }

    [Fact]
    public void An_unknown_zone_has_no_holidays_rather_than_those_of_another()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FrenchHolidays.For(2026, (HolidayZone)99));

        Assert.Equal("zone", error.ParamName);
        Assert.StartsWith("Zone de jours fériés inconnue.", error.Message);
        Assert.StartsWith("Zone de jours fériés inconnue.", Assert.Throws<ArgumentOutOfRangeException>(() => FrenchTimeZones.For((HolidayZone)99)).Message);
        Assert.StartsWith("Zone de jours fériés inconnue.", Assert.Throws<ArgumentOutOfRangeException>(() => FrenchTimeZones.Label((HolidayZone)99)).Message);
    }
}
