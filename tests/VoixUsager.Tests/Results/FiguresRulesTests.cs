using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using VoixUsager.Reporting;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

/// <summary>The rules of the figures: rounding, small samples, strengths, comparison, CSV quoting.</summary>
[Trait("Category", "Logic")]
public class FiguresRulesTests
{
    private static CriterionCompliance Criterion(string code, int compliant, int total, string label = "Libellé") =>
        new(code, "Accueil", label, new Proportion(compliant, total));

    [Theory]
    [InlineData(23, 80, 1, "28,8 %")]      // 28,75 exactly: half up, as by hand; the double 0.2875 is 0.28749999…
    [InlineData(1, 8, 1, "12,5 %")]
    [InlineData(1, 16, 1, "6,3 %")]        // 6,25
    [InlineData(7, 24, 1, "29,2 %")]
    [InlineData(1, 40, 0, "3 %")]          // 2,5
    [InlineData(5, 8, 0, "63 %")]          // 62,5
    [InlineData(0, 5, 1, "0,0 %")]         // exactly none
    [InlineData(1, 100_000, 1, "0,1 %")]   // never 0 % unless exact
    [InlineData(1, 100_000, 0, "1 %")]
    [InlineData(199, 200, 0, "99 %")]      // never 100 % unless exact
    [InlineData(19_999, 20_000, 1, "99,9 %")]
    [InlineData(20, 20, 1, "100,0 %")]
    [InlineData(0, 0, 1, "non calculable")]
    public void Rates_are_rounded_half_up_from_the_counts_and_never_claim_0_or_100_unless_exact(int successes, int total, int decimals, string expected)
    {
        Assert.Equal(expected, FrenchFormat.Percent(new Proportion(successes, total), decimals));
    }

    [Fact]
    public void Rates_over_the_whole_int_range_round_without_overflow()
    {
        Assert.Equal("50,0 %", FrenchFormat.Percent(new Proportion(int.MaxValue / 2, int.MaxValue - 1), 1));
        Assert.Equal(99.9999m, FrenchFormat.RoundedPercent(new Proportion(int.MaxValue - 1, int.MaxValue), 4));
    }

    [Theory]
    [InlineData(0.2875, "28,8 %")]
    [InlineData(0.00049, "0,0 %")]
    [InlineData(0.12345, "12,3 %")]
    public void Shares_are_rounded_half_up_too(double share, string expected) => Assert.Equal(expected, FrenchFormat.Percent(share));

    [Fact]
    public void The_displayed_rate_the_chart_and_the_indicator_agree_on_halves()
    {
        var proportion = new Proportion(23, 80);
        Assert.Equal("29\u00A0%", ChartRenderer.FormatPercent(proportion.Rate));
        Assert.Equal(28.8m, FrenchFormat.RoundedPercent(proportion, 1));
        Assert.Equal("28,8 % (n = 80, IC 95 % : 20,0 %–39,5 %)", proportion.Format());
    }

    [Fact]
    public void The_two_proportion_test_does_not_overflow_past_two_to_the_31_answers()
    {
        var current = new Proportion(1_500_000_000, 2_000_000_000);
        var previous = new Proportion(1_499_000_000, 2_000_000_000);

        var comparison = TwoProportionTest.Compare(current, previous);

        // Pooled p = 2 999 000 000 / 4 000 000 000, computed by hand in double.
        var pooled = 2_999_000_000.0 / 4_000_000_000.0;
        var expectedZ = (0.75 - 0.7495) / Math.Sqrt(pooled * (1 - pooled) * (2.0 / 2_000_000_000));
        Assert.Equal(expectedZ, comparison.Z, 6);
        Assert.True(comparison.IsSignificant);
        Assert.Equal(0.05, comparison.DifferenceInPoints, 9);
    }

    [Fact]
    public void Strengths_are_ordered_by_rate_then_sample_size_then_grid_order()
    {
        var result = RecommendationWriter.Write(
        [
            Criterion("prise-de-conge", 45, 50),       // 90 %, n = 50
            Criterion("courtoisie", 47, 50),           // 94 %
            Criterion("formule-standard", 90, 100),    // 90 %, n = 100: before the n = 50 at 90 %
            Criterion("information-exacte", 18, 20),   // 90 %, n = 20, after the n = 50
            Criterion("information-complete", 45, 50), // 90 %, n = 50: after prise-de-conge, its equal given first
        ]);

        Assert.Equal(
            [
                "Point fort : l'interlocuteur est courtois dans 94 % des appels.",
                "Point fort : la formule d'accueil du standard est utilisée dans 90 % des appels.",
                "Point fort : la prise de congé est courtoise dans 90 % des appels.",
                "Point fort : l'information donnée est complète dans 90 % des appels.",
                "Point fort : l'information donnée est exacte dans 90 % des appels (indicatif, n = 20).",
            ],
            result.Strengths);
    }

    [Fact]
    public void The_indicative_caveat_is_kept_in_every_sentence_below_30_observations()
    {
        var result = RecommendationWriter.Write(
        [
            Criterion("courtoisie", 12, 12),
            Criterion("local-1", 29, 29, "Badge porté"),
            Criterion("information-exacte", 3, 12),
            Criterion("local-2", 1, 29, "Plan d'accès donné"),
            Criterion("formule-standard", 30, 30),
        ]);

        Assert.Equal(
            [
                "Point fort : la formule d'accueil du standard est utilisée dans 100 % des appels.",
                "Point fort : « Badge porté » (conforme dans 100 % des cas, indicatif, n = 29).",
                "Point fort : l'interlocuteur est courtois dans 100 % des appels (indicatif, n = 12).",
            ],
            result.Strengths);
        Assert.Equal(
            [
                "Améliorer : « Plan d'accès donné » (conforme dans 3 % des cas, indicatif, n = 29).",
                "Fiabiliser l'information donnée au téléphone en tenant à jour une fiche de réponses aux questions fréquentes, partagée entre le standard et les services (conforme dans 25 % des appels, indicatif, n = 12).",
            ],
            result.Recommendations);
    }

    [Fact]
    public void Below_the_minimum_a_criterion_is_to_be_confirmed_not_a_strength_or_a_weakness()
    {
        var result = RecommendationWriter.Write(
        [
            Criterion("courtoisie", 1, 1, "Courtoisie de l'interlocuteur"),     // 100 % of one email
            Criterion("information-exacte", 0, 9, "Information exacte"),       // 0 % of nine
            Criterion("prise-de-conge", 7, 9, "Prise de congé"),               // 78 %: between thresholds, nothing to say
            Criterion("formule-standard", 10, 10),                              // at the minimum: a strength
        ]);

        Assert.Equal(["Point fort : la formule d'accueil du standard est utilisée dans 100 % des appels (indicatif, n = 10)."], result.Strengths);
        Assert.Empty(result.Recommendations);
        Assert.Equal(
            [
                "À confirmer : « Information exacte » (conforme dans 0 % des cas, n = 9 : moins de 10 observations).",
                "À confirmer : « Courtoisie de l'interlocuteur » (conforme dans 100 % des cas, n = 1 : moins de 10 observations).",
            ],
            result.ToConfirm);

        var lower = RecommendationWriter.Write([Criterion("courtoisie", 1, 1)], minimumObservations: 1);
        Assert.Single(lower.Strengths);
        Assert.Empty(lower.ToConfirm);
        Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationWriter.Write([], minimumObservations: 0));
    }

    [Fact]
    public void Late_and_unanswered_emails_get_a_rate_over_all_emails_sent()
    {
        var emails = new EmailResults(24, new Proportion(20, 24), 14, 7, 3, new Proportion(14, 24), 4, [], [], null);

        Assert.Equal("29,2 % (n = 24, IC 95 % : 14,9 %–49,2 %, indicatif)", emails.LateRate.Format());
        Assert.Equal("12,5 % (n = 24, IC 95 % : 4,3 %–31,0 %, indicatif)", emails.NoReplyRate.Format());
    }

    [Theory]
    [InlineData(";début", "\";début\"")]
    [InlineData("\"cité\" au début", "\"\"\"cité\"\" au début\"")]
    [InlineData("\nligne", "\"\nligne\"")]
    [InlineData("fin;", "\"fin;\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("ligne 1\nligne 2", "\"ligne 1\nligne 2\"")]
    [InlineData("ligne 1\r\nligne 2", "\"ligne 1\r\nligne 2\"")]
    [InlineData("retour\rseul", "\"retour\rseul\"")]
    [InlineData("retour final\r", "\"retour final\r\"")]
    [InlineData("a\tb", "a\tb")]
    public void Csv_fields_with_a_separator_quote_or_line_break_anywhere_are_quoted(string value, string expected)
    {
        Assert.Equal(expected, CsvExport.EscapeField(value));
    }

    [Fact]
    public void Free_text_with_line_feeds_tabs_and_lone_or_trailing_carriage_returns_reads_back_unchanged()
    {
        string[] texts = ["Deux\nlignes", "Tab\tulation", "Retour\rseul", "Retour final\r", "\nEn tête", "Windows\r\nfin", ";Point-virgule", "\"Guillemets\""];
        var bytes = CsvExport.Write(["Suggestion", "Suite"], texts.Select(t => (IReadOnlyList<string?>)[t, "x"]), [("Préfecture", "Cantal;\nCentre")]);

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", BadDataFound = null, DetectColumnCountChanges = false, IgnoreBlankLines = false });
        Assert.True(csv.Read());
        Assert.Equal(("Préfecture", "Cantal;\nCentre"), (csv.GetField(0), csv.GetField(1)));
        Assert.True(csv.Read());
        Assert.Equal("", csv.GetField(0));
        Assert.True(csv.Read());
        Assert.Equal(("Suggestion", "Suite"), (csv.GetField(0), csv.GetField(1)));
        var read = new List<string>();
        while (csv.Read())
        {
            read.Add(csv.GetField(0)!);
            Assert.Equal("x", csv.GetField(1));
        }

        // Only the first character of "\nEn tête" is a line feed, not a formula trigger: no quote prefix.
        Assert.Equal(texts, read);
    }
}
