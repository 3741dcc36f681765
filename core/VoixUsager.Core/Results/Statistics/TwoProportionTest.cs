namespace VoixUsager.Results.Statistics;

/// <param name="DifferenceInPoints">Current rate minus previous rate, in percentage points; NaN when not comparable.</param>
/// <param name="Z">The pooled z statistic; NaN when not comparable.</param>
/// <param name="PValue">Two-sided p-value; NaN when not comparable.</param>
/// <param name="IsSignificant">Whether <paramref name="PValue"/> is below <see cref="TwoProportionTest.Alpha"/>.</param>
/// <param name="Sentence">The conclusion in plain French, for readers who do not know what a p-value is.</param>
public sealed record ProportionComparison(double DifferenceInPoints, double Z, double PValue, bool IsSignificant, string Sentence);

/// <summary>
/// Whether a rate moved between two campaigns by more than sampling chance explains: the two-sided
/// two-proportion z-test with a pooled variance, as taught and as used in public-service barometers.
/// </summary>
public static class TwoProportionTest
{
    public const double Alpha = 0.05;

    public const string NotComparable = "Pas de comparaison possible : une des deux campagnes n'a aucune réponse exprimée.";

    public static ProportionComparison Compare(Proportion current, Proportion previous)
    {
        if (current.Total == 0 || previous.Total == 0)
        {
            return new ProportionComparison(double.NaN, double.NaN, double.NaN, false, NotComparable);
        }

        var difference = current.Rate - previous.Rate;
        // In double: the sums of two int counts overflow an int past 2³¹ answers.
        var pooled = ((double)current.Successes + previous.Successes) / ((double)current.Total + previous.Total);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / current.Total + 1.0 / previous.Total));

        // A zero standard error means both campaigns are at 0 % or both at 100 %: no difference at all.
        var z = standardError == 0 ? 0 : difference / standardError;
        var pValue = StandardNormal.TwoSidedPValue(z);
        var significant = pValue < Alpha;
        var points = difference * 100;
        return new ProportionComparison(points, z, pValue, significant, Sentence(points, pValue, significant));
    }

    private static string Sentence(double points, double pValue, bool significant)
    {
        var p = FormatPValue(pValue, significant);
        if (points == 0)
        {
            return $"Taux identique à celui de la campagne précédente ({p}).";
        }

        var direction = points > 0 ? "Hausse" : "Baisse";
        var conclusion = significant
            ? "supérieure à ce que le hasard expliquerait"
            : "trop faible pour conclure à un changement réel";
        return $"{direction} de {FormatPoints(Math.Abs(points))} par rapport à la campagne précédente, {conclusion} ({p}).";
    }

    /// <summary>One decimal; French grammar keeps "point" singular below 2 ("1,5 point", "2,0 points").</summary>
    private static string FormatPoints(double magnitude)
    {
        var rounded = Math.Round(magnitude, 1, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            // Only reachable with very large samples; "0,0 point" next to "hausse" would read as a contradiction.
            return "moins de 0,1 point";
        }

        var number = FrenchFormat.Decimal(rounded, 1);
        return rounded < 2 ? number + " point" : number + " points";
    }

    /// <summary>
    /// Two decimals from 0.1 up, three below, "p &lt; 0,001" under that: enough to judge, without false
    /// precision. Near the threshold one more decimal is shown when rounding would otherwise print
    /// "0,050" next to a significant result.
    /// </summary>
    internal static string FormatPValue(double pValue, bool significant)
    {
        if (pValue < 0.001)
        {
            return "p < 0,001";
        }

        var decimals = pValue >= 0.1 ? 2 : 3;
        if (significant && Math.Round(pValue, decimals, MidpointRounding.AwayFromZero) >= Alpha)
        {
            decimals = 4;
        }

        return "p = " + FrenchFormat.Decimal(Math.Round(pValue, decimals, MidpointRounding.AwayFromZero), decimals);
    }
}
