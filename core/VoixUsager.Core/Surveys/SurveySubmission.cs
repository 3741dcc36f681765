using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

public sealed record ValidatedAnswer(int QuestionId, int? OptionId, string? Text);

public sealed record SurveyValidationResult(IReadOnlyDictionary<int, string> Errors, IReadOnlyList<ValidatedAnswer> Answers)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Checks a posted survey against the exact questionnaire version the campaign uses.</summary>
public static class SurveySubmissionValidator
{
    public static readonly string MissingChoice = SurveyTexts.French.MissingChoice;
    public static readonly string UnknownChoice = SurveyTexts.French.UnknownChoice;
    public static readonly string MissingText = SurveyTexts.French.MissingText;
    public static readonly string MissingTicks = SurveyTexts.French.MissingTicks;
    public static readonly string DuplicateTick = SurveyTexts.French.DuplicateTick;
    public static readonly string MissingScore = SurveyTexts.French.MissingScore;
    public static readonly string UnknownScore = SurveyTexts.French.UnknownScore;

    public static string TextTooLong(int max, int actual) => SurveyTexts.French.TextTooLong(max, actual);

    /// <param name="field">Reads a posted field by name; fields of other questions are never read.</param>
    /// <param name="texts">The language of the messages; French when not given.</param>
    public static SurveyValidationResult Validate(QuestionnaireDefinition questionnaire, Func<string, StringValues> field, SurveyTexts? texts = null)
    {
        texts ??= SurveyTexts.French;
        var errors = new Dictionary<int, string>();
        var answers = new List<ValidatedAnswer>(questionnaire.Questions.Count);

        foreach (var question in questionnaire.Questions)
        {
            var posted = field(question.FieldName);
            if (question.Kind == QuestionKind.FreeText)
            {
                var text = NormaliseText(posted.Count == 1 ? posted[0] : string.Join('\n', posted.ToArray()));
                if (text.Length == 0)
                {
                    if (question.IsRequired)
                    {
                        errors[question.Id] = texts.MissingText;
                    }

                    continue;
                }

                var max = question.MaxLength ?? SurveyLimits.FreeTextMaxLength;
                if (text.Length > max)
                {
                    errors[question.Id] = texts.TextTooLong(max, text.Length);
                    continue;
                }

                answers.Add(new ValidatedAnswer(question.Id, null, text));
                continue;
            }

            if (question.Kind == QuestionKind.MultipleChoice)
            {
                ValidateTicks(question, posted, errors, answers, texts);
                continue;
            }

            if (posted.Count == 0 || (posted.Count == 1 && string.IsNullOrWhiteSpace(posted[0])))
            {
                if (question.IsRequired)
                {
                    errors[question.Id] = question.Kind == QuestionKind.ZeroToTen ? texts.MissingScore : texts.MissingChoice;
                }

                continue;
            }

            // A single-choice question takes exactly one value, and only one of its own options:
            // an id from another question or another version is as wrong as an invented one.
            var optionId = posted.Count == 1 ? OptionId(posted[0]) : null;
            if (optionId is null || !question.Options.Any(o => o.Id == optionId))
            {
                errors[question.Id] = question.Kind == QuestionKind.ZeroToTen ? texts.UnknownScore : texts.UnknownChoice;
                continue;
            }

            answers.Add(new ValidatedAnswer(question.Id, optionId, null));
        }

        return new SurveyValidationResult(errors, answers);
    }

    /// <summary>
    /// A multiple-choice question gives one answer per ticked box. Browsers never post a box twice nor an
    /// empty value, so either is a hand-made or corrupted post: refused whole rather than trimmed, so that
    /// what is stored is exactly what the usager ticked.
    /// </summary>
    private static void ValidateTicks(QuestionDefinition question, StringValues posted, Dictionary<int, string> errors, List<ValidatedAnswer> answers, SurveyTexts texts)
    {
        var values = posted.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (values.Count == 0)
        {
            if (question.IsRequired)
            {
                errors[question.Id] = texts.MissingTicks;
            }

            return;
        }

        var ticked = new List<int>(values.Count);
        foreach (var value in values)
        {
            var optionId = OptionId(value);
            if (optionId is null || !question.Options.Any(o => o.Id == optionId))
            {
                errors[question.Id] = texts.UnknownChoice;
                return;
            }

            if (ticked.Contains(optionId.Value))
            {
                errors[question.Id] = texts.DuplicateTick;
                return;
            }

            ticked.Add(optionId.Value);
        }

        answers.AddRange(ticked.Select(id => new ValidatedAnswer(question.Id, id, null)));
    }

    // Digits only: a sign, spaces or a thousands separator are not how the form posts an option.
    private static int? OptionId(string? posted) =>
        int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// Browsers send a textarea's line breaks as CRLF while its maxlength counts them as one character;
    /// counting after folding them keeps the server's limit equal to what the usager saw.
    /// Control characters other than line breaks and tabs are dropped.
    /// </summary>
    public static string NormaliseText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n' || c == '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
