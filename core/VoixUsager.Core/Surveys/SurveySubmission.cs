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
    public const string MissingChoice = "Veuillez choisir une réponse.";
    public const string UnknownChoice = "La réponse envoyée ne fait pas partie des choix proposés : veuillez choisir une réponse dans la liste.";
    public const string MissingText = "Veuillez répondre à cette question.";
    public const string MissingTicks = "Veuillez cocher au moins une réponse.";
    public const string DuplicateTick = "Une même réponse a été envoyée plusieurs fois : veuillez cocher chaque réponse une seule fois.";
    public const string MissingScore = "Veuillez choisir une note de 0 à 10.";
    public const string UnknownScore = "La note envoyée ne fait pas partie des notes proposées : veuillez choisir une note de 0 à 10.";

    public static string TextTooLong(int max, int actual) =>
        string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Votre texte compte {actual:N0} caractères : il ne doit pas dépasser {max:N0} caractères. Veuillez le raccourcir.");

    /// <param name="field">Reads a posted field by name; fields of other questions are never read.</param>
    public static SurveyValidationResult Validate(QuestionnaireDefinition questionnaire, Func<string, StringValues> field)
    {
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
                        errors[question.Id] = MissingText;
                    }

                    continue;
                }

                var max = question.MaxLength ?? SurveyLimits.FreeTextMaxLength;
                if (text.Length > max)
                {
                    errors[question.Id] = TextTooLong(max, text.Length);
                    continue;
                }

                answers.Add(new ValidatedAnswer(question.Id, null, text));
                continue;
            }

            if (question.Kind == QuestionKind.MultipleChoice)
            {
                ValidateTicks(question, posted, errors, answers);
                continue;
            }

            if (posted.Count == 0 || (posted.Count == 1 && string.IsNullOrWhiteSpace(posted[0])))
            {
                if (question.IsRequired)
                {
                    errors[question.Id] = question.Kind == QuestionKind.ZeroToTen ? MissingScore : MissingChoice;
                }

                continue;
            }

            // A single-choice question takes exactly one value, and only one of its own options:
            // an id from another question or another version is as wrong as an invented one.
            var optionId = posted.Count == 1 ? OptionId(posted[0]) : null;
            if (optionId is null || !question.Options.Any(o => o.Id == optionId))
            {
                errors[question.Id] = question.Kind == QuestionKind.ZeroToTen ? UnknownScore : UnknownChoice;
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
    private static void ValidateTicks(QuestionDefinition question, StringValues posted, Dictionary<int, string> errors, List<ValidatedAnswer> answers)
    {
        var values = posted.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (values.Count == 0)
        {
            if (question.IsRequired)
            {
                errors[question.Id] = MissingTicks;
            }

            return;
        }

        var ticked = new List<int>(values.Count);
        foreach (var value in values)
        {
            var optionId = OptionId(value);
            if (optionId is null || !question.Options.Any(o => o.Id == optionId))
            {
                errors[question.Id] = UnknownChoice;
                return;
            }

            if (ticked.Contains(optionId.Value))
            {
                errors[question.Id] = DuplicateTick;
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
