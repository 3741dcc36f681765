using Microsoft.Extensions.Primitives;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Tests.Surveys;

[Trait("Category", "Logic")]
public class SurveySubmissionValidatorTests
{
    private static readonly QuestionnaireDefinition Questionnaire = new(1, "Test",
    [
        new QuestionDefinition(10, "choix", 1, "Choix ?", null, QuestionKind.SingleChoice, true, null,
            [new OptionDefinition(100, "a", "A", null), new OptionDefinition(101, "b", "B", null)]),
        new QuestionDefinition(11, "echelle", 2, "Satisfait ?", null, QuestionKind.SatisfactionScale, false, null,
            [new OptionDefinition(110, "tout-a-fait", "Tout à fait", 4), new OptionDefinition(111, "sans-avis", "Sans avis", null)]),
        new QuestionDefinition(12, "texte", 3, "Suggestion", null, QuestionKind.FreeText, false, 10, []),
    ]);

    private static SurveyValidationResult Validate(Dictionary<string, StringValues> fields) =>
        SurveySubmissionValidator.Validate(Questionnaire, name => fields.TryGetValue(name, out var value) ? value : StringValues.Empty);

    [Fact]
    public void Optional_questions_may_be_skipped()
    {
        var result = Validate(new() { ["q10"] = "101" });

        Assert.True(result.IsValid);
        Assert.Equal([new ValidatedAnswer(10, 101, null)], result.Answers);
    }

    [Fact]
    public void Required_question_missing_or_blank_is_an_error()
    {
        Assert.Equal(SurveySubmissionValidator.MissingChoice, Validate([]).Errors[10]);
        Assert.Equal(SurveySubmissionValidator.MissingChoice, Validate(new() { ["q10"] = " " }).Errors[10]);
    }

    [Theory]
    [InlineData("110")]
    [InlineData("102")]
    [InlineData("+100")]
    [InlineData("100.0")]
    public void Option_not_belonging_to_the_question_is_an_error(string value)
    {
        Assert.Equal(SurveySubmissionValidator.UnknownChoice, Validate(new() { ["q10"] = value }).Errors[10]);
    }

    [Fact]
    public void Text_is_trimmed_and_limited_after_folding_line_breaks()
    {
        Assert.Equal("abc\ndef", Validate(new() { ["q10"] = "100", ["q12"] = "  abc\r\ndef \u0007" }).Answers[1].Text);
        Assert.True(Validate(new() { ["q10"] = "100", ["q12"] = "12345\r\n789" }).IsValid);
        var tooLong = Validate(new() { ["q10"] = "100", ["q12"] = "12345678901" });
        Assert.Equal(SurveySubmissionValidator.TextTooLong(10, 11), tooLong.Errors[12]);
        Assert.DoesNotContain(tooLong.Answers, a => a.QuestionId == 12);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var result = Validate(new() { ["q11"] = "999", ["q12"] = new string('x', 11) });

        Assert.Equal([10, 11, 12], result.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void Required_free_text_left_empty_is_an_error_and_no_answer(string? text)
    {
        var questionnaire = new QuestionnaireDefinition(1, "Test",
            [new QuestionDefinition(20, "motif", 1, "Motif de votre venue ?", null, QuestionKind.FreeText, true, 100, [])]);
        var fields = text is null ? [] : new Dictionary<string, StringValues> { ["q20"] = text };

        var result = SurveySubmissionValidator.Validate(questionnaire, name => fields.TryGetValue(name, out var value) ? value : StringValues.Empty);

        Assert.False(result.IsValid);
        Assert.Equal(SurveySubmissionValidator.MissingText, result.Errors[20]);
        Assert.Equal("Veuillez répondre à cette question.", SurveySubmissionValidator.MissingText);
        Assert.Empty(result.Answers);
    }
}
