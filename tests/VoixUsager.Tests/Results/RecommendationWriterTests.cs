using VoixUsager.Mystery;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

[Trait("Category", "Logic")]
public class RecommendationWriterTests
{
    private static CriterionCompliance Criterion(string code, int compliant, int total, string label = "Libellé", string group = "Accueil") =>
        new(code, group, label, new Proportion(compliant, total));

    [Fact]
    public void Strengths_come_best_first_and_recommendations_worst_first()
    {
        CriterionCompliance[] criteria =
        [
            Criterion("prise-de-conge", 35, 50),       // 70 %: between the thresholds, neither
            Criterion("information-exacte", 25, 50),   // 50 %
            Criterion("formule-standard", 46, 50),     // 92 %
            Criterion("transfert-annonce", 9, 20),     // 45 %, n < 30
            Criterion("courtoisie", 50, 50),           // 100 %
            Criterion("orthographe", 0, 0),            // not applicable anywhere: ignored
        ];

        var result = RecommendationWriter.Write(criteria);

        Assert.Equal(
            [
                "Point fort : l'interlocuteur est courtois dans 100 % des appels.",
                "Point fort : la formule d'accueil du standard est utilisée dans 92 % des appels.",
            ],
            result.Strengths);
        Assert.Equal(
            [
                "Bien préciser le nom du service vers lequel l'appel est transféré (conforme dans 45 % des appels transférés, indicatif, n = 20).",
                "Fiabiliser l'information donnée au téléphone en tenant à jour une fiche de réponses aux questions fréquentes, partagée entre le standard et les services (conforme dans 50 % des appels).",
            ],
            result.Recommendations);
    }

    [Fact]
    public void Thresholds_are_inclusive()
    {
        // 40/50 = 0.8 exactly is a strength; 30/50 = 0.6 exactly gets a recommendation.
        var result = RecommendationWriter.Write([Criterion("reponse-precise", 40, 50), Criterion("liens-complets", 30, 50)]);

        Assert.Equal(["Point fort : la réponse est précise dans 80 % des courriels."], result.Strengths);
        Assert.Equal(
            ["Donner les liens en entier dans les réponses, plutôt qu'un simple renvoi vers un site (conforme dans 60 % des courriels)."],
            result.Recommendations);
    }

    [Fact]
    public void Custom_thresholds_move_the_lines()
    {
        // 85 % is no longer a strength at 0.9; 65 % now gets a recommendation at 0.7.
        CriterionCompliance[] criteria = [Criterion("signature-complete", 34, 40), Criterion("formule-politesse", 26, 40)];

        var defaults = RecommendationWriter.Write(criteria);
        var strict = RecommendationWriter.Write(criteria, strengthAt: 0.9, recommendAt: 0.7);

        Assert.Single(defaults.Strengths);
        Assert.Empty(defaults.Recommendations);
        Assert.Empty(strict.Strengths);
        Assert.Equal(
            ["Terminer chaque réponse par une formule de politesse (conforme dans 65 % des courriels)."],
            strict.Recommendations);
    }

    [Fact]
    public void Small_samples_are_flagged_in_strengths_too()
    {
        // 18/20 = 90 %
        var result = RecommendationWriter.Write([Criterion("accuse-reception", 18, 20)]);

        Assert.Equal(
            ["Point fort : un accusé de réception automatique est envoyé dans 90 % des courriels (indicatif, n = 20)."],
            result.Strengths);
    }

    [Fact]
    public void Unknown_codes_fall_back_on_the_label()
    {
        var result = RecommendationWriter.Write(
        [
            Criterion("attente-annoncee", 12, 30, "Le temps d'attente est annoncé"),           // 40 %
            Criterion("musique-attente", 27, 30, "Une musique d'attente est diffusée"),       // 90 %
            Criterion("rappel-propose", 3, 10, "Un rappel est proposé"),                     // 30 %, n < 30
        ]);

        Assert.Equal(["Point fort : « Une musique d'attente est diffusée » (conforme dans 90 % des cas)."], result.Strengths);
        Assert.Equal(
            [
                "Améliorer : « Un rappel est proposé » (conforme dans 30 % des cas, indicatif, n = 10).",
                "Améliorer : « Le temps d'attente est annoncé » (conforme dans 40 % des cas).",
            ],
            result.Recommendations);
    }

    [Fact]
    public void Every_criterion_of_the_national_grids_has_its_own_wording()
    {
        var now = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        var codes = DefaultGrids.Call(now).Criteria.Concat(DefaultGrids.Email(now).Criteria).Select(c => c.Code).ToList();

        var weak = RecommendationWriter.Write(codes.Select(c => Criterion(c, 10, 40)).ToList());
        var strong = RecommendationWriter.Write(codes.Select(c => Criterion(c, 38, 40)).ToList());

        Assert.Equal(20, codes.Count);
        Assert.Equal(20, weak.Recommendations.Count);
        Assert.Equal(20, strong.Strengths.Count);
        Assert.All(weak.Recommendations, r => Assert.DoesNotContain("Améliorer :", r, StringComparison.Ordinal));
        // Each sentence opens on its action, in a capital, before the figure.
        Assert.All(weak.Recommendations, r => Assert.Matches(@"^\p{Lu}.{20,} \(conforme dans 25 % des (appels|appels transférés|courriels)\)\.$", r));
        Assert.All(codes, c => Assert.StartsWith(RecommendationWriter.BuiltInRecommendation(c)!, weak.Recommendations.Single(r => r.StartsWith(RecommendationWriter.BuiltInRecommendation(c)!, StringComparison.Ordinal)), StringComparison.Ordinal));
        Assert.All(strong.Strengths, s => Assert.DoesNotContain("« Libellé »", s, StringComparison.Ordinal));
        Assert.All(strong.Strengths, s => Assert.Matches(@"^Point fort : .+ dans 95 % des (appels|appels transférés|courriels)\.$", s));
        Assert.Equal(20, weak.Recommendations.Distinct().Count());
        Assert.Equal(20, strong.Strengths.Distinct().Count());
    }

    [Fact]
    public void Equal_rates_put_the_larger_sample_first_then_keep_the_grid_order()
    {
        // All at 50 %: n = 40 first, then the two n = 20 in the order given.
        var result = RecommendationWriter.Write(
        [
            Criterion("courtoisie", 10, 20),
            Criterion("prise-de-conge", 10, 20),
            Criterion("information-complete", 20, 40),
        ]);

        Assert.StartsWith("Donner une information complète", result.Recommendations[0], StringComparison.Ordinal);
        Assert.StartsWith("Rappeler aux équipes", result.Recommendations[1], StringComparison.Ordinal);
        Assert.StartsWith("Conclure chaque appel", result.Recommendations[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_almost_perfect_score_does_not_read_as_one_hundred_percent()
    {
        // 199/200 = 99.5 % would round to 100 %; one call failed, so it reads 99 %.
        var result = RecommendationWriter.Write([Criterion("transfert-abouti", 199, 200)]);

        Assert.Equal(["Point fort : le transfert aboutit dans 99 % des appels transférés."], result.Strengths);
    }

    [Fact]
    public void Percentages_are_rounded_to_whole_numbers()
    {
        // 2/3 = 66.7 % → 67 % is a strength at 0.65; 1/3 = 33.3 % → 33 % gets a recommendation.
        var result = RecommendationWriter.Write([Criterion("sonneries", 2, 3), Criterion("formule-standard", 1, 3)], strengthAt: 0.65, recommendAt: 0.5, minimumObservations: 1);

        Assert.Equal(["Point fort : l'appel est décroché dans le nombre de sonneries attendu dans 67 % des appels (indicatif, n = 3)."], result.Strengths);
        Assert.Equal(
            ["Utiliser systématiquement au standard la formule d'accueil « Préfecture de …, bonjour » (conforme dans 33 % des appels, indicatif, n = 3)."],
            result.Recommendations);
    }

    [Fact]
    public void Nothing_measured_gives_nothing_to_say()
    {
        var result = RecommendationWriter.Write([Criterion("courtoisie", 0, 0)]);

        Assert.Empty(result.Strengths);
        Assert.Empty(result.Recommendations);
    }

    [Theory]
    [InlineData(0.6, 0.6)]
    [InlineData(0.5, 0.7)]
    [InlineData(1.1, 0.6)]
    [InlineData(0.8, -0.1)]
    [InlineData(double.NaN, 0.6)]
    public void Inconsistent_thresholds_are_refused(double strengthAt, double recommendAt)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationWriter.Write([], strengthAt, recommendAt));
    }

    [Fact]
    public void Thresholds_may_be_the_ends_of_the_scale()
    {
        // strengthAt = 1: only a criterion always met is a strength; recommendAt = 0: only one never met is a weakness.
        var result = RecommendationWriter.Write(
            [Criterion("courtoisie", 40, 40), Criterion("prise-de-conge", 39, 40), Criterion("information-exacte", 0, 40), Criterion("information-complete", 1, 40)],
            strengthAt: 1, recommendAt: 0);

        Assert.Equal(["Point fort : l'interlocuteur est courtois dans 100 % des appels."], result.Strengths);
        Assert.Single(result.Recommendations);
        Assert.StartsWith("Fiabiliser l'information donnée", result.Recommendations[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_strength_threshold_of_zero_leaves_no_room_for_recommendations()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationWriter.Write([], strengthAt: 0, recommendAt: 0));

        Assert.Equal("recommendAt", error.ParamName);
        Assert.Equal("strengthAt", Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationWriter.Write([], strengthAt: -0.1, recommendAt: 0)).ParamName);
    }

    [Fact]
    public void No_criteria_list_is_a_programming_error()
    {
        Assert.Equal("criteria", Assert.Throws<ArgumentNullException>(() => RecommendationWriter.Write(null!)).ParamName);
    }

    [Fact]
    public void Threshold_errors_say_what_is_allowed()
    {
        Assert.StartsWith("Le seuil doit être compris entre 0 et 1.", Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationWriter.Write([], strengthAt: 1.5)).Message, StringComparison.Ordinal);
        Assert.StartsWith("Le seuil des recommandations doit être compris entre 0 et 1 et inférieur à celui des points forts.",
            Assert.Throws<ArgumentOutOfRangeException>(() => RecommendationWriter.Write([], strengthAt: 0.5, recommendAt: 0.5)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_s_own_recommendation_for_a_national_criterion_keeps_the_criterion_s_unit()
    {
        var result = RecommendationWriter.Write(
        [
            Criterion("transfert-abouti", 10, 40) with { Recommendation = "Installer une file d’attente au standard. " },
            Criterion("local", 10, 40, "Critère local") with { Recommendation = "Afficher les horaires" },
        ]);

        Assert.Equal(
            ["Installer une file d’attente au standard (conforme dans 25 % des appels transférés).", "Afficher les horaires (conforme dans 25 % des cas)."],
            result.Recommendations);
    }

    [Fact]
    public void To_confirm_lists_the_lowest_rate_first_then_the_larger_sample_and_includes_the_thresholds()
    {
        var result = RecommendationWriter.Write(
        [
            Criterion("a", 0, 3, "Trois essais"),         // 0 %, n = 3
            Criterion("b", 8, 10, "Huit sur dix"),        // 80 %: at the strength threshold
            Criterion("c", 0, 8, "Huit essais"),          // 0 %, n = 8: before the n = 3 at 0 %
            Criterion("d", 6, 10, "Six sur dix"),         // 60 %: at the recommendation threshold
            Criterion("e", 7, 10, "Sept sur dix"),        // 70 %: between, nothing to confirm
        ], minimumObservations: 20);

        Assert.Equal(
            [
                "À confirmer : « Huit essais » (conforme dans 0 % des cas, n = 8 : moins de 20 observations).",
                "À confirmer : « Trois essais » (conforme dans 0 % des cas, n = 3 : moins de 20 observations).",
                "À confirmer : « Six sur dix » (conforme dans 60 % des cas, n = 10 : moins de 20 observations).",
                "À confirmer : « Huit sur dix » (conforme dans 80 % des cas, n = 10 : moins de 20 observations).",
            ],
            result.ToConfirm);
        Assert.Empty(result.Strengths);
        Assert.Empty(result.Recommendations);
    }
}
