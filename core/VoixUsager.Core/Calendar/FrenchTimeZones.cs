using VoixUsager.Prefectures;

namespace VoixUsager.Calendar;

/// <summary>The civil time of each holiday zone, to count working days where the préfecture is.</summary>
public static class FrenchTimeZones
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Said by every calendar function given a zone outside the list (a value cast from a number).</summary>
    internal const string UnknownZone = "Zone de jours fériés inconnue.";

    public static TimeZoneInfo For(HolidayZone zone) => zone switch
    {
        HolidayZone.Guadeloupe => TimeZoneInfo.FindSystemTimeZoneById("America/Guadeloupe"),
        HolidayZone.Martinique => TimeZoneInfo.FindSystemTimeZoneById("America/Martinique"),
        HolidayZone.Guyane => TimeZoneInfo.FindSystemTimeZoneById("America/Cayenne"),
        HolidayZone.LaReunion => TimeZoneInfo.FindSystemTimeZoneById("Indian/Reunion"),
        HolidayZone.Mayotte => TimeZoneInfo.FindSystemTimeZoneById("Indian/Mayotte"),
        HolidayZone.SaintBarthelemy => TimeZoneInfo.FindSystemTimeZoneById("America/St_Barthelemy"),
        HolidayZone.SaintMartin => TimeZoneInfo.FindSystemTimeZoneById("America/Marigot"),
        HolidayZone.SaintPierreMiquelon => TimeZoneInfo.FindSystemTimeZoneById("America/Miquelon"),
        HolidayZone.Metropole or HolidayZone.AlsaceMoselle => Paris,
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, UnknownZone),
    };

    /// <summary>How people name each zone, in the administration's list and tables.</summary>
    public static string Label(HolidayZone zone) => zone switch
    {
        HolidayZone.Metropole => "Métropole",
        HolidayZone.AlsaceMoselle => "Alsace-Moselle",
        HolidayZone.Guadeloupe => "Guadeloupe",
        HolidayZone.Martinique => "Martinique",
        HolidayZone.Guyane => "Guyane",
        HolidayZone.LaReunion => "La Réunion",
        HolidayZone.Mayotte => "Mayotte",
        HolidayZone.SaintBarthelemy => "Saint-Barthélemy",
        HolidayZone.SaintMartin => "Saint-Martin",
        HolidayZone.SaintPierreMiquelon => "Saint-Pierre-et-Miquelon",
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, UnknownZone),
    };

    public static DateTime ToLocal(DateTime utc, HolidayZone zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), For(zone));

    /// <summary>Référents enter times as they read them on their own clock, in metropolitan time.</summary>
    public static DateTime ParisToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Paris);

    /// <summary>
    /// A time someone typed, read in Paris: false for a time that never happened there, the hour the
    /// clocks skip on the last Sunday of March (2:30 that day does not exist). An autumn time that
    /// happens twice is read as the second one, in winter time.
    /// </summary>
    public static bool TryParisToUtc(DateTime local, out DateTime utc)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, Paris);
        return true;
    }

    /// <summary>What to tell someone who typed a time the clocks skipped.</summary>
    public static string SkippedTimeMessage(DateTime local) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Le {local:dd/MM/yyyy} à {local:HH:mm} n’existe pas à l’heure de Paris : cette nuit-là, les horloges passent de 2 h à 3 h. Indiquez une heure avant 2 h ou à partir de 3 h.");

    public static DateTime UtcToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);
}
