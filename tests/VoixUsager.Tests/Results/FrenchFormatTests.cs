using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

/// <summary>How figures read in French on every screen: decimals, missing figures, intervals, the small-sample caveat.</summary>
[Trait("Category", "Logic")]
public class FrenchFormatTests
{
    [Theory]
    [InlineData(3.14159, 2, "3,14")]
    [InlineData(2.5, 0, "3")]          // A half rounds away from zero.
    [InlineData(1234.5, 1, "1234,5")]  // Decimals carry no digit grouping: they are read as figures, not counts.
    [InlineData(-0.25, 1, "-0,3")]
    [InlineData(7.0, 3, "7,000")]
    public void Decimals_use_a_comma_and_the_number_of_decimals_asked(double value, int decimals, string expected)
    {
        Assert.Equal(expected, FrenchFormat.Decimal(value, decimals));
        Assert.Equal(expected, FrenchFormat.Decimal((decimal)value, decimals));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1234, "1\u202F234")]
    [InlineData(-1234567, "-1\u202F234\u202F567")]
    public void Counts_are_grouped_by_thousands_with_a_narrow_no_break_space(long value, string expected)
    {
        Assert.Equal(expected, FrenchFormat.Count(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(null)]
    public void A_share_that_is_not_a_number_shows_as_missing(double? share)
    {
        Assert.Equal("–", FrenchFormat.Percent(share));
    }

    [Theory]
    [InlineData(0.0, 1, "0,0 %")]
    [InlineData(1.0, 0, "100 %")]
    [InlineData(0.12345, 2, "12,35 %")]   // 12,345 rounds half up.
    public void Shares_are_shown_with_the_decimals_asked(double share, int decimals, string expected)
    {
        Assert.Equal(expected, FrenchFormat.Percent(share, decimals));
    }

    [Theory]
    [InlineData(1, 1_000_000, 2, "0,01 %")]        // 0,0001 %: never 0 % unless none at all.
    [InlineData(999_999, 1_000_000, 2, "99,99 %")] // 99,9999 %: never 100 % unless all.
    [InlineData(1, 3, 4, "33,3333 %")]
    [InlineData(2, 3, 3, "66,667 %")]
    public void Rates_keep_their_rules_at_every_precision(int successes, int total, int decimals, string expected)
    {
        Assert.Equal(expected, FrenchFormat.Percent(new Proportion(successes, total), decimals));
    }

    [Fact]
    public void A_precision_outside_zero_to_four_decimals_or_a_rate_over_nothing_cannot_be_rounded()
    {
        var third = new Proportion(1, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchFormat.RoundedPercent(third, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchFormat.RoundedPercent(third, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchFormat.RoundedPercent(new Proportion(0, 0), 1));
        Assert.Equal(33m, FrenchFormat.RoundedPercent(third, 0));
        Assert.Equal(33.3333m, FrenchFormat.RoundedPercent(third, 4));
    }

    [Theory]
    [InlineData(0, 0, "")]             // Over no answer the rate already says "non calculable".
    [InlineData(1, 29, ", indicatif")]
    [InlineData(30, 30, "")]
    public void The_small_sample_caveat_is_written_below_thirty_answers(int successes, int total, string expected)
    {
        Assert.Equal(expected, FrenchFormat.IndicativeSuffix(new Proportion(successes, total)));
    }

    [Fact]
    public void The_interval_reads_from_low_to_high_and_is_missing_over_no_answer()
    {
        // Wilson 95 % for 16/20: 0.5840 to 0.9193, computed by hand from the score formula.
        Assert.Equal("58,4 % – 91,9 %", FrenchFormat.Interval(new Proportion(16, 20)));
        Assert.Equal("–", FrenchFormat.Interval(new Proportion(0, 0)));
    }

    [Fact]
    public void A_rate_over_no_answer_says_so_with_its_n()
    {
        Assert.Equal("non calculable (n = 0)", FrenchFormat.Rate(new Proportion(0, 0)));
        Assert.Equal("non calculable", FrenchFormat.Percent(new Proportion(0, 0)));
    }
}
