using VoixUsager.Mystery;
using VoixUsager.Results;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

/// <summary>
/// The mystery-grid rules behind every compliance figure: what counts as met for each kind of criterion,
/// how answers are pooled across grid versions, and the weighted score. Expected figures are counted by hand.
/// </summary>
[Trait("Category", "Logic")]
public class MysteryComplianceTests
{
    private static GridCriterion Criterion(int id, int grid, string code, CriterionKind kind, int order, int weight = 1, int? max = null, string? label = null, string group = "Accueil") => new()
    {
        Id = id,
        GridVersionId = grid,
        Code = code,
        Kind = kind,
        Order = order,
        Weight = weight,
        MaxCompliant = max,
        Label = label ?? code,
        Group = group,
    };

    private static MysteryCallRecord Call(int grid, params MysteryAnswer[] answers) =>
        new() { AuthorId = "r", NumberDialled = "01 23 45 67 89", GridVersionId = grid, Answers = [.. answers] };

    private static MysteryAnswer Yes(int criterion) => new() { CriterionId = criterion, Choice = CriterionChoice.Oui };

    private static MysteryAnswer No(int criterion) => new() { CriterionId = criterion, Choice = CriterionChoice.Non };

    private static MysteryAnswer NotApplicable(int criterion) => new() { CriterionId = criterion, Choice = CriterionChoice.SansObjet };

    [Theory]
    [InlineData(CriterionChoice.Oui, true)]
    [InlineData(CriterionChoice.Non, false)]
    [InlineData(CriterionChoice.SansObjet, null)]
    [InlineData(null, null)]
    public void Yes_no_criteria_are_met_by_yes_failed_by_no_and_not_scored_otherwise(CriterionChoice? choice, bool? expected)
    {
        var criterion = Criterion(1, 1, "courtoisie", CriterionKind.OuiNon, 1);

        Assert.Equal(expected, MysteryResultsService.IsCompliant(criterion, new MysteryAnswer { CriterionId = 1, Choice = choice }));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, true)]
    [InlineData(2, false)]
    [InlineData(1, false)]
    [InlineData(null, null)]
    public void Four_level_criteria_are_met_at_levels_3_and_4(int? scale, bool? expected)
    {
        var criterion = Criterion(1, 1, "accueil", CriterionKind.Echelle4, 1);

        Assert.Equal(expected, MysteryResultsService.IsCompliant(criterion, new MysteryAnswer { CriterionId = 1, Scale = scale }));
    }

    [Theory]
    [InlineData(0, 3, true)]
    [InlineData(3, 3, true)]   // At the threshold: met.
    [InlineData(4, 3, false)]
    [InlineData(null, 3, null)]
    [InlineData(2, null, null)] // No threshold set: nothing to compare with.
    public void Number_criteria_are_met_up_to_their_threshold(int? number, int? max, bool? expected)
    {
        var criterion = Criterion(1, 1, DefaultGrids.RingsCode, CriterionKind.Nombre, 1, max: max);

        Assert.Equal(expected, MysteryResultsService.IsCompliant(criterion, new MysteryAnswer { CriterionId = 1, Number = number }));
    }

    [Fact]
    public void A_criterion_of_an_unknown_kind_is_never_scored()
    {
        var criterion = Criterion(1, 1, "inconnu", (CriterionKind)99, 1);

        Assert.Null(MysteryResultsService.IsCompliant(criterion, new MysteryAnswer { CriterionId = 1, Choice = CriterionChoice.Oui, Scale = 4, Number = 0 }));
    }

    [Fact]
    public void Answers_are_pooled_by_code_across_grid_versions_under_the_latest_wording()
    {
        // Version 1 (ids 1, 2) then version 2 (ids 11, 12) of the same grid; version 3 (id 21) has no record.
        GridCriterion[] criteria =
        [
            Criterion(1, 1, "courtoisie", CriterionKind.OuiNon, 2, weight: 1, label: "Courtoisie (ancien libellé)", group: "Ancien groupe"),
            Criterion(2, 1, "sonneries", CriterionKind.Nombre, 1, max: 3),
            Criterion(11, 2, "courtoisie", CriterionKind.OuiNon, 2, weight: 2, label: "L'interlocuteur est courtois", group: "Accueil"),
            Criterion(12, 2, "sonneries", CriterionKind.Nombre, 1, max: 4),
            Criterion(21, 3, "formule-politesse", CriterionKind.OuiNon, 3),
        ];
        MysteryCallRecord[] records =
        [
            Call(1, Yes(1), new MysteryAnswer { CriterionId = 2, Number = 4 }),  // 4 rings: over version 1's threshold of 3
            Call(1, No(1), new MysteryAnswer { CriterionId = 2, Number = 2 }),
            Call(2, Yes(11), new MysteryAnswer { CriterionId = 12, Number = 4 }), // 4 rings: within version 2's threshold of 4
            Call(2, NotApplicable(11)),                                          // not scored, rings not given
        ];

        var results = MysteryResultsService.Compliance(records, criteria);

        // In the grid's order (sonneries first), without the criterion of the version nobody used.
        Assert.Equal(["sonneries", "courtoisie"], results.Select(r => r.Code));
        var rings = results[0];
        Assert.Equal((2, 3), (rings.Compliance.Successes, rings.Compliance.Total));
        var courtesy = results[1];
        Assert.Equal(("L'interlocuteur est courtois", "Accueil", 2), (courtesy.Label, courtesy.Group, courtesy.Weight));
        Assert.Equal((2, 3), (courtesy.Compliance.Successes, courtesy.Compliance.Total));
    }

    [Fact]
    public void A_criterion_never_answered_is_listed_with_no_answer()
    {
        GridCriterion[] criteria = [Criterion(1, 1, "courtoisie", CriterionKind.OuiNon, 1), Criterion(2, 1, "prise-de-conge", CriterionKind.OuiNon, 2)];

        var results = MysteryResultsService.Compliance([Call(1, Yes(1))], criteria);

        Assert.Equal([("courtoisie", 1, 1), ("prise-de-conge", 0, 0)], results.Select(r => (r.Code, r.Compliance.Successes, r.Compliance.Total)));
        Assert.Empty(MysteryResultsService.Compliance(Array.Empty<MysteryCallRecord>(), criteria));
    }

    private static CriterionResult Scored(string code, int weight, int met, int total) => new(code, "Accueil", code, weight, new Proportion(met, total));

    [Fact]
    public void The_weighted_score_is_the_weighted_mean_of_the_criteria_scored()
    {
        // (3 × 1/2 + 1 × 4/4) / (3 + 1) = 2.5 / 4; the weight-5 criterion was never scored and does not count.
        var score = MysteryResultsService.WeightedScore([Scored("a", 3, 1, 2), Scored("b", 1, 4, 4), Scored("c", 5, 0, 0)]);

        Assert.Equal(0.625, score!.Value, 12);
        Assert.Equal(0.0, MysteryResultsService.WeightedScore([Scored("a", 2, 0, 5)]));
    }

    [Fact]
    public void No_weighted_score_without_a_scored_criterion()
    {
        Assert.Null(MysteryResultsService.WeightedScore([]));
        Assert.Null(MysteryResultsService.WeightedScore([Scored("a", 3, 0, 0)]));
        // Weight 0 everywhere: no weight to average over, rather than 0/0.
        Assert.Null(MysteryResultsService.WeightedScore([Scored("a", 0, 2, 4)]));
    }
}
