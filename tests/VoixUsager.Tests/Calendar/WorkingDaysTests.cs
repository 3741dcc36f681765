using System.Globalization;
using VoixUsager.Calendar;
using VoixUsager.Prefectures;

namespace VoixUsager.Tests.Calendar;

// Every expected date below was counted by hand on a 2025-2027 calendar, never derived from the code under test.
[Trait("Category", "Logic")]
public class WorkingDaysTests
{
    private static DateTime At(string local) => DateTime.Parse(local, CultureInfo.InvariantCulture);

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>
    /// The list as computed, checked equal to the cached list callers get: the cache is process-wide, so a
    /// test reading only the cached list could be reading a list computed before the code changed.
    /// </summary>
    internal static IReadOnlyList<(DateOnly Date, string Name)> Holidays(int year, HolidayZone zone)
    {
        var computed = FrenchHolidays.Compute(year, zone);
        Assert.Equal(computed, FrenchHolidays.For(year, zone));
        return computed;
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // Latest possible date.
    [InlineData(2285, 3, 22)] // Earliest possible date.
    // Years whose remainders exercise every branch of the computus (published Easter tables).
    [InlineData(2014, 4, 20)]
    [InlineData(2049, 4, 18)]
    [InlineData(2076, 4, 19)]
    [InlineData(1583, 4, 10)] // First supported year.
    [InlineData(1700, 4, 11)]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(1954, 4, 18)]
    [InlineData(1981, 4, 19)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2095, 4, 24)]
    [InlineData(9999, 3, 28)] // Last supported year.
    public void Easter_sunday_is_computed(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), FrenchHolidays.EasterSunday(year));
    }

    [Fact]
    public void Metropole_2026_has_the_eleven_holidays_in_order()
    {
        (DateOnly, string)[] expected =
        [
            (new DateOnly(2026, 1, 1), "Jour de l'an"),
            (new DateOnly(2026, 4, 6), "Lundi de Pâques"),
            (new DateOnly(2026, 5, 1), "Fête du Travail"),
            (new DateOnly(2026, 5, 8), "Victoire 1945"),
            (new DateOnly(2026, 5, 14), "Ascension"),
            (new DateOnly(2026, 5, 25), "Lundi de Pentecôte"),
            (new DateOnly(2026, 7, 14), "Fête nationale"),
            (new DateOnly(2026, 8, 15), "Assomption"),
            (new DateOnly(2026, 11, 1), "Toussaint"),
            (new DateOnly(2026, 11, 11), "Armistice 1918"),
            (new DateOnly(2026, 12, 25), "Noël"),
        ];

        Assert.Equal(expected, Holidays(2026, HolidayZone.Metropole));
    }

    [Fact]
    public void Alsace_moselle_adds_good_friday_and_saint_stephen()
    {
        var alsace = Holidays(2026, HolidayZone.AlsaceMoselle);

        Assert.Equal(13, alsace.Count);
        Assert.Contains((new DateOnly(2026, 4, 3), "Vendredi saint"), alsace);
        Assert.Contains((new DateOnly(2026, 12, 26), "Saint-Étienne"), alsace);
        Assert.Equal(new DateOnly(2026, 4, 3), alsace[1].Date);
        Assert.Equal(new DateOnly(2026, 12, 26), alsace[^1].Date);
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3), HolidayZone.Metropole));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 12, 26), HolidayZone.Metropole));
        Assert.True(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3), HolidayZone.AlsaceMoselle));
    }

    [Theory]
    [InlineData(HolidayZone.Guadeloupe, "2026-05-27")]
    [InlineData(HolidayZone.Martinique, "2026-05-22")]
    [InlineData(HolidayZone.Guyane, "2026-06-10")]
    [InlineData(HolidayZone.LaReunion, "2026-12-20")]
    [InlineData(HolidayZone.Mayotte, "2026-04-27")]
    public void Overseas_departements_add_their_abolition_of_slavery_day(HolidayZone zone, string date)
    {
        var holidays = Holidays(2026, zone);

        Assert.Equal(12, holidays.Count);
        Assert.Contains((Day(date), "Abolition de l'esclavage"), holidays);
        Assert.True(FrenchHolidays.IsHoliday(Day(date), zone));
        Assert.False(FrenchHolidays.IsHoliday(Day(date), HolidayZone.Metropole));
        Assert.False(FrenchHolidays.IsHoliday(new DateOnly(2026, 4, 3), zone));
    }

    [Theory]
    [InlineData(HolidayZone.Metropole)]
    [InlineData(HolidayZone.AlsaceMoselle)]
    [InlineData(HolidayZone.Guadeloupe)]
    [InlineData(HolidayZone.Martinique)]
    [InlineData(HolidayZone.Guyane)]
    [InlineData(HolidayZone.LaReunion)]
    [InlineData(HolidayZone.Mayotte)]
    [InlineData(HolidayZone.SaintBarthelemy)]
    [InlineData(HolidayZone.SaintMartin)]
    [InlineData(HolidayZone.SaintPierreMiquelon)]
    public void Lists_are_sorted_even_when_ascension_falls_on_may_day(HolidayZone zone)
    {
        // Easter 2008 was on 23 March: Ascension fell on Thursday 1 May.
        var holidays2008 = Holidays(2008, zone);
        Assert.Contains((new DateOnly(2008, 5, 1), "Ascension"), holidays2008);
        Assert.Contains((new DateOnly(2008, 5, 1), "Fête du Travail"), holidays2008);

        for (var year = 2000; year <= 2100; year++)
        {
            var holidays = Holidays(year, zone);
            Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        }
    }

    [Fact]
    public void Lists_are_cached_and_read_only()
    {
        var lists = new IReadOnlyList<(DateOnly, string)>[64];
        Parallel.For(0, lists.Length, i => lists[i] = FrenchHolidays.For(2031, HolidayZone.Guyane));

        Assert.All(lists, list => Assert.Same(lists[0], list));
        Assert.False(lists[0] is IList<(DateOnly, string)> { IsReadOnly: false });
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Years_outside_the_gregorian_range_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchHolidays.For(year, HolidayZone.Metropole));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FrenchHolidays.EasterSunday(year));
        Assert.StartsWith("L'année doit être comprise entre 1583 et 9999.", error.Message);
    }

    [Fact]
    public void A_reply_stamped_the_same_minute_as_the_message_took_no_working_day()
    {
        var at = At("2026-03-09T10:42:00");

        Assert.Equal(0, WorkingDays.Between(at, at, HolidayZone.Metropole));
        Assert.Throws<ArgumentException>(() => WorkingDays.Between(at, at.AddMinutes(-1), HolidayZone.Metropole));
    }

    [Theory]
    [InlineData("2026-03-09", HolidayZone.Metropole, true)] // Monday.
    [InlineData("2026-03-07", HolidayZone.Metropole, false)] // Saturday.
    [InlineData("2026-03-08", HolidayZone.Metropole, false)] // Sunday.
    [InlineData("2026-04-06", HolidayZone.Metropole, false)] // Easter Monday.
    [InlineData("2026-04-03", HolidayZone.Metropole, true)] // Good Friday, worked outside Alsace-Moselle.
    [InlineData("2026-04-03", HolidayZone.AlsaceMoselle, false)]
    [InlineData("2026-05-14", HolidayZone.LaReunion, false)] // Ascension.
    [InlineData("2026-05-15", HolidayZone.Metropole, true)] // The "pont" after Ascension is no holiday.
    [InlineData("2026-05-22", HolidayZone.Martinique, false)]
    public void Working_days_are_weekdays_that_are_not_holidays(string date, HolidayZone zone, bool expected)
    {
        Assert.Equal(expected, WorkingDays.IsWorkingDay(Day(date), zone));
    }

    [Theory]
    // Same day, whatever the hours.
    [InlineData("2026-03-09T08:00", "2026-03-09T18:30", HolidayZone.Metropole, 0)]
    [InlineData("2026-03-09T23:59", "2026-03-10T00:01", HolidayZone.Metropole, 1)]
    [InlineData("2026-03-02T10:00", "2026-03-09T10:00", HolidayZone.Metropole, 5)]
    // Friday to Monday; sent during the weekend.
    [InlineData("2026-03-06T17:45", "2026-03-09T08:15", HolidayZone.Metropole, 1)]
    [InlineData("2026-03-07T11:00", "2026-03-09T09:00", HolidayZone.Metropole, 1)]
    [InlineData("2026-03-08T22:00", "2026-03-09T09:00", HolidayZone.Metropole, 1)]
    [InlineData("2026-03-07T11:00", "2026-03-08T09:00", HolidayZone.Metropole, 0)]
    [InlineData("2026-03-07T11:00", "2026-03-10T09:00", HolidayZone.Metropole, 2)]
    // Easter 2026: Thursday 2 April to Tuesday 7 April. Friday 3 counts except in Alsace-Moselle, Monday 6 never.
    [InlineData("2026-04-02T10:00", "2026-04-07T09:00", HolidayZone.Metropole, 2)]
    [InlineData("2026-04-02T10:00", "2026-04-07T09:00", HolidayZone.AlsaceMoselle, 1)]
    // Sent on Easter Monday itself: day 0 all the same.
    [InlineData("2026-04-06T10:00", "2026-04-07T09:00", HolidayZone.Metropole, 1)]
    // Ascension, Thursday 14 May 2026: Wednesday to Friday.
    [InlineData("2026-05-13T10:00", "2026-05-15T10:00", HolidayZone.Metropole, 1)]
    // Whit Monday, 25 May 2026: Friday to Tuesday.
    [InlineData("2026-05-22T16:00", "2026-05-26T09:00", HolidayZone.Metropole, 1)]
    // 1 May and 8 May 2026 are Fridays: from Thursday 30 April, 4, 5, 6, 7 and 11 May count.
    [InlineData("2026-04-30T10:00", "2026-05-04T10:00", HolidayZone.Metropole, 1)]
    [InlineData("2026-04-30T10:00", "2026-05-11T10:00", HolidayZone.Metropole, 5)]
    // 11 November 2026 is a Wednesday.
    [InlineData("2026-11-10T10:00", "2026-11-12T10:00", HolidayZone.Metropole, 1)]
    // Wednesday 23 December 2026 to Monday 4 January 2027: 24, 28, 29, 30, 31 December and 4 January.
    // 26 December is a Saturday, so Alsace-Moselle counts the same.
    [InlineData("2026-12-23T10:00", "2027-01-04T10:00", HolidayZone.Metropole, 6)]
    [InlineData("2026-12-23T10:00", "2027-01-04T10:00", HolidayZone.AlsaceMoselle, 6)]
    // In 2025, 26 December is a Friday: Wednesday 24 to Monday 29.
    [InlineData("2025-12-24T10:00", "2025-12-29T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2025-12-24T10:00", "2025-12-29T10:00", HolidayZone.AlsaceMoselle, 1)]
    // Abolition days on weekdays: Martinique Friday 22 May 2026 (then Whit Monday), Guadeloupe Wednesday 27 May,
    // Guyane Wednesday 10 June, Mayotte Monday 27 April 2026, La Réunion Monday 20 December 2027.
    [InlineData("2026-05-21T10:00", "2026-05-26T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2026-05-21T10:00", "2026-05-26T10:00", HolidayZone.Martinique, 1)]
    [InlineData("2026-05-26T10:00", "2026-05-28T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2026-05-26T10:00", "2026-05-28T10:00", HolidayZone.Guadeloupe, 1)]
    [InlineData("2026-06-09T10:00", "2026-06-11T10:00", HolidayZone.Guyane, 1)]
    [InlineData("2026-04-24T10:00", "2026-04-28T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2026-04-24T10:00", "2026-04-28T10:00", HolidayZone.Mayotte, 1)]
    [InlineData("2027-12-17T10:00", "2027-12-21T10:00", HolidayZone.Metropole, 2)]
    [InlineData("2027-12-17T10:00", "2027-12-21T10:00", HolidayZone.LaReunion, 1)]
    public void Between_counts_working_days_after_the_day_of_sending(string sent, string received, HolidayZone zone, int expected)
    {
        Assert.Equal(expected, WorkingDays.Between(At(sent), At(received), zone));
    }

    [Theory]
    // Plain week: sent Monday 2 March 2026, the fifth working day is Monday 9 March.
    [InlineData("2026-03-02T10:00", "2026-03-09T17:59", HolidayZone.Metropole, ReplyDelayClass.WithinDeadline)]
    [InlineData("2026-03-02T10:00", "2026-03-10T09:00", HolidayZone.Metropole, ReplyDelayClass.Late)]
    // Around 1 and 8 May 2026: seven weekdays to Monday 11 May, but only five working days.
    [InlineData("2026-04-30T10:00", "2026-05-11T16:00", HolidayZone.Metropole, ReplyDelayClass.WithinDeadline)]
    [InlineData("2026-04-30T10:00", "2026-05-12T09:00", HolidayZone.Metropole, ReplyDelayClass.Late)]
    // Easter 2026 from Thursday 2 April: the fifth working day is Friday 10 April, Monday 13 in Alsace-Moselle.
    [InlineData("2026-04-02T10:00", "2026-04-10T16:00", HolidayZone.Metropole, ReplyDelayClass.WithinDeadline)]
    [InlineData("2026-04-02T10:00", "2026-04-13T09:00", HolidayZone.Metropole, ReplyDelayClass.Late)]
    [InlineData("2026-04-02T10:00", "2026-04-13T09:00", HolidayZone.AlsaceMoselle, ReplyDelayClass.WithinDeadline)]
    // Christmas 2026 from Wednesday 23 December: the fifth working day is Thursday 31 December.
    [InlineData("2026-12-23T10:00", "2026-12-31T16:00", HolidayZone.Metropole, ReplyDelayClass.WithinDeadline)]
    [InlineData("2026-12-23T10:00", "2027-01-04T09:00", HolidayZone.Metropole, ReplyDelayClass.Late)]
    [InlineData("2026-12-23T10:00", "2027-01-04T09:00", HolidayZone.AlsaceMoselle, ReplyDelayClass.Late)]
    public void Replies_are_classified_against_five_working_days(string sent, string reply, HolidayZone zone, ReplyDelayClass expected)
    {
        Assert.Equal(expected, WorkingDays.ClassifyReply(At(sent), At(reply), zone));
    }

    [Fact]
    public void Missing_reply_is_no_reply()
    {
        Assert.Equal(ReplyDelayClass.NoReply, WorkingDays.ClassifyReply(At("2026-03-02T10:00"), null, HolidayZone.Metropole));
    }

    [Fact]
    public void Deadline_can_be_set()
    {
        Assert.Equal(ReplyDelayClass.WithinDeadline,
            WorkingDays.ClassifyReply(At("2026-03-06T09:00"), At("2026-03-06T18:00"), HolidayZone.Metropole, deadlineWorkingDays: 0));
        Assert.Equal(ReplyDelayClass.Late,
            WorkingDays.ClassifyReply(At("2026-03-06T09:00"), At("2026-03-09T08:00"), HolidayZone.Metropole, deadlineWorkingDays: 0));
        Assert.Equal(ReplyDelayClass.WithinDeadline,
            WorkingDays.ClassifyReply(At("2026-04-02T10:00"), At("2026-04-14T09:00"), HolidayZone.Metropole, deadlineWorkingDays: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            WorkingDays.ClassifyReply(At("2026-03-06T09:00"), null, HolidayZone.Metropole, deadlineWorkingDays: -1));
    }

    [Theory]
    // From Thursday 30 April 2026, over 1 and 8 May: 4, 5, 6, 7, 11 May.
    [InlineData("2026-04-30", 5, HolidayZone.Metropole, "2026-05-11")]
    // From Wednesday 13 May 2026, over Ascension: 15, 18, 19, 20, 21 May.
    [InlineData("2026-05-13", 5, HolidayZone.Metropole, "2026-05-21")]
    // Christmas week 2026 and the new year.
    [InlineData("2026-12-23", 5, HolidayZone.Metropole, "2026-12-31")]
    [InlineData("2026-12-23", 6, HolidayZone.Metropole, "2027-01-04")]
    // Easter week 2026.
    [InlineData("2026-04-02", 1, HolidayZone.Metropole, "2026-04-03")]
    [InlineData("2026-04-02", 1, HolidayZone.AlsaceMoselle, "2026-04-07")]
    [InlineData("2026-04-02", 5, HolidayZone.Metropole, "2026-04-10")]
    // Martinique: abolition day Friday 22 May then Whit Monday 25 May 2026.
    [InlineData("2026-05-21", 1, HolidayZone.Metropole, "2026-05-22")]
    [InlineData("2026-05-21", 1, HolidayZone.Martinique, "2026-05-26")]
    // From a Saturday, and zero days.
    [InlineData("2026-03-07", 1, HolidayZone.Metropole, "2026-03-09")]
    [InlineData("2026-03-07", 0, HolidayZone.Metropole, "2026-03-07")]
    public void Add_working_days_skips_weekends_and_holidays(string start, int days, HolidayZone zone, string expected)
    {
        Assert.Equal(Day(expected), WorkingDays.AddWorkingDays(Day(start), days, zone));
    }

    [Fact]
    public void Add_working_days_refuses_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.AddWorkingDays(new DateOnly(2026, 3, 9), -1, HolidayZone.Metropole));
    }

    [Theory]
    [InlineData(HolidayZone.Metropole)]
    [InlineData(HolidayZone.AlsaceMoselle)]
    [InlineData(HolidayZone.LaReunion)]
    public void Add_working_days_and_between_agree(HolidayZone zone)
    {
        for (var start = new DateOnly(2026, 1, 1); start.Year == 2026; start = start.AddDays(1))
        {
            var deadline = WorkingDays.AddWorkingDays(start, 5, zone);
            var sent = start.ToDateTime(new TimeOnly(10, 0));

            Assert.Equal(5, WorkingDays.Between(sent, deadline.ToDateTime(new TimeOnly(23, 59)), zone));
            Assert.Equal(ReplyDelayClass.WithinDeadline, WorkingDays.ClassifyReply(sent, deadline.ToDateTime(new TimeOnly(23, 59)), zone));
            Assert.Equal(ReplyDelayClass.Late,
                WorkingDays.ClassifyReply(sent, WorkingDays.AddWorkingDays(deadline, 1, zone).ToDateTime(TimeOnly.MinValue), zone));
        }
    }

    [Theory]
    [InlineData("2026-03-09T10:00", "2026-03-09T09:59")]
    [InlineData("2026-03-09T10:00", "2026-03-06T10:00")]
    public void Reply_before_sending_is_refused(string sent, string received)
    {
        var error = Assert.Throws<ArgumentException>(() => WorkingDays.Between(At(sent), At(received), HolidayZone.Metropole));

        Assert.Equal("receivedAtLocal", error.ParamName);
        Assert.Contains("antérieure à la date d'envoi", error.Message);
        Assert.Throws<ArgumentException>(() => WorkingDays.ClassifyReply(At(sent), At(received), HolidayZone.Metropole));
    }
}
