namespace VoixUsager.Results.Statistics;

/// <summary>
/// Medians for delays and waiting times, where a few very late replies would drag a mean far from what
/// most usagers experienced.
/// </summary>
public static class Median
{
    /// <summary>The middle value, or the mean of the two middle values for an even count; null when empty.</summary>
    public static double? Of(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;

        // Added as doubles: two large ints would overflow.
        return sorted.Length % 2 == 1 ? sorted[middle] : ((double)sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <inheritdoc cref="Of(IEnumerable{int})"/>
    /// <exception cref="ArgumentException">A value is NaN, which has no place in an order.</exception>
    public static double? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        if (double.IsNaN(sorted[0]))
        {
            throw new ArgumentException("Une valeur manquante (NaN) ne peut pas entrer dans le calcul d'une médiane.", nameof(values));
        }

        var middle = sorted.Length / 2;

        // Halved before adding so that two values near double.MaxValue do not overflow to infinity.
        return sorted.Length % 2 == 1 ? sorted[middle] : sorted[middle - 1] / 2 + sorted[middle] / 2;
    }
}
