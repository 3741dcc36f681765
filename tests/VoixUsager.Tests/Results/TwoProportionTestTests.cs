using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

// Pooled test: p = (x1 + x2) / (n1 + n2), SE = √(p(1−p)(1/n1 + 1/n2)), z = (p1 − p2) / SE,
// two-sided p-value = 2 · (1 − Φ(|z|)), Φ read from a normal table. Arithmetic beside each case.
[Trait("Category", "Logic")]
public class TwoProportionTestTests
{
    [Fact]
    public void Ten_point_rise_on_two_hundred_answers_is_significant()
    {
        // p1 = 0.60, p2 = 0.50, pooled = 220/400 = 0.55
        // SE = √(0.55 · 0.45 · 0.01) = √0.002475 = 0.049749; z = 0.10 / 0.049749 = 2.0101
        // p = 2 · (1 − Φ(2.0101)) = 2 · 0.02221 = 0.0444
        var result = TwoProportionTest.Compare(new Proportion(120, 200), new Proportion(100, 200));

        Assert.Equal(10.0, result.DifferenceInPoints, 9);
        Assert.Equal(2.010, result.Z, 3);
        Assert.Equal(0.044, result.PValue, 3);
        Assert.True(result.IsSignificant);
        Assert.Equal(
            "Hausse de 10,0 points par rapport à la campagne précédente, supérieure à ce que le hasard expliquerait (p = 0,044).",
            result.Sentence);
    }

    [Fact]
    public void Small_drop_is_not_significant_and_point_stays_singular()
    {
        // p1 = 98/200 = 0.490, p2 = 101/200 = 0.505, d = −1.5 points; pooled = 199/400 = 0.4975
        // SE = √(0.4975 · 0.5025 · 0.01) = √0.00249994 = 0.049999; z = −0.015 / 0.049999 = −0.3000
        // p = 2 · Φ(−0.3000) = 2 · 0.38209 = 0.7642
        var result = TwoProportionTest.Compare(new Proportion(98, 200), new Proportion(101, 200));

        Assert.Equal(-1.5, result.DifferenceInPoints, 9);
        Assert.Equal(-0.300, result.Z, 3);
        Assert.Equal(0.764, result.PValue, 3);
        Assert.False(result.IsSignificant);
        Assert.Equal(
            "Baisse de 1,5 point par rapport à la campagne précédente, trop faible pour conclure à un changement réel (p = 0,76).",
            result.Sentence);
    }

    [Fact]
    public void Two_points_take_the_plural()
    {
        // p1 = 0.60, p2 = 0.58, pooled = 0.59; SE = √(0.59 · 0.41 · 0.02) = √0.004838 = 0.069556
        // z = 0.02 / 0.069556 = 0.2875; p = 2 · (1 − Φ(0.2875)) = 2 · 0.38685 = 0.7737
        var result = TwoProportionTest.Compare(new Proportion(60, 100), new Proportion(58, 100));

        Assert.Equal(0.774, result.PValue, 3);
        Assert.Equal(
            "Hausse de 2,0 points par rapport à la campagne précédente, trop faible pour conclure à un changement réel (p = 0,77).",
            result.Sentence);
    }

    [Fact]
    public void Eight_points_on_fifty_mystery_calls_is_not_enough()
    {
        // p1 = 40/50 = 0.80, p2 = 36/50 = 0.72, pooled = 76/100 = 0.76
        // SE = √(0.76 · 0.24 · 0.04) = √0.007296 = 0.085417; z = 0.08 / 0.085417 = 0.9366
        // p = 2 · (1 − Φ(0.9366)) = 2 · 0.17449 = 0.3490
        var result = TwoProportionTest.Compare(new Proportion(40, 50), new Proportion(36, 50));

        Assert.Equal(0.937, result.Z, 3);
        Assert.Equal(0.349, result.PValue, 3);
        Assert.False(result.IsSignificant);
        Assert.Equal(
            "Hausse de 8,0 points par rapport à la campagne précédente, trop faible pour conclure à un changement réel (p = 0,35).",
            result.Sentence);
    }

    [Fact]
    public void Very_small_p_values_are_not_printed_as_zero()
    {
        // p1 = 0.80, p2 = 0.50, pooled = 0.65; SE = √(0.65 · 0.35 · 0.01) = √0.002275 = 0.047697
        // z = 0.30 / 0.047697 = 6.290, far in the tail: p ≈ 3e-10
        var result = TwoProportionTest.Compare(new Proportion(160, 200), new Proportion(100, 200));

        Assert.Equal(6.290, result.Z, 3);
        Assert.True(result.PValue < 1e-9);
        Assert.True(result.IsSignificant);
        Assert.Equal(
            "Hausse de 30,0 points par rapport à la campagne précédente, supérieure à ce que le hasard expliquerait (p < 0,001).",
            result.Sentence);
    }

    [Fact]
    public void Just_under_the_threshold_shows_a_fourth_decimal_rather_than_0_050()
    {
        // p1 = 0.25, p2 = 0.14, pooled = 39/200 = 0.195; SE = √(0.195 · 0.805 · 0.02) = √0.0031395 = 0.056031
        // z = 0.11 / 0.056031 = 1.9632; p = 2 · (1 − Φ(1.9632)) = 2 · 0.02481 = 0.0496
        var result = TwoProportionTest.Compare(new Proportion(25, 100), new Proportion(14, 100));

        Assert.Equal(0.0496, result.PValue, 4);
        Assert.True(result.IsSignificant);
        Assert.Equal(
            "Hausse de 11,0 points par rapport à la campagne précédente, supérieure à ce que le hasard expliquerait (p = 0,0496).",
            result.Sentence);
    }

    [Fact]
    public void Identical_rates_say_so()
    {
        // 30/40 = 45/60 = 0.75: d = 0, z = 0, p = 1
        var result = TwoProportionTest.Compare(new Proportion(30, 40), new Proportion(45, 60));

        Assert.Equal(0.0, result.DifferenceInPoints);
        Assert.Equal(0.0, result.Z);
        Assert.Equal(1.0, result.PValue, 12);
        Assert.False(result.IsSignificant);
        Assert.Equal("Taux identique à celui de la campagne précédente (p = 1,00).", result.Sentence);
    }

    [Fact]
    public void Both_at_zero_percent_do_not_divide_by_zero()
    {
        // Pooled rate 0: the standard error is 0 and there is nothing to test.
        var result = TwoProportionTest.Compare(new Proportion(0, 30), new Proportion(0, 50));

        Assert.Equal(0.0, result.Z);
        Assert.Equal(1.0, result.PValue, 12);
        Assert.False(result.IsSignificant);
    }

    [Theory]
    [InlineData(0, 0, 5, 10)]
    [InlineData(5, 10, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    public void Campaign_without_expressed_answers_cannot_be_compared(int s1, int n1, int s2, int n2)
    {
        var result = TwoProportionTest.Compare(new Proportion(s1, n1), new Proportion(s2, n2));

        Assert.True(double.IsNaN(result.DifferenceInPoints));
        Assert.True(double.IsNaN(result.Z));
        Assert.True(double.IsNaN(result.PValue));
        Assert.False(result.IsSignificant);
        Assert.Equal("Pas de comparaison possible : une des deux campagnes n'a aucune réponse exprimée.", result.Sentence);
    }

    [Theory]
    [InlineData(0.0009999, false, "p < 0,001")]
    [InlineData(0.001, false, "p = 0,001")] // The "p < 0,001" bracket is strict: 0,001 itself is printed.
    [InlineData(0.0999, false, "p = 0,100")]
    [InlineData(0.1, false, "p = 0,10")] // Two decimals from 0.1 up.
    [InlineData(0.5, false, "p = 0,50")]
    [InlineData(0.04996, true, "p = 0,0500")] // Rounds to the threshold next to a significant result: one more decimal.
    [InlineData(0.04996, false, "p = 0,050")]
    public void P_values_are_printed_at_the_precision_their_size_needs(double pValue, bool significant, string expected)
    {
        Assert.Equal(expected, TwoProportionTest.FormatPValue(pValue, significant));
    }
}
