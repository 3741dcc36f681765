using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

[Trait("Category", "Logic")]
public class SatisfactionScaleTests
{
    [Fact]
    public void Sans_avis_is_left_out_of_the_rate_and_the_mean()
    {
        // Expressed = 40 + 30 + 20 + 10 = 100 (the 25 "sans avis" are not counted)
        // Top-2-box = (40 + 30) / 100 = 70 %
        // Mean = (40·4 + 30·3 + 20·2 + 10·1) / 100 = (160 + 90 + 40 + 10) / 100 = 3.0
        var summary = SatisfactionScale.Summarize(40, 30, 20, 10, 25);

        Assert.Equal(100, summary.Expressed);
        Assert.Equal(25, summary.SansAvis);
        Assert.Equal(new Proportion(70, 100), summary.TopTwoBox);
        Assert.Equal(0.70, summary.TopTwoBox.Rate, 12);
        Assert.Equal(3.0, summary.MeanScore!.Value, 12);
    }

    [Fact]
    public void Satisfaction_rate_is_published_with_its_interval()
    {
        // p = 0.7, z²/n = 0.038415, denominator = 1.038415, centre = 0.719207 / 1.038415 = 0.692601
        // half = 1.959964 · √(0.0021 + 0.0000960) / 1.038415 = 1.959964 · 0.046862 / 1.038415 = 0.088450
        Assert.Equal("70,0 % (n = 100, IC 95 % : 60,4 %–78,1 %)", SatisfactionScale.Summarize(40, 30, 20, 10, 25).TopTwoBox.Format());
    }

    [Fact]
    public void Distribution_is_over_expressed_answers_from_four_down_to_one()
    {
        var distribution = SatisfactionScale.Summarize(40, 30, 20, 10, 25).Distribution;

        Assert.Equal([4, 3, 2, 1], distribution.Select(s => s.Score));
        Assert.Equal(
            ["Tout à fait satisfait", "Plutôt satisfait", "Plutôt pas satisfait", "Pas du tout satisfait"],
            distribution.Select(s => s.Label));
        Assert.Equal(
            [new Proportion(40, 100), new Proportion(30, 100), new Proportion(20, 100), new Proportion(10, 100)],
            distribution.Select(s => s.Share));
    }

    [Fact]
    public void Only_sans_avis_gives_no_rate_and_no_mean()
    {
        var summary = SatisfactionScale.Summarize(0, 0, 0, 0, 12);

        Assert.Equal(0, summary.Expressed);
        Assert.Equal(0, summary.TopTwoBox.Total);
        Assert.True(double.IsNaN(summary.TopTwoBox.Rate));
        Assert.Null(summary.MeanScore);
        Assert.All(summary.Distribution, s => Assert.True(double.IsNaN(s.Share.Rate)));
    }

    [Fact]
    public void Individual_answers_are_counted_with_null_as_sans_avis()
    {
        // Scores 4, 4, 3, 2, 1 and two "sans avis": expressed = 5, top-2-box = 3/5
        // Mean = (4 + 4 + 3 + 2 + 1) / 5 = 14 / 5 = 2.8
        var summary = SatisfactionScale.Summarize([4, null, 4, 3, 2, null, 1]);

        Assert.Equal(SatisfactionScale.Summarize(2, 1, 1, 1, 2), summary);
        Assert.Equal(new Proportion(3, 5), summary.TopTwoBox);
        Assert.Equal(2.8, summary.MeanScore!.Value, 12);
    }

    [Fact]
    public void All_dissatisfied_gives_zero_percent_not_no_rate()
    {
        var summary = SatisfactionScale.Summarize(0, 0, 3, 7, 0);

        Assert.Equal(0.0, summary.TopTwoBox.Rate);
        // (3·2 + 7·1) / 10 = 1.3
        Assert.Equal(1.3, summary.MeanScore!.Value, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Scores_outside_the_scale_are_refused(int score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionScale.Summarize([4, score]));
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionScale.Summarize(1, 1, -1, 1, 0));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 0, "tresSatisfaits")]
    [InlineData(0, -1, 0, 0, 0, "satisfaits")]
    [InlineData(0, 0, -1, 0, 0, "peuSatisfaits")]
    [InlineData(0, 0, 0, -1, 0, "pasSatisfaits")]
    [InlineData(0, 0, 0, 0, -1, "sansAvis")]
    public void A_negative_count_of_any_level_is_refused_and_named(int score4, int score3, int score2, int score1, int sansAvis, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ScaleSummary(score4, score3, score2, score1, sansAvis));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void No_answer_list_is_a_programming_error_but_an_empty_one_is_no_opinion_yet()
    {
        Assert.Equal("answers", Assert.Throws<ArgumentNullException>(() => SatisfactionScale.Summarize(null!)).ParamName);
        Assert.Equal(SatisfactionScale.Summarize(0, 0, 0, 0, 0), SatisfactionScale.Summarize(Array.Empty<int?>()));
    }

    [Fact]
    public void The_ends_of_the_scale_are_accepted()
    {
        var summary = SatisfactionScale.Summarize([1, 4, 1]);

        Assert.Equal((1, 0, 0, 2, 0), (summary.TresSatisfaits, summary.Satisfaits, summary.PeuSatisfaits, summary.PasSatisfaits, summary.SansAvis));
        // (4 + 1 + 1) / 3 = 2
        Assert.Equal(2.0, summary.MeanScore!.Value, 12);
    }
}
