using Microsoft.Extensions.Primitives;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Tests.Surveys;

// What an usager's free text becomes before it is counted and stored.
[Trait("Category", "Logic")]
public class SurveySubmissionTextTests
{
    [Theory]
    [InlineData("a\r\nb", "a\nb")] // A browser's CRLF is one line break.
    [InlineData("a\rb", "a\nb")] // A lone CR (old Mac files pasted in) is one too.
    [InlineData("a\r\r\nb", "a\n\nb")]
    [InlineData("a\n\rb", "a\n\nb")] // LF then CR: two breaks, not one CRLF.
    [InlineData("a\r\n\r\nb", "a\n\nb")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a\tb", "a\tb")]
    [InlineData("a\r", "a")] // A trailing CR is trimmed with the rest.
    [InlineData("\r\na", "a")]
    [InlineData("\r", "")]
    [InlineData("a\u0000b\u0007c\u001bd\u0085e", "abcde")] // Other control characters are dropped.
    [InlineData("  Très bien, merci 😀 ! ", "Très bien, merci 😀 !")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Line_breaks_are_folded_tabs_kept_and_control_characters_dropped(string? text, string expected)
    {
        Assert.Equal(expected, SurveySubmissionValidator.NormaliseText(text));
    }

    private static readonly QuestionnaireDefinition Questionnaire = new(1, "Test",
    [
        new QuestionDefinition(12, "texte", 1, "Suggestion", null, QuestionKind.FreeText, false, 5, []),
        new QuestionDefinition(13, "long", 2, "Commentaire", null, QuestionKind.FreeText, false, null, []),
    ]);

    private static SurveyValidationResult Validate(Dictionary<string, StringValues> fields) =>
        SurveySubmissionValidator.Validate(Questionnaire, name => fields.TryGetValue(name, out var value) ? value : StringValues.Empty);

    [Fact]
    public void A_text_posted_twice_is_kept_as_two_lines()
    {
        var result = Validate(new() { ["q12"] = new StringValues(["ab", "c"]) });

        Assert.True(result.IsValid);
        Assert.Equal([new ValidatedAnswer(12, null, "ab\nc")], result.Answers);
    }

    [Fact]
    public void The_limit_is_counted_after_folding_and_is_inclusive()
    {
        Assert.True(Validate(new() { ["q12"] = "ab\r\ncd" }).IsValid); // Five characters once folded.
        Assert.Equal(SurveySubmissionValidator.TextTooLong(5, 6), Validate(new() { ["q12"] = "ab\r\ncde" }).Errors[12]);
    }

    [Fact]
    public void Without_its_own_limit_a_question_takes_the_survey_s_limit()
    {
        var atLimit = new string('x', SurveyLimits.FreeTextMaxLength);

        Assert.Equal(atLimit, Assert.Single(Validate(new() { ["q13"] = atLimit }).Answers).Text);
        Assert.Equal(SurveySubmissionValidator.TextTooLong(SurveyLimits.FreeTextMaxLength, SurveyLimits.FreeTextMaxLength + 1),
            Validate(new() { ["q13"] = atLimit + "x" }).Errors[13]);
    }

    [Fact]
    public void The_too_long_message_groups_digits_the_french_way()
    {
        Assert.Equal("Votre texte compte 1\u202F001 caractères : il ne doit pas dépasser 1\u202F000 caractères. Veuillez le raccourcir.",
            SurveySubmissionValidator.TextTooLong(1000, 1001).Replace('\u00A0', '\u202F'));
    }

    [Fact]
    public void A_single_choice_posted_twice_is_refused()
    {
        var questionnaire = new QuestionnaireDefinition(1, "Test",
        [
            new QuestionDefinition(10, "choix", 1, "Choix ?", null, QuestionKind.SingleChoice, false, null,
                [new OptionDefinition(100, "a", "A", null), new OptionDefinition(101, "b", "B", null)]),
        ]);

        var result = SurveySubmissionValidator.Validate(questionnaire, _ => new StringValues(["100", "101"]));

        Assert.Equal(SurveySubmissionValidator.UnknownChoice, result.Errors[10]);
        Assert.Empty(result.Answers);
    }
}
