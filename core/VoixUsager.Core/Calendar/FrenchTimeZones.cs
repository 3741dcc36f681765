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
        _ => Paris,
    };

    public static DateTime ToLocal(DateTime utc, HolidayZone zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), For(zone));

    /// <summary>Référents enter times as they read them on their own clock, in metropolitan time.</summary>
    public static DateTime ParisToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Paris);

    public static DateTime UtcToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);
}
