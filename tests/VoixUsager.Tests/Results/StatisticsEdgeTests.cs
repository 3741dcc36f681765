using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

// Edges of the statistics that the reports rely on; expected values computed independently (Python's math.erfc).
[Trait("Category", "Logic")]
public class StatisticsEdgeTests
{
    [Fact]
    public void A_difference_that_rounds_to_zero_points_is_said_to_be_under_a_tenth_of_a_point()
    {
        // 50.004 % against 50.000 % over a million answers each: z = 0.0566, p = 0.9549.
        var result = TwoProportionTest.Compare(new Proportion(500_040, 1_000_000), new Proportion(500_000, 1_000_000));

        Assert.Equal(0.004, result.DifferenceInPoints, 9);
        Assert.Equal(0.0566, result.Z, 4);
        Assert.Equal(
            "Hausse de moins de 0,1 point par rapport à la campagne précédente, trop faible pour conclure à un changement réel (p = 0,95).",
            result.Sentence);
    }

    [Fact]
    public void A_large_drop_is_significant_and_its_p_value_is_bounded()
    {
        // 10 % against 50 % over 100 answers each: z = -6.17, p = 6.7e-10.
        var result = TwoProportionTest.Compare(new Proportion(10, 100), new Proportion(50, 100));

        Assert.Equal(-40.0, result.DifferenceInPoints, 9);
        Assert.Equal(-6.1721, result.Z, 4);
        Assert.Equal(6.737e-10, result.PValue, 12);
        Assert.True(result.IsSignificant);
        Assert.Equal("Baisse de 40,0 points par rapport à la campagne précédente, supérieure à ce que le hasard expliquerait (p < 0,001).", result.Sentence);
    }

    [Theory]
    // erfc from Python's math.erfc, on both sides of the switch from the series to the continued fraction (1.5).
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.4999, 0.03390674833770473)]
    [InlineData(1.5, 0.033894853524689274)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(-1.0, 1.842700792949715)]
    [InlineData(-3.0, 1.9999779095030015)]
    public void Erfc_matches_the_reference_on_both_methods_and_for_negative_values(double x, double expected)
    {
        Assert.Equal(expected, StandardNormal.Erfc(x), 1e-14 * Math.Max(1, expected) + expected * 1e-12);
    }

    [Fact]
    public void Erfc_of_nan_is_nan_and_the_normal_law_is_symmetric()
    {
        Assert.True(double.IsNaN(StandardNormal.Erfc(double.NaN)));
        Assert.Equal(0.5, StandardNormal.Cdf(0), 15);
        Assert.Equal(0.9750021048517795, StandardNormal.Cdf(1.96), 12);
        Assert.Equal(1 - StandardNormal.Cdf(1.96), StandardNormal.Cdf(-1.96), 12);
        Assert.Equal(StandardNormal.TwoSidedPValue(1.96), StandardNormal.TwoSidedPValue(-1.96));
        Assert.Equal(0.04999579029644087, StandardNormal.TwoSidedPValue(1.96), 12);
    }
}
