using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

// Reference values come from outside this code: the textbook quantiles (Φ(1.959964) = 0.975,
// Φ(2.575829) = 0.995) and the C library's erfc, read through Python's math.erfc, whose leading digits
// match the printed tables (erfc(1) = 0.1572992, Φ(1) = 0.8413447, Φ(−3) = 0.0013499).
[Trait("Category", "Logic")]
public class StandardNormalTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-3.0, 0.0013498980316300957)]
    [InlineData(2.5758293035489, 0.995)]
    public void Cdf_matches_the_tables(double z, double expected)
    {
        Assert.Equal(expected, StandardNormal.Cdf(z), 1e-14);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_is_accurate_to_twelve_significant_digits(double x, double expected)
    {
        Assert.Equal(1.0, StandardNormal.Erfc(x) / expected, 1e-12);
    }

    [Fact]
    public void Both_methods_agree_where_they_meet()
    {
        // erfc(1.5) = 0.033894853524689274: the series stops and the continued fraction starts here.
        Assert.Equal(1.0, StandardNormal.Erfc(1.4999999999) / 0.03389485353658231, 1e-12);
        Assert.Equal(1.0, StandardNormal.Erfc(1.5) / 0.033894853524689274, 1e-12);
    }

    [Fact]
    public void Two_sided_p_value_of_1_96_is_five_percent()
    {
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(1.959963984540054), 1e-14);
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(-1.959963984540054), 1e-14);
    }

    [Fact]
    public void Extreme_values_do_not_break()
    {
        Assert.Equal(0.0, StandardNormal.Erfc(40));
        Assert.Equal(2.0, StandardNormal.Erfc(-40));
        Assert.True(double.IsNaN(StandardNormal.Erfc(double.NaN)));
    }
}
