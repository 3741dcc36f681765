using Microsoft.Extensions.Primitives;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;

namespace VoixUsager.Tests.Surveys;

/// <summary>Multiple choice and 0–10 answers as the validator reads them, the 0–10 summary, and which questionnaire a site and channel answer.</summary>
[Trait("Category", "Logic")]
public class QuestionKindsLogicTests
{
    private static readonly QuestionnaireDefinition Questionnaire = new(1, "Test",
    [
        new QuestionDefinition(20, "services", 1, "Quels services ?", null, QuestionKind.MultipleChoice, true, null,
            [new OptionDefinition(200, "titres", "Titres", null), new OptionDefinition(201, "etrangers", "Étrangers", null), new OptionDefinition(202, "permis", "Permis", null)]),
        new QuestionDefinition(21, "note", 2, "Recommanderiez-vous ?", null, QuestionKind.ZeroToTen, true, null,
            Enumerable.Range(0, 11).Select(n => new OptionDefinition(210 + n, n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture), n)).ToList()),
        new QuestionDefinition(22, "facultatif", 3, "Autres ?", null, QuestionKind.MultipleChoice, false, null,
            [new OptionDefinition(220, "a", "A", null)]),
    ]);

    private static SurveyValidationResult Validate(Dictionary<string, StringValues> fields) =>
        SurveySubmissionValidator.Validate(Questionnaire, name => fields.TryGetValue(name, out var value) ? value : StringValues.Empty);

    [Fact]
    public void Each_ticked_box_is_one_answer_and_a_note_is_its_option()
    {
        var result = Validate(new() { ["q20"] = new StringValues(["200", "202"]), ["q21"] = "219" });

        Assert.True(result.IsValid);
        Assert.Equal([new ValidatedAnswer(20, 200, null), new ValidatedAnswer(20, 202, null), new ValidatedAnswer(21, 219, null)], result.Answers);
    }

    [Fact]
    public void A_required_multiple_choice_needs_one_box_and_an_optional_one_may_be_left()
    {
        var result = Validate(new() { ["q21"] = "210" });

        Assert.Equal(SurveySubmissionValidator.MissingTicks, result.Errors[20]);
        Assert.False(result.Errors.ContainsKey(22));
        Assert.Equal(SurveySubmissionValidator.MissingScore, Validate(new() { ["q20"] = "200" }).Errors[21]);
    }

    [Fact]
    public void The_messages_are_in_the_language_of_the_form()
    {
        var result = SurveySubmissionValidator.Validate(Questionnaire, _ => StringValues.Empty, SurveyTexts.English);

        Assert.Equal("Please tick at least one answer.", result.Errors[20]);
        Assert.Equal(SurveyTexts.English.MissingScore, result.Errors[21]);
        Assert.NotEqual(SurveyTexts.French.MissingScore, SurveyTexts.English.MissingScore);
    }

    [Theory]
    [InlineData("200", "999")]
    [InlineData("200", "210")]
    [InlineData("200", "-1")]
    [InlineData("x", "201")]
    public void A_box_that_is_not_the_question_s_is_refused_whole(string first, string second)
    {
        var result = Validate(new() { ["q20"] = new StringValues([first, second]), ["q21"] = "215" });

        Assert.Equal(SurveySubmissionValidator.UnknownChoice, result.Errors[20]);
        Assert.DoesNotContain(result.Answers, a => a.QuestionId == 20);
    }

    [Fact]
    public void A_box_posted_twice_is_refused()
    {
        var result = Validate(new() { ["q20"] = new StringValues(["201", "201"]), ["q21"] = "215" });

        Assert.Equal(SurveySubmissionValidator.DuplicateTick, result.Errors[20]);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("200")]
    [InlineData("210,211")]
    public void A_note_outside_0_to_10_is_refused(string note)
    {
        var result = Validate(new() { ["q20"] = "200", ["q21"] = new StringValues(note.Split(',')) });

        Assert.Equal(SurveySubmissionValidator.UnknownScore, result.Errors[21]);
    }

    [Fact]
    public void The_0_to_10_summary_gives_the_mean_and_the_shares_of_9_10_7_8_and_0_6()
    {
        // 0, 6, 7, 8, 9, 10, 10: mean 50 / 7, three 9–10, two 7–8, two 0–6.
        var summary = ZeroToTenSummary.From(new Dictionary<int, int> { [0] = 1, [6] = 1, [7] = 1, [8] = 1, [9] = 1, [10] = 2 });

        Assert.Equal(7, summary.Answered);
        Assert.Equal(50.0 / 7, summary.Mean, 10);
        Assert.Equal((3, 7), (summary.NineToTen.Successes, summary.NineToTen.Total));
        Assert.Equal((2, 7), (summary.SevenToEight.Successes, summary.SevenToEight.Total));
        Assert.Equal((2, 7), (summary.ZeroToSix.Successes, summary.ZeroToSix.Total));
        Assert.Equal(100.0 / 7, summary.Balance, 10);
        Assert.True(double.IsNaN(ZeroToTenSummary.From(new Dictionary<int, int>()).Mean));
    }

    [Fact]
    public void A_multiple_choice_share_is_of_its_respondents_a_single_choice_of_its_answers()
    {
        var multiple = new QuestionResult("m", 1, "M", QuestionKind.MultipleChoice, [new OptionCount("a", "A", 3), new OptionCount("b", "B", 2)], null, null, Respondents: 4);
        var single = new QuestionResult("s", 2, "S", QuestionKind.SingleChoice, [new OptionCount("a", "A", 3), new OptionCount("b", "B", 1)], null, null, Respondents: 4);

        Assert.Equal(0.75, multiple.Share(multiple.Options[0]).Rate);
        Assert.Equal(0.5, multiple.Share(multiple.Options[1]).Rate);
        Assert.Equal(0.75, single.Share(single.Options[0]).Rate);
    }

    [Fact]
    public void The_site_and_channel_s_questionnaire_wins_over_the_site_s_which_wins_over_the_campaign_s()
    {
        SiteQuestionnaire[] assignments = [new(1, null, 20), new(1, SurveyChannel.PointAccueilNumerique, 30), new(2, SurveyChannel.QrCode, 40)];

        Assert.Equal(30, QuestionnaireChoice.VersionFor(10, assignments, 1, SurveyChannel.PointAccueilNumerique));
        Assert.Equal(20, QuestionnaireChoice.VersionFor(10, assignments, 1, SurveyChannel.QrCode));
        Assert.Equal(40, QuestionnaireChoice.VersionFor(10, assignments, 2, SurveyChannel.QrCode));
        Assert.Equal(10, QuestionnaireChoice.VersionFor(10, assignments, 2, SurveyChannel.SiteInternet));
        Assert.Equal(10, QuestionnaireChoice.VersionFor(10, assignments, 3, SurveyChannel.QrCode));
    }
}
