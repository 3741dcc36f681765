using System.Globalization;

namespace VoixUsager.Results.Statistics;

/// <summary>Number formatting for French reports, shared so every figure on a page looks the same.</summary>
internal static class FrenchFormat
{
    // Built by hand rather than taken from the fr-FR culture: ICU versions disagree on the group
    // separator (U+00A0 or U+202F), and reports must not change with the server's ICU.
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u202F",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>A count with French digit grouping: 1234 gives "1 234" with a narrow no-break space.</summary>
    public static string Count(int value) => value.ToString("N0", Numbers);

    public static string Decimal(double value, int decimals) =>
        value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), Numbers);

    /// <summary>A share in [0, 1] as a French percentage, e.g. 0.725 gives "72,5 %".</summary>
    public static string Percent(double share, int decimals) => Decimal(share * 100, decimals) + " %";

    /// <summary>
    /// The rate of a proportion as a percentage that never claims "100 %" or "0 %" unless it is exact:
    /// 199 compliant calls out of 200 must not read as all of them.
    /// </summary>
    public static string Percent(Proportion proportion, int decimals)
    {
        var step = Math.Pow(10, -decimals);
        var percent = Math.Round(proportion.Rate * 100, decimals, MidpointRounding.AwayFromZero);
        if (percent >= 100 && proportion.Successes < proportion.Total)
        {
            percent = 100 - step;
        }
        else if (percent <= 0 && proportion.Successes > 0)
        {
            percent = step;
        }

        return Decimal(percent, decimals) + " %";
    }
}
