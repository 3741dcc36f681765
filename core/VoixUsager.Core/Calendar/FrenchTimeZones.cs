using VoixUsager.Prefectures;

namespace VoixUsager.Calendar;

/// <summary>The civil time of each holiday zone, to count working days where the préfecture is.</summary>
public static class FrenchTimeZones
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

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
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, "Zone de jours fériés inconnue."),
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
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, "Zone de jours fériés inconnue."),
    };

    public static DateTime ToLocal(DateTime utc, HolidayZone zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), For(zone));

    /// <summary>Référents enter times as they read them on their own clock, in metropolitan time.</summary>
    public static DateTime ParisToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Paris);

    public static DateTime UtcToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);
}
