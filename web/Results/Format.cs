using System.Globalization;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Web.Results;

/// <summary>Figures as the quality team writes them in French reports.</summary>
public static class Format
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Percent(double? rate, int decimals = 1) =>
        rate is { } value && !double.IsNaN(value) ? (value * 100).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), French) + " %" : "–";

    public static string Number(double? value, int decimals = 1) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), French) : "–";

    public static string Interval(Proportion proportion)
    {
        if (proportion.Total == 0)
        {
            return "–";
        }

        var (low, high) = proportion.WilsonInterval();
        return $"{Percent(low)} – {Percent(high)}";
    }

    public static string Date(DateTime utc) => Calendar.FrenchTimeZones.UtcToParis(utc).ToString("dd/MM/yyyy HH:mm", French);
}
