using System.Globalization;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Web.Results;

/// <summary>Figures as the quality team writes them in French reports; percentages and intervals are written by <see cref="FrenchFormat"/> alone, as in the email and the workbook.</summary>
public static class Format
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"73,3 % (n = 30)", with ", indicatif" below 30 answers.</summary>
    public static string RateWithN(Proportion proportion) =>
        proportion.Total == 0 ? $"{FrenchFormat.NotComputable} (n = 0)" : $"{FrenchFormat.Percent(proportion)} (n = {FrenchFormat.Count(proportion.Total)}{FrenchFormat.IndicativeSuffix(proportion)})";

    public static string Number(double? value, int decimals = 1) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), French) : FrenchFormat.Missing;

    /// <summary>"12 mars 2026", as a meeting's day reads in a sentence.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", French);

    public static string Date(DateTime utc) => Calendar.FrenchTimeZones.UtcToParis(utc).ToString("dd/MM/yyyy HH:mm", French);
}
