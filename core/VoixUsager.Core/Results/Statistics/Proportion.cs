namespace VoixUsager.Results.Statistics;

/// <summary>
/// A rate with the counts it comes from, so that no percentage is ever shown without its n:
/// 16 compliant calls out of 20 is 80 %, but the true rate could be anywhere between 58 % and 92 %.
/// </summary>
public readonly record struct Proportion
{
    /// <summary>z for a two-sided 95 % interval: the 97.5th percentile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Below this many answers a rate is published as "indicatif" only.</summary>
    public const int IndicativeBelow = 30;

    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or there are more successes than answers.</exception>
    /// <remarks>
    /// The JSON constructor of stored snapshots: without it the serializer would build the struct with its
    /// implicit parameterless constructor and leave both counts at 0, reading every stored rate as "n = 0".
    /// </remarks>
    [System.Text.Json.Serialization.JsonConstructor]
    public Proportion(int successes, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, total);
        Successes = successes;
        Total = total;
    }

    public int Successes { get; }

    public int Total { get; }

    /// <summary>Successes over total; NaN when there is no answer, so that an empty rate cannot pass for 0 %.</summary>
    public double Rate => Total == 0 ? double.NaN : (double)Successes / Total;

    public bool IsIndicative => Total < IndicativeBelow;

    /// <summary>
    /// The Wilson score interval. Unlike the textbook p ± z·√(p(1−p)/n), it stays inside [0, 1] and does
    /// not collapse to a single point at 0 % or 100 %, which matters for the small samples of mystery calls.
    /// With no answer at all, nothing is known: (0, 1).
    /// </summary>
    public (double Low, double High) WilsonInterval(double z = Z95)
    {
        if (Total == 0)
        {
            return (0, 1);
        }

        double n = Total;
        var p = Rate;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;

        // At 0 % and 100 % the bound is exactly 0 or 1 in theory; rounding would leave 1e-17 or 0.9999999999999999.
        var low = Successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var high = Successes == Total ? 1 : Math.Min(1, centre + halfWidth);
        return (low, high);
    }

    /// <summary>The rate as a report shows it: see <see cref="FrenchFormat.Rate"/>.</summary>
    public string Format() => FrenchFormat.Rate(this);
}
