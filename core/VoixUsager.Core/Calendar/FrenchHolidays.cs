using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using VoixUsager.Prefectures;

namespace VoixUsager.Calendar;

/// <summary>
/// French public holidays (jours fériés) per holiday zone. The rules are today's (Code du travail,
/// article L3133-1, the local law of Alsace-Moselle, and for the abolition of slavery the loi n° 83-550
/// with the décret n° 83-1003 as amended: overseas départements, Saint-Barthélemy and Saint-Martin;
/// Saint-Pierre-et-Miquelon has the national list alone); they are applied to every year without
/// reproducing past changes (Saint-Martin's day moved from 27 to 28 May in 2018), which is enough for
/// counting reply delays.
/// </summary>
public static class FrenchHolidays
{
    /// <summary>The Gregorian computus below is only meaningful once the Gregorian calendar exists.</summary>
    public const int FirstSupportedYear = 1583;

    public const int LastSupportedYear = 9999;

    private const string Abolition = "Abolition de l'esclavage";

    // Working-day counts call this for every day of a range: each (year, zone) is computed once.
    private static readonly ConcurrentDictionary<(int Year, HolidayZone Zone), IReadOnlyList<(DateOnly Date, string Name)>> Cache = new();

    /// <summary>Easter Sunday of <paramref name="year"/>, by the anonymous Gregorian algorithm (Meeus–Jones–Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ValidateYear(year);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The public holidays of <paramref name="year"/> in <paramref name="zone"/>, sorted by date, with their French names.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year, HolidayZone zone)
    {
        ValidateYear(year);
        if (!Enum.IsDefined(zone))
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, FrenchTimeZones.UnknownZone);
        }

        return Cache.GetOrAdd((year, zone), static key => Compute(key.Year, key.Zone));
    }

    /// <summary>Whether <paramref name="date"/> is a public holiday in <paramref name="zone"/>, whatever the day of the week.</summary>
    public static bool IsHoliday(DateOnly date, HolidayZone zone)
    {
        foreach (var holiday in For(date.Year, zone))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    // Internal for the tests of the lists: the process-wide cache in For would hide a changed computation
    // from every test after the first (mutation testing reuses one test process across many runs).
    internal static ReadOnlyCollection<(DateOnly Date, string Name)> Compute(int year, HolidayZone zone)
    {
        var easter = EasterSunday(year);
        var holidays = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du Travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        };

        switch (zone)
        {
            case HolidayZone.AlsaceMoselle:
                holidays.Add((easter.AddDays(-2), "Vendredi saint"));
                holidays.Add((new DateOnly(year, 12, 26), "Saint-Étienne"));
                break;
            case HolidayZone.Guadeloupe:
                holidays.Add((new DateOnly(year, 5, 27), Abolition));
                break;
            case HolidayZone.Martinique:
                holidays.Add((new DateOnly(year, 5, 22), Abolition));
                break;
            case HolidayZone.Guyane:
                holidays.Add((new DateOnly(year, 6, 10), Abolition));
                break;
            case HolidayZone.LaReunion:
                holidays.Add((new DateOnly(year, 12, 20), Abolition));
                break;
            case HolidayZone.Mayotte:
                holidays.Add((new DateOnly(year, 4, 27), Abolition));
                break;
            case HolidayZone.SaintBarthelemy:
                holidays.Add((new DateOnly(year, 10, 9), Abolition));
                break;
            case HolidayZone.SaintMartin:
                holidays.Add((new DateOnly(year, 5, 28), Abolition));
                break;
        }

        // Movable feasts can fall on or around fixed ones (Ascension on 1 May in 2008): the order is by date,
        // and a stable sort keeps the list the same from one call to the next. The list is shared by every
        // caller through the cache, hence read-only rather than a List that could be cast back and changed.
        return holidays.OrderBy(holiday => holiday.Date).ToList().AsReadOnly();
    }

    private static void ValidateYear(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"L'année doit être comprise entre {FirstSupportedYear} et {LastSupportedYear}.");
        }
    }
}
