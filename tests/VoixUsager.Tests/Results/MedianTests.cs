using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

[Trait("Category", "Logic")]
public class MedianTests
{
    [Fact]
    public void Empty_has_no_median()
    {
        Assert.Null(Median.Of(Array.Empty<int>()));
        Assert.Null(Median.Of(Array.Empty<double>()));
    }

    [Fact]
    public void Single_value_is_its_own_median()
    {
        Assert.Equal(5.0, Median.Of([5]));
    }

    [Fact]
    public void Odd_count_takes_the_middle_value_after_sorting()
    {
        // Sorted: 1, 2, 3, 8, 40 → 3 (the mean, 10.8, would be pulled up by the 40-day reply)
        Assert.Equal(3.0, Median.Of([8, 1, 40, 3, 2]));
    }

    [Fact]
    public void Even_count_takes_the_mean_of_the_two_middle_values()
    {
        // Sorted: 1, 2, 3, 4 → (2 + 3) / 2 = 2.5
        Assert.Equal(2.5, Median.Of([4, 1, 3, 2]));
    }

    [Fact]
    public void Repeated_values_are_kept()
    {
        // Sorted: 1, 7, 7, 7 → (7 + 7) / 2 = 7
        Assert.Equal(7.0, Median.Of([7, 7, 1, 7]));
    }

    [Fact]
    public void Negative_values_are_ordered_correctly()
    {
        // Sorted: −3, −1 → −2
        Assert.Equal(-2.0, Median.Of([-1, -3]));
    }

    [Fact]
    public void Large_ints_do_not_overflow()
    {
        // (2 147 483 646 + 2 147 483 647) / 2 = 2 147 483 646.5, beyond int range once added.
        Assert.Equal(2147483646.5, Median.Of([int.MaxValue, int.MaxValue - 1]));
    }

    [Fact]
    public void Doubles_work_the_same_way()
    {
        // Sorted: 0.5, 1.5, 2.5, 10.0 → (1.5 + 2.5) / 2 = 2.0
        Assert.Equal(2.0, Median.Of([1.5, 10.0, 0.5, 2.5]));
        // Sorted: 0.25, 0.5, 12.75 → 0.5
        Assert.Equal(0.5, Median.Of([12.75, 0.25, 0.5]));
    }

    [Fact]
    public void Huge_doubles_do_not_overflow()
    {
        Assert.Equal(double.MaxValue, Median.Of([double.MaxValue, double.MaxValue]));
    }

    [Fact]
    public void Nan_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Median.Of([1.0, double.NaN, 3.0]));
    }

    [Fact]
    public void No_value_list_is_a_programming_error_named_as_the_caller_wrote_it()
    {
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Median.Of((IEnumerable<int>)null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Median.Of((IEnumerable<double>)null!)).ParamName);
    }

    [Fact]
    public void Nan_anywhere_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => Median.Of([double.NaN, 2.0]));

        Assert.Equal("values", error.ParamName);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Median.Of([5.0, 4.0, double.NaN]));
    }
}
