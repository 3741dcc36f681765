using System.Globalization;

namespace VoixUsager.Results.Statistics;

/// <summary>
/// The one place figures are turned into French text: every page, export, chart and email formats its
/// percentages here, so a rate reads the same on every screen.
/// </summary>
public static class FrenchFormat
{
    /// <summary>What a rate over no answer shows: never "0 %", which would claim a measured failure.</summary>
    public const string NotComputable = "non calculable";

    /// <summary>What a missing figure (no score, no median) shows in a table cell.</summary>
    public const string Missing = "–";

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
    public static string Count(long value) => value.ToString("N0", Numbers);

    public static string Decimal(double value, int decimals) =>
        value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), Numbers);

    public static string Decimal(decimal value, int decimals) =>
        value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), Numbers);

    /// <summary>
    /// A share in [0, 1] as a French percentage, e.g. 0.725 gives "72,5 %"; <see cref="Missing"/> for null
    /// or NaN. The share goes through decimal (15 significant digits) so that 0.2875, stored as
    /// 0.28749999…, rounds half up to "28,8 %" as a reader computing it by hand expects.
    /// </summary>
    public static string Percent(double? share, int decimals = 1)
    {
        if (share is not { } value || double.IsNaN(value) || double.IsInfinity(value))
        {
            return Missing;
        }

        var percent = Math.Round((decimal)value * 100m, decimals, MidpointRounding.AwayFromZero);
        return Decimal(percent, decimals) + " %";
    }

    /// <summary>
    /// The rate of a proportion as a percentage, computed from the integer counts so that halves round up
    /// exactly (23 / 80 = 28,75 % gives "28,8 %"), and that never claims "100 %" or "0 %" unless it is
    /// exact: 199 compliant calls out of 200 must not read as all of them. Over no answer:
    /// <see cref="NotComputable"/>.
    /// </summary>
    public static string Percent(Proportion proportion, int decimals = 1)
    {
        if (proportion.Total == 0)
        {
            return NotComputable;
        }

        return Decimal(RoundedPercent(proportion, decimals), decimals) + " %";
    }

    /// <summary>The percentage <see cref="Percent(Proportion, int)"/> shows, as a number.</summary>
    public static decimal RoundedPercent(Proportion proportion, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 4);
        ArgumentOutOfRangeException.ThrowIfZero(proportion.Total);
        long scale = 100;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }

        // Half up in integers: floor((2·s·scale + n) / 2n). At most 2·2³¹·10⁶ + 2³¹: well inside a long.
        var units = ((2L * proportion.Successes * scale) + proportion.Total) / (2L * proportion.Total);
        var step = 1;
        if (units >= scale && proportion.Successes < proportion.Total)
        {
            units = scale - step;
        }
        else if (units == 0 && proportion.Successes > 0)
        {
            units = step;
        }

        return units / (decimal)(scale / 100);
    }

    /// <summary>
    /// The caveat of a small sample, to write after a rate: ", indicatif" below
    /// <see cref="Proportion.IndicativeBelow"/> answers (and nothing over no answer, already "non calculable").
    /// </summary>
    public static string IndicativeSuffix(Proportion proportion) =>
        proportion.Total > 0 && proportion.IsIndicative ? ", indicatif" : string.Empty;

    /// <summary>The Wilson 95 % interval as "58,4 % – 91,9 %", or <see cref="Missing"/> over no answer.</summary>
    public static string Interval(Proportion proportion)
    {
        if (proportion.Total == 0)
        {
            return Missing;
        }

        var (low, high) = proportion.WilsonInterval();
        return $"{Percent(low)} – {Percent(high)}";
    }

    /// <summary>
    /// A rate as a sentence shows it: "80,0 % (n = 20, IC 95 % : 58,4 %–91,9 %, indicatif)", or
    /// "non calculable (n = 0)".
    /// </summary>
    public static string Rate(Proportion proportion)
    {
        if (proportion.Total == 0)
        {
            return $"{NotComputable} (n = 0)";
        }

        var (low, high) = proportion.WilsonInterval();
        return $"{Percent(proportion)} (n = {Count(proportion.Total)}, IC 95 % : {Percent(low)}–{Percent(high)}{IndicativeSuffix(proportion)})";
    }
}
