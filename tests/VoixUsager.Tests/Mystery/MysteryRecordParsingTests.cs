using VoixUsager.Mystery;

namespace VoixUsager.Tests.Mystery;

// The record service's rules for what a référent types: criterion answers, required criteria, moments.
[Trait("Category", "Logic")]
public class MysteryRecordParsingTests
{
    private static GridCriterion Criterion(int id, CriterionKind kind, string code, string label) =>
        new() { Id = id, Kind = kind, Code = code, Label = label, Group = "Accueil", Order = id, MaxCompliant = kind == CriterionKind.Nombre ? 5 : null };

    private static readonly GridVersion Grid = new()
    {
        Id = 1,
        Key = DefaultGrids.CallKey,
        Title = "Grille",
        Criteria =
        [
            Criterion(11, CriterionKind.OuiNon, "formule-standard", "Formule d'accueil"),
            Criterion(12, CriterionKind.Echelle4, "courtoisie", "Courtoisie"),
            Criterion(13, CriterionKind.Nombre, DefaultGrids.RingsCode, "Sonneries"),
            Criterion(14, CriterionKind.Nombre, "minutes", "Minutes d'attente"),
        ],
    };

    private static (Dictionary<int, MysteryAnswer> Answers, Dictionary<string, string> Errors) Parse(params (string Field, string? Value)[] fields)
    {
        var errors = new Dictionary<string, string>();
        var answers = MysteryRecordService.ParseCriteria(Grid, new MysteryRecordInput { Criteria = fields.ToDictionary(f => f.Field, f => f.Value) }, errors);
        return (answers, errors);
    }

    [Theory]
    [InlineData("oui", CriterionChoice.Oui)]
    [InlineData("non", CriterionChoice.Non)]
    [InlineData("so", CriterionChoice.SansObjet)]
    [InlineData("  oui ", CriterionChoice.Oui)]
    public void Yes_no_criteria_take_oui_non_or_sans_objet(string value, CriterionChoice expected)
    {
        var (answers, errors) = Parse(("c11", value));

        Assert.Empty(errors);
        var answer = Assert.Single(answers);
        Assert.Equal(11, answer.Key);
        Assert.Equal((11, (CriterionChoice?)expected, (int?)null, (int?)null), (answer.Value.CriterionId, answer.Value.Choice, answer.Value.Scale, answer.Value.Number));
    }

    [Theory]
    [InlineData("c11", "OUI", "Choisissez Oui, Non ou Sans objet.")]
    [InlineData("c11", "peut-être", "Choisissez Oui, Non ou Sans objet.")]
    [InlineData("c12", "0", "Choisissez un niveau entre 1 et 4.")]
    [InlineData("c12", "5", "Choisissez un niveau entre 1 et 4.")]
    [InlineData("c12", "+3", "Choisissez un niveau entre 1 et 4.")]
    [InlineData("c12", "3.0", "Choisissez un niveau entre 1 et 4.")]
    [InlineData("c13", "-1", "Le nombre de sonneries est un nombre entier positif ou nul.")]
    [InlineData("c13", "1001", "Le nombre de sonneries est un nombre entier positif ou nul.")]
    [InlineData("c13", "deux", "Le nombre de sonneries est un nombre entier positif ou nul.")]
    [InlineData("c14", "-1", "Saisissez un nombre entier positif ou nul.")]
    [InlineData("c14", "1001", "Saisissez un nombre entier positif ou nul.")]
    public void A_value_outside_its_kind_is_refused_beside_its_criterion(string field, string value, string message)
    {
        // Another criterion answered correctly is still read.
        var other = field == "c11" ? ("c12", "2") : ("c11", "oui");
        var (answers, errors) = Parse((field, value), other);

        Assert.Equal(message, Assert.Single(errors, e => e.Key == field).Value);
        Assert.Single(errors);
        Assert.Equal([field == "c11" ? 12 : 11], answers.Keys);
    }

    [Theory]
    [InlineData("c12", "1", 1)]
    [InlineData("c12", "4", 4)]
    [InlineData("c12", " 3 ", 3)]
    public void Scale_criteria_take_levels_one_to_four(string field, string value, int level)
    {
        var (answers, errors) = Parse((field, value));

        Assert.Empty(errors);
        Assert.Equal(((int?)level, (int?)null, (CriterionChoice?)null), (answers[12].Scale, answers[12].Number, answers[12].Choice));
    }

    [Theory]
    [InlineData("c13", "0", 0)]
    [InlineData("c13", "1000", 1000)]
    [InlineData("c14", "+7", 7)]
    public void Number_criteria_take_whole_numbers_from_zero_to_a_thousand(string field, string value, int number)
    {
        var (answers, errors) = Parse((field, value));

        Assert.Empty(errors);
        var answer = Assert.Single(answers).Value;
        Assert.Equal(((int?)number, (int?)null), (answer.Number, answer.Scale));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_criterion_left_empty_is_no_answer_and_no_error(string? value)
    {
        var (answers, errors) = Parse(("c11", value), ("c12", "2"));

        Assert.Empty(errors);
        Assert.Equal([12], answers.Keys);
    }

    [Theory]
    [InlineData("x11")]
    [InlineData("c")]
    [InlineData("c99")]
    [InlineData("c11a")]
    [InlineData("c+11")]
    [InlineData("C11")]
    public void A_field_that_names_no_criterion_of_the_grid_is_refused_and_the_others_are_still_read(string field)
    {
        var (answers, errors) = Parse((field, "oui"), ("c12", "4"));

        var error = Assert.Single(errors);
        Assert.Equal("", error.Key);
        Assert.Contains("n’appartient pas à la grille", error.Value, StringComparison.Ordinal);
        Assert.Equal([12], answers.Keys);
    }

    [Fact]
    public void Submitting_requires_every_criterion_and_names_each_missing_one()
    {
        var errors = new Dictionary<string, string> { ["c12"] = "déjà signalé" };
        var answers = new Dictionary<int, MysteryAnswer> { [11] = new() { CriterionId = 11, Choice = CriterionChoice.Oui } };

        MysteryRecordService.RequireAll(Grid, answers, errors);

        Assert.Equal(["c12", "c13", "c14"], errors.Keys.Order());
        Assert.Equal("déjà signalé", errors["c12"]);
        Assert.Equal("Répondez au critère « Sonneries » avant de soumettre (ou enregistrez un brouillon).", errors["c13"]);
    }

    [Fact]
    public void An_unanswered_email_requires_only_the_yes_no_criteria()
    {
        var errors = new Dictionary<string, string>();

        MysteryRecordService.RequireAll(Grid, [], errors, onlyYesNo: true);

        Assert.Equal(["c11"], errors.Keys);
        Assert.Equal("Répondez au critère « Formule d'accueil » avant de soumettre (ou enregistrez un brouillon).", errors["c11"]);
    }

    [Fact]
    public void A_complete_grid_requires_nothing()
    {
        var errors = new Dictionary<string, string>();
        var (answers, _) = Parse(("c11", "non"), ("c12", "2"), ("c13", "6"), ("c14", "0"));

        MysteryRecordService.RequireAll(Grid, answers, errors);

        Assert.Empty(errors);
    }

    private static readonly DateTime Now = new(2026, 3, 10, 13, 0, 0, DateTimeKind.Utc);

    private static (DateTime? Utc, Dictionary<string, string> Errors) Moment(string? raw, bool required = true)
    {
        var errors = new Dictionary<string, string>();
        var utc = MysteryRecordService.ParseMoment(raw, "At", "l’heure de l’appel", required, Now, errors);
        return (utc, errors);
    }

    [Theory]
    [InlineData("2026-03-10T09:15", "2026-03-10T08:15:00")] // Paris is UTC+1 in winter.
    [InlineData(" 2026-03-10T09:15 ", "2026-03-10T08:15:00")]
    [InlineData("2025-07-10T14:30:15", "2025-07-10T12:30:15")] // UTC+2 in summer, seconds kept.
    [InlineData("2026-03-10T14:05", "2026-03-10T13:05:00")] // Five minutes ahead of the server: a fast clock, not the future.
    public void Moments_are_read_in_paris_time(string raw, string expectedUtc)
    {
        var (utc, errors) = Moment(raw);

        Assert.Empty(errors);
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Theory]
    [InlineData("2026-03-10T14:06")]
    [InlineData("2026-03-11T09:00")]
    public void A_moment_in_the_future_is_refused(string raw)
    {
        var (utc, errors) = Moment(raw);

        Assert.Null(utc);
        Assert.Equal("L’heure de l’appel ne peut pas être dans le futur.", errors["At"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_moment_is_an_error_only_when_required(string? raw)
    {
        var (required, errors) = Moment(raw);
        var (optional, none) = Moment(raw, required: false);

        Assert.Null(required);
        Assert.Equal("Indiquez l’heure de l’appel (jour et heure).", errors["At"]);
        Assert.Null(optional);
        Assert.Empty(none);
    }
}
