using System.Globalization;
using VoixUsager.Calendar;
using VoixUsager.Prefectures;

namespace VoixUsager.Tests.Calendar;

// The préfecture of Saint-Barthélemy and Saint-Martin and that of Saint-Pierre-et-Miquelon. Expected dates come from
// the décret n° 83-1003 as amended (Saint-Barthélemy 9 October, Saint-Martin 28 May; no date for Saint-Pierre-et-Miquelon)
// and were placed on a 2026 calendar by hand; offsets are those of the IANA zones (Atlantic time all year in the
// Antilles, Canadian-style summer time in Saint-Pierre-et-Miquelon).
[Trait("Category", "Logic")]
public class OverseasCollectivitiesTests
{
    private static DateTime At(string local) => DateTime.Parse(local, CultureInfo.InvariantCulture);

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(HolidayZone.SaintBarthelemy, "2026-10-09")] // A Friday.
    [InlineData(HolidayZone.SaintMartin, "2026-05-28")] // A Thursday, the day after Guadeloupe's.
    [InlineData(HolidayZone.SaintBarthelemy, "2027-10-09")]
    [InlineData(HolidayZone.SaintMartin, "2027-05-28")]
    public void Saint_barthelemy_and_saint_martin_add_their_own_abolition_day(HolidayZone zone, string date)
    {
        var holidays = WorkingDaysTests.Holidays(Day(date).Year, zone);

        Assert.Equal(12, holidays.Count);
        Assert.Contains((Day(date), "Abolition de l'esclavage"), holidays);
        Assert.Equal(WorkingDaysTests.Holidays(Day(date).Year, HolidayZone.Metropole),
            holidays.Where(h => h.Date != Day(date)));
        Assert.True(FrenchHolidays.IsHoliday(Day(date), zone));
        Assert.False(FrenchHolidays.IsHoliday(Day(date), HolidayZone.Metropole));
        Assert.False(FrenchHolidays.IsHoliday(Day(date), HolidayZone.Guadeloupe));
    }

    [Fact]
    public void Saint_martin_does_not_keep_guadeloupe_day_and_saint_barthelemy_keeps_neither()
    {
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 5, 27), HolidayZone.SaintMartin));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 5, 27), HolidayZone.SaintBarthelemy));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 5, 28), HolidayZone.SaintBarthelemy));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 10, 9), HolidayZone.SaintMartin));
        // Good Friday is a holiday in Alsace-Moselle only.
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3), HolidayZone.SaintMartin));
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2008)]
    public void Saint_pierre_et_miquelon_has_the_national_holidays_and_no_abolition_day(int year)
    {
        Assert.Equal(WorkingDaysTests.Holidays(year, HolidayZone.Metropole), WorkingDaysTests.Holidays(year, HolidayZone.SaintPierreMiquelon));
        Assert.Equal(11, WorkingDaysTests.Holidays(year, HolidayZone.SaintPierreMiquelon).Count);
    }

    [Theory]
    // Wednesday 27 May to Friday 29 May 2026: Thursday 28 is worked everywhere but in Saint-Martin.
    [InlineData("2026-05-27T10:00", "2026-05-29T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2026-05-27T10:00", "2026-05-29T10:00", HolidayZone.SaintMartin, 1)]
    [InlineData("2026-05-27T10:00", "2026-05-29T10:00", HolidayZone.SaintBarthelemy, 2)]
    [InlineData("2026-05-26T10:00", "2026-05-28T10:00", HolidayZone.Guadeloupe, 1)]
    [InlineData("2026-05-26T10:00", "2026-05-28T10:00", HolidayZone.SaintMartin, 1)]
    // Thursday 8 October to Monday 12 October 2026: Friday 9 is Saint-Barthélemy's.
    [InlineData("2026-10-08T10:00", "2026-10-12T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2026-10-08T10:00", "2026-10-12T10:00", HolidayZone.SaintBarthelemy, 1)]
    [InlineData("2026-10-08T10:00", "2026-10-12T10:00", HolidayZone.SaintMartin, 2)]
    [InlineData("2026-10-08T10:00", "2026-10-12T10:00", HolidayZone.SaintPierreMiquelon, 2)]
    // Wednesday 13 to Friday 15 May 2026 over Ascension: the national holidays apply in Saint-Pierre-et-Miquelon.
    [InlineData("2026-05-13T10:00", "2026-05-15T10:00", HolidayZone.SaintPierreMiquelon, 1)]
    public void Working_days_follow_each_collectivity(string sent, string received, HolidayZone zone, int expected)
    {
        Assert.Equal(expected, WorkingDays.Between(At(sent), At(received), zone));
    }

    [Theory]
    // Atlantic time, UTC-4 all year, no summer time.
    [InlineData(HolidayZone.SaintMartin, "2026-01-15T12:00", "2026-01-15T08:00")]
    [InlineData(HolidayZone.SaintMartin, "2026-07-15T12:00", "2026-07-15T08:00")]
    [InlineData(HolidayZone.SaintBarthelemy, "2026-07-15T12:00", "2026-07-15T08:00")]
    // A message sent on Friday 9 October 2026 at 02:30 UTC was written on Thursday evening in Gustavia.
    [InlineData(HolidayZone.SaintBarthelemy, "2026-10-09T02:30", "2026-10-08T22:30")]
    // Saint-Pierre-et-Miquelon: UTC-3 in winter, UTC-2 from the second Sunday of March to the first of November.
    [InlineData(HolidayZone.SaintPierreMiquelon, "2026-01-15T12:00", "2026-01-15T09:00")]
    [InlineData(HolidayZone.SaintPierreMiquelon, "2026-07-15T12:00", "2026-07-15T10:00")]
    [InlineData(HolidayZone.SaintPierreMiquelon, "2026-03-08T04:59", "2026-03-08T01:59")]
    [InlineData(HolidayZone.SaintPierreMiquelon, "2026-03-08T05:00", "2026-03-08T03:00")]
    [InlineData(HolidayZone.SaintPierreMiquelon, "2026-11-01T03:59", "2026-11-01T01:59")]
    [InlineData(HolidayZone.SaintPierreMiquelon, "2026-11-01T04:00", "2026-11-01T01:00")]
    public void Each_collectivity_keeps_its_own_civil_time(HolidayZone zone, string utc, string local)
    {
        Assert.Equal(At(local), FrenchTimeZones.ToLocal(At(utc), zone));
    }

    [Fact]
    public void A_late_evening_message_belongs_to_the_local_day()
    {
        // Sent Thursday 8 October 22:30 in Saint-Barthélemy (Friday 02:30 UTC), answered Monday 12 October 15:00
        // local time (19:00 UTC): Friday 9 is the holiday there, so Monday is the first working day.
        var sent = FrenchTimeZones.ToLocal(At("2026-10-09T02:30"), HolidayZone.SaintBarthelemy);
        var reply = FrenchTimeZones.ToLocal(At("2026-10-12T19:00"), HolidayZone.SaintBarthelemy);

        Assert.Equal(1, WorkingDays.Between(sent, reply, HolidayZone.SaintBarthelemy));
        Assert.Equal(2, WorkingDays.Between(sent, reply, HolidayZone.SaintMartin));
    }

    [Fact]
    public void Every_zone_has_a_time_zone_a_french_label_and_a_name_that_fits_its_column()
    {
        var labels = new HashSet<string>();
        foreach (var zone in Enum.GetValues<HolidayZone>())
        {
            Assert.NotNull(FrenchTimeZones.For(zone));
            Assert.True(labels.Add(FrenchTimeZones.Label(zone)));
            // The zone is stored by name in a 20-character column.
            Assert.InRange(zone.ToString().Length, 1, 20);
        }

        Assert.Equal("Saint-Pierre-et-Miquelon", FrenchTimeZones.Label(HolidayZone.SaintPierreMiquelon));
        Assert.Equal("Saint-Barthélemy", FrenchTimeZones.Label(HolidayZone.SaintBarthelemy));
        Assert.Equal("Saint-Martin", FrenchTimeZones.Label(HolidayZone.SaintMartin));
        Assert.Same(FrenchTimeZones.Paris, FrenchTimeZones.For(HolidayZone.AlsaceMoselle));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchTimeZones.For((HolidayZone)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchTimeZones.Label((HolidayZone)99));
    }
}
