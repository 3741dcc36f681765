using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

// Expected bounds were worked out by hand from the Wilson formula
//   centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
// with z = 1.959964, z² = 3.841459; the arithmetic is shown next to each case.
[Trait("Category", "Logic")]
public class ProportionTests
{
    [Fact]
    public void Sixteen_out_of_twenty_is_really_58_to_92_percent()
    {
        // p = 0.8, z²/n = 0.192073, denominator = 1.192073
        // centre = (0.8 + 0.096036) / 1.192073 = 0.751663
        // half = 1.959964 · √(0.16/20 + 3.841459/1600) / 1.192073 = 1.959964 · √0.010401 / 1.192073 = 0.167680
        var (low, high) = new Proportion(16, 20).WilsonInterval();

        Assert.Equal(0.584, low, 3);
        Assert.Equal(0.919, high, 3);
    }

    [Fact]
    public void Zero_successes_start_at_exactly_zero()
    {
        // p = 0: low = 0, high = (z²/n) / (1 + z²/n) = 0.384146 / 1.384146 = 0.277533
        var (low, high) = new Proportion(0, 10).WilsonInterval();

        Assert.Equal(0.0, low);
        Assert.Equal(0.278, high, 3);
    }

    [Fact]
    public void All_successes_end_at_exactly_one()
    {
        // Mirror of 0/10: low = 1 − 0.277533 = 0.722467
        var (low, high) = new Proportion(10, 10).WilsonInterval();

        Assert.Equal(0.722, low, 3);
        Assert.Equal(1.0, high);
    }

    [Fact]
    public void Half_is_symmetric_around_one_half()
    {
        // centre = (0.5 + 0.019207) / 1.038415 = 0.5
        // half = 1.959964 · √(0.0025 + 0.0000960) / 1.038415 = 1.959964 · 0.050951 / 1.038415 = 0.096169
        var (low, high) = new Proportion(50, 100).WilsonInterval();

        Assert.Equal(0.404, low, 3);
        Assert.Equal(0.596, high, 3);
        Assert.Equal(1.0, low + high, 12);
    }

    [Fact]
    public void Large_sample_is_close_to_the_normal_approximation()
    {
        // p = 0.72, n = 10 000: denominator = 1.000384, centre = 0.720192 / 1.000384 = 0.719916
        // half = 1.959964 · √(0.00002016 + 0.0000000096) / 1.000384 = 1.959964 · 0.0044911 / 1.000384 = 0.0087989
        var (low, high) = new Proportion(7200, 10000).WilsonInterval();

        Assert.Equal(0.7111, low, 4);
        Assert.Equal(0.7287, high, 4);
    }

    [Fact]
    public void No_answer_means_nothing_is_known()
    {
        var empty = new Proportion(0, 0);

        Assert.True(double.IsNaN(empty.Rate));
        Assert.Equal((0.0, 1.0), empty.WilsonInterval());
        Assert.True(empty.IsIndicative);
        Assert.Equal("non calculable (n = 0)", empty.Format());
        Assert.Equal(empty, default);
    }

    [Fact]
    public void A_wider_z_gives_a_wider_interval()
    {
        // z = 2.575829 (99 %): z² = 6.634897, z²/n = 0.331745, denominator = 1.331745
        // centre = (0.8 + 0.165872) / 1.331745 = 0.725267
        // half = 2.575829 · √(0.008 + 6.634897/1600) / 1.331745 = 2.575829 · 0.110210 / 1.331745 = 0.213162
        var (low, high) = new Proportion(16, 20).WilsonInterval(2.5758293035489);

        Assert.Equal(0.512, low, 3);
        Assert.Equal(0.938, high, 3);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void Fewer_than_thirty_answers_is_indicative(int total, bool indicative)
    {
        Assert.Equal(indicative, new Proportion(total / 2, total).IsIndicative);
    }

    [Fact]
    public void Rate_is_successes_over_total()
    {
        Assert.Equal(0.725, new Proportion(145, 200).Rate, 12);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, -1)]
    [InlineData(11, 10)]
    public void Impossible_counts_are_refused(int successes, int total)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(successes, total));
    }

    [Fact]
    public void Small_sample_is_formatted_with_its_interval_and_flagged()
    {
        Assert.Equal("80,0 % (n = 20, IC 95 % : 58,4 %–91,9 %, indicatif)", new Proportion(16, 20).Format());
    }

    [Fact]
    public void Sufficient_sample_is_not_flagged()
    {
        // p = 0.725, z²/n = 0.019207, denominator = 1.019207
        // centre = (0.725 + 0.009604) / 1.019207 = 0.720760
        // half = 1.959964 · √(0.000996875 + 0.0000240) / 1.019207 = 1.959964 · 0.031951 / 1.019207 = 0.061443
        Assert.Equal("72,5 % (n = 200, IC 95 % : 65,9 %–78,2 %)", new Proportion(145, 200).Format());
    }

    [Fact]
    public void Large_counts_are_grouped_by_thousands()
    {
        // Same interval as Large_sample_is_close_to_the_normal_approximation: 71,1 %–72,9 %.
        Assert.Equal("72,0 % (n = 10\u202F000, IC 95 % : 71,1 %–72,9 %)", new Proportion(7200, 10000).Format());
    }

    [Fact]
    public void An_almost_perfect_rate_never_reads_as_one_hundred_percent()
    {
        // 1999/2000 = 99.95 % would round to "100,0 %"; one is missing, so it shows 99,9 %.
        // Interval: centre = (0.9995 + 0.00096036) / 1.00192073 = 0.998542,
        //   half = 1.959964 · √(2.49875e-7 + 2.40091e-7) / 1.00192073 = 1.959964 · 0.00069998 / 1.00192073 = 0.001369
        //   → 0.997173–0.999912; the upper bound is an estimate, not a count, so it rounds normally to 100,0 %.
        Assert.Equal("99,9 % (n = 2\u202F000, IC 95 % : 99,7 %–100,0 %)", new Proportion(1999, 2000).Format());
    }

    [Fact]
    public void A_negative_total_is_refused_as_the_total()
    {
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(0, -1)).ParamName);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(-1, 3)).ParamName);
    }

    [Fact]
    public void At_zero_and_one_hundred_percent_the_interval_ends_exactly_at_the_bound()
    {
        for (var n = 1; n <= 2_000; n++)
        {
            var none = new Proportion(0, n).WilsonInterval();
            var all = new Proportion(n, n).WilsonInterval();
            Assert.Equal(0d, none.Low);
            Assert.Equal(1d, all.High);
        }
    }
}
