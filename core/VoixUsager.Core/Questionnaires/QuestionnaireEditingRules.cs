using System.Globalization;
using System.Text;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Surveys;

namespace VoixUsager.Questionnaires;

/// <summary>A question as the editor's form sends it: the wording, the settings of its kind and its options in order.</summary>
public sealed class QuestionInput
{
    public string? Text { get; init; }

    public string? HelpText { get; init; }

    public bool IsRequired { get; init; }

    /// <summary>As typed: parsed and checked by the rules.</summary>
    public string? MaxLength { get; init; }

    public bool IncludeSansAvis { get; init; }

    public bool MeaningUnchanged { get; init; }

    /// <summary>Choice questions: each option's label, existing ones first in their order, then blank slots for new ones.</summary>
    public IReadOnlyList<string?> OptionLabels { get; init; } = [];

    /// <summary>Parallel to <see cref="OptionLabels"/>: the code of an existing option, empty for a new one.</summary>
    public IReadOnlyList<string?> OptionCodes { get; init; } = [];
}

/// <summary>
/// Every rule of the questionnaire editor, without the database: what a question may say, which options
/// a kind has, how codes are kept or renewed, what is missing in a language, and how a draft becomes a
/// version. <see cref="QuestionnaireEditing"/> loads and stores; this decides.
/// </summary>
public static class QuestionnaireEditingRules
{
    /// <summary>Local questions a préfecture may add to the national core: beyond it, préfectures are no longer compared on one form.</summary>
    public const int MaxLocalQuestions = 5;

    /// <summary>A questionnaire of its own: long enough for a study, short enough to be answered at a counter.</summary>
    public const int MaxQuestions = 30;

    public const int MaxOptions = 20;

    /// <summary>Blank option inputs the question form offers for new options.</summary>
    public const int NewOptionSlots = 3;

    public const int MinFreeTextLength = 20;

    public const int CodeLength = 40;

    public const string TextField = "Text";
    public const string HelpTextField = "HelpText";
    public const string MaxLengthField = "MaxLength";
    public const string OptionsField = "option-0";
    public const string TitleField = "Title";
    public const string QuestionsField = "questions";

    public static string OptionField(int index) => $"option-{index.ToString(CultureInfo.InvariantCulture)}";

    public static string KindLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.SatisfactionScale => "Échelle de satisfaction en 4 points",
        QuestionKind.SingleChoice => "Choix unique",
        QuestionKind.MultipleChoice => "Choix multiple",
        QuestionKind.FreeText => "Texte libre",
        QuestionKind.ZeroToTen => "Note de 0 à 10",
        _ => kind.ToString(),
    };

    public static bool HasTypedOptions(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    /// <summary>The four satisfaction levels, scored 4 to 1, and "Sans avis" (not expressed) when the team keeps it.</summary>
    public static List<DraftOption> ScaleOptions(bool includeSansAvis) => DefaultQuestionnaire.ScaleOptions
        .Where(o => includeSansAvis || o.Score is not null)
        .Select(o => new DraftOption { Code = o.Code, Label = o.Label, Score = o.Score })
        .ToList();

    /// <summary>0 to 10: eleven options whose score is the number; the team never types them.</summary>
    public static List<DraftOption> ZeroToTenOptions() => Enumerable.Range(0, 11)
        .Select(n => new DraftOption { Code = n.ToString(CultureInfo.InvariantCulture), Label = n.ToString(CultureInfo.InvariantCulture), Score = n })
        .ToList();

    /// <summary>Lower-case letters without accents, digits and hyphens, from a wording: « Délai d'attente ? » gives "delai-d-attente".</summary>
    public static string Slug(string text, int maxLength = CodeLength)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            var cut = slug[..(maxLength + 1)].LastIndexOf('-');
            slug = (cut > maxLength / 2 ? slug[..cut] : slug[..maxLength]).Trim('-');
        }

        return slug.Length == 0 ? "question" : slug;
    }

    /// <summary>The slug, or the slug followed by -2, -3… when it is taken: a code never points at two meanings.</summary>
    public static string UniqueCode(string text, ISet<string> used, int maxLength = CodeLength)
    {
        var slug = Slug(text, maxLength);
        var code = slug;
        for (var n = 2; used.Contains(code); n++)
        {
            code = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        used.Add(code);
        return code;
    }

    /// <summary>
    /// Checks a question as typed and writes it into <paramref name="question"/> when it is valid;
    /// returns the errors by field otherwise, leaving the question as it was.
    /// </summary>
    public static Dictionary<string, string> ApplyQuestion(DraftQuestion question, QuestionInput input, string? publishedText, string actorUserId, string actorEmail)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question.IsCore)
        {
            errors[TextField] = "Cette question vient du questionnaire national : sa formulation est la même dans toutes les préfectures et ne peut pas être modifiée ici.";
            return errors;
        }

        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[TextField] = "Écrivez le texte de la question.";
        }
        else if (text.Length > QuestionConfiguration.TextMaxLength)
        {
            errors[TextField] = $"Le texte de la question compte {QuestionConfiguration.TextMaxLength} caractères au plus (il en compte {text.Length}).";
        }

        var help = string.IsNullOrWhiteSpace(input.HelpText) ? null : input.HelpText.Trim();
        if (help?.Length > QuestionConfiguration.HelpTextMaxLength)
        {
            errors[HelpTextField] = $"L’aide compte {QuestionConfiguration.HelpTextMaxLength} caractères au plus (elle en compte {help.Length}).";
        }

        int? maxLength = null;
        if (question.Kind == QuestionKind.FreeText)
        {
            if (int.TryParse(input.MaxLength?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cap) && cap is >= MinFreeTextLength and <= SurveyLimits.FreeTextMaxLength)
            {
                maxLength = cap;
            }
            else
            {
                errors[MaxLengthField] = $"La longueur maximale de la réponse est un nombre entier de {MinFreeTextLength} à {Results.Statistics.FrenchFormat.Count(SurveyLimits.FreeTextMaxLength)} caractères.";
            }
        }

        var options = question.Kind switch
        {
            QuestionKind.SatisfactionScale => ScaleOptions(input.IncludeSansAvis),
            QuestionKind.ZeroToTen => ZeroToTenOptions(),
            QuestionKind.FreeText => [],
            _ => ReadOptions(question, input, errors),
        };

        if (errors.Count > 0)
        {
            return errors;
        }

        var reworded = publishedText is not null && publishedText != text;
        question.Text = text;
        question.HelpText = help;
        question.IsRequired = input.IsRequired;
        question.MaxLength = maxLength;
        question.IncludeSansAvis = question.Kind == QuestionKind.SatisfactionScale && input.IncludeSansAvis;
        if (question.Kind == QuestionKind.SatisfactionScale)
        {
            // Keep the labels' translations typed for the scale: the options themselves are fixed.
            foreach (var option in options)
            {
                option.LabelTranslations = question.Options.FirstOrDefault(o => o.Code == option.Code)?.LabelTranslations ?? new(StringComparer.Ordinal);
            }
        }

        question.Options = options;
        question.MeaningUnchanged = reworded && input.MeaningUnchanged;
        (question.MeaningUnchangedByUserId, question.MeaningUnchangedByEmail) = question.MeaningUnchanged ? (actorUserId, actorEmail) : (null, null);
        return errors;
    }

    private static List<DraftOption> ReadOptions(DraftQuestion question, QuestionInput input, Dictionary<string, string> errors)
    {
        var existing = question.Options.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var used = new HashSet<string>(existing.Keys, StringComparer.Ordinal);
        var options = new List<DraftOption>();
        var labels = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        for (var i = 0; i < input.OptionLabels.Count; i++)
        {
            var label = input.OptionLabels[i]?.Trim() ?? "";
            var code = i < input.OptionCodes.Count ? input.OptionCodes[i]?.Trim() ?? "" : "";
            var known = code.Length > 0 && existing.ContainsKey(code);
            if (label.Length == 0)
            {
                if (known)
                {
                    errors.TryAdd(OptionField(i), "Écrivez le libellé de cette option, ou retirez-la avec son bouton « Retirer ».");
                }

                continue;
            }

            if (label.Length > QuestionOptionConfiguration.LabelMaxLength)
            {
                errors.TryAdd(OptionField(i), $"Le libellé d’une option compte {QuestionOptionConfiguration.LabelMaxLength} caractères au plus (il en compte {label.Length}).");
                continue;
            }

            if (!labels.Add(label))
            {
                errors.TryAdd(OptionField(i), $"L’option « {label} » figure deux fois : chaque option a un libellé différent.");
                continue;
            }

            if (known)
            {
                var kept = existing[code];
                options.Add(new DraftOption { Code = code, Label = label, LabelTranslations = kept.LabelTranslations });
            }
            else
            {
                options.Add(new DraftOption { Code = UniqueCode(label, used, QuestionOptionConfiguration.CodeMaxLength - 4), Label = label });
            }
        }

        if (options.Count < 2 && !errors.Keys.Any(k => k.StartsWith("option-", StringComparison.Ordinal)))
        {
            errors[OptionsField] = "Une question à choix propose au moins 2 options.";
        }
        else if (options.Count > MaxOptions)
        {
            errors[OptionsField] = $"Une question propose {MaxOptions} options au plus.";
        }

        return options;
    }

    /// <summary>The title as typed, or its error.</summary>
    public static string? TitleError(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "Écrivez le titre du questionnaire, tel que l’usager le lira en haut du formulaire."
        : title.Trim().Length > QuestionnaireVersionConfiguration.TitleMaxLength ? $"Le titre compte {QuestionnaireVersionConfiguration.TitleMaxLength} caractères au plus (il en compte {title.Trim().Length})."
        : null;

    /// <summary>Whether one more question may be added, or why not.</summary>
    public static string? AddError(DraftContent content) =>
        content.Questions.Count >= MaxQuestions ? $"Un questionnaire compte {MaxQuestions} questions au plus."
        : content.FromNationalCore && content.Questions.Count(q => !q.IsCore) >= MaxLocalQuestions
            ? $"Ce questionnaire reprend le tronc commun national : il compte {MaxLocalQuestions} questions locales au plus, pour que les préfectures restent comparables."
            : null;

    public static string? RemoveError(DraftQuestion question) =>
        question.IsCore ? "Cette question vient du questionnaire national : elle reste dans le questionnaire, pour que les préfectures restent comparables." : null;

    /// <summary>Moves a question one place up (-1) or down (+1); false when it is already at that end.</summary>
    public static bool Move<T>(List<T> items, int index, int direction)
    {
        var target = index + direction;
        if (index < 0 || index >= items.Count || target < 0 || target >= items.Count)
        {
            return false;
        }

        (items[index], items[target]) = (items[target], items[index]);
        return true;
    }

    /// <summary>What a draft lacks to be published: a title, at least one question, each question complete.</summary>
    public static Dictionary<string, string> PublishErrors(string title, DraftContent content)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        errors.TryAddIfNotNull(TitleField, TitleError(title));
        if (content.Questions.Count == 0)
        {
            errors[QuestionsField] = "Ajoutez au moins une question avant de publier.";
        }

        for (var i = 0; i < content.Questions.Count; i++)
        {
            var q = content.Questions[i];
            if (string.IsNullOrWhiteSpace(q.Text))
            {
                errors[$"question-{i + 1}"] = $"La question {i + 1} n’a pas de texte.";
            }
            else if (HasTypedOptions(q.Kind) && q.Options.Count < 2)
            {
                errors[$"question-{i + 1}"] = $"La question {i + 1} « {q.Text} » propose moins de 2 options.";
            }
        }

        return errors;
    }

    private static void TryAddIfNotNull(this Dictionary<string, string> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.TryAdd(field, message);
        }
    }

    /// <summary>What a language lacks: the title, and the questions with a text, help or option label not yet translated.</summary>
    public sealed record LanguageCompleteness(string Language, bool TitleMissing, IReadOnlyList<int> IncompleteQuestions)
    {
        public bool Complete => !TitleMissing && IncompleteQuestions.Count == 0;
    }

    public static LanguageCompleteness Completeness(DraftContent content, string language) => new(
        language,
        !content.TitleTranslations.TryGetValue(language, out var title) || string.IsNullOrWhiteSpace(title),
        content.Questions.Select((q, i) => (q, i)).Where(x => !QuestionComplete(x.q, language)).Select(x => x.i + 1).ToList());

    private static bool QuestionComplete(DraftQuestion q, string language) =>
        Has(q.TextTranslations, language)
        && (q.HelpText is null || Has(q.HelpTranslations, language))
        && (q.Kind == QuestionKind.ZeroToTen || q.Options.All(o => Has(o.LabelTranslations, language)));

    private static bool Has(Dictionary<string, string> translations, string language) =>
        translations.TryGetValue(language, out var value) && !string.IsNullOrWhiteSpace(value);

    /// <summary>A language's name as the editor shows it: « anglais (en) ».</summary>
    public static string LanguageLabel(string tag) => $"{QuestionnaireLanguages.FrenchName(tag)} ({tag})";

    /// <summary>The languages offered in the editor's list; any other tag can be typed.</summary>
    public static readonly IReadOnlyList<string> LikelyLanguages = ["en", "ar", "es", "pt", "ru", "ro", "tr", "zh", "prs"];

    /// <summary>A question whose text changed since the version it comes from, with what becomes of its code.</summary>
    public sealed record Rewording(DraftQuestion Question, string OldText, string OldCode, string NewCode);

    /// <summary>
    /// The next version of a questionnaire from its draft. A question keeps its code; one whose text
    /// changed gets a new code unless the team said its meaning is unchanged. Languages without a
    /// translated title are left out (a language is offered when the version has a title in it); a
    /// missing text, help or label is simply absent, and the form shows the French one.
    /// </summary>
    public static (QuestionnaireVersion Version, IReadOnlyList<Rewording> Reworded) BuildVersion(
        string key, int? prefectureId, string title, DraftContent content, QuestionnaireVersion? latest, ISet<string> usedCodes, DateTime nowUtc)
    {
        var previous = latest?.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal) ?? [];
        var reworded = new List<Rewording>();
        var languages = content.Languages.Where(l => Has(content.TitleTranslations, l)).ToList();
        var version = new QuestionnaireVersion
        {
            Key = key,
            VersionNumber = (latest?.VersionNumber ?? 0) + 1,
            Title = title.Trim(),
            PrefectureId = prefectureId,
            CreatedAtUtc = nowUtc,
            Translations = languages.Select(l => new QuestionnaireVersionTranslation { Language = l, Title = content.TitleTranslations[l].Trim() }).ToList(),
        };
        var order = 0;
        foreach (var q in content.Questions)
        {
            var code = q.Code;
            // A core question's wording is the national one, and its code the national decision: never re-coded locally.
            if (!q.IsCore && previous.TryGetValue(q.Code, out var before) && before.Text != q.Text)
            {
                var newCode = q.MeaningUnchanged ? q.Code : UniqueCode(q.Text, usedCodes);
                reworded.Add(new Rewording(q, before.Text, q.Code, newCode));
                code = newCode;
            }

            version.Questions.Add(new Question
            {
                Code = code,
                Order = ++order,
                Text = q.Text,
                HelpText = q.HelpText,
                Kind = q.Kind,
                IsRequired = q.IsRequired,
                MaxLength = q.Kind == QuestionKind.FreeText ? q.MaxLength ?? SurveyLimits.FreeTextMaxLength : null,
                Options = q.Options.Select((o, i) => new QuestionOption
                {
                    Code = o.Code,
                    Order = i + 1,
                    Label = o.Label,
                    Score = o.Score,
                    Translations = languages.Where(l => Has(o.LabelTranslations, l))
                        .Select(l => new QuestionOptionTranslation { Language = l, Label = o.LabelTranslations[l].Trim() }).ToList(),
                }).ToList(),
                Translations = languages.Where(l => Has(q.TextTranslations, l))
                    .Select(l => new QuestionTranslation { Language = l, Text = q.TextTranslations[l].Trim(), HelpText = q.HelpText is null ? null : q.HelpTranslations.GetValueOrDefault(l)?.Trim() is { Length: > 0 } h ? h : null })
                    .ToList(),
            });
        }

        return (version, reworded);
    }

    /// <summary>
    /// The draft's questions as the public form renders them, in French or in one of its languages (French
    /// where a translation is missing, with each text's language given, as the published form gives it).
    /// </summary>
    public static QuestionnaireDefinition ToDefinition(string title, DraftContent content, string? language = null)
    {
        const string French = QuestionnaireLanguages.French;
        (string Text, string Language) Pick(string french, Dictionary<string, string> translations) =>
            language is not null && translations.TryGetValue(language, out var t) && !string.IsNullOrWhiteSpace(t) ? (t, language) : (french, French);

        var shownTitle = Pick(title, content.TitleTranslations);
        return new QuestionnaireDefinition(
            0,
            shownTitle.Text,
            content.Questions.Select((q, i) =>
            {
                var text = Pick(q.Text, q.TextTranslations);
                var help = q.HelpText is null ? ((string?)null, French) : Pick(q.HelpText, q.HelpTranslations);
                return new QuestionDefinition(
                    i + 1,
                    q.Code,
                    i + 1,
                    text.Text,
                    help.Item1,
                    q.Kind,
                    q.IsRequired,
                    q.Kind == QuestionKind.FreeText ? q.MaxLength ?? SurveyLimits.FreeTextMaxLength : null,
                    q.Options.Select((o, j) =>
                    {
                        var label = Pick(o.Label, o.LabelTranslations);
                        return new OptionDefinition((i + 1) * 100 + j + 1, o.Code, label.Text, o.Score) { LabelLanguage = label.Language };
                    }).ToList())
                {
                    TextLanguage = text.Language,
                    HelpTextLanguage = help.Item2,
                    ShownInFrench = language is not null && language != French && text.Language == French,
                };
            }).ToList())
        {
            Language = language ?? French,
            TitleLanguage = shownTitle.Language,
            Languages = [French, .. content.Languages.Where(l => l != French)],
        };
    }

    /// <summary>A draft's content copied from a published version: same codes, wording, options and translations.</summary>
    public static DraftContent FromVersion(QuestionnaireVersion version, bool asCore)
    {
        var languages = version.Translations.Select(t => t.Language)
            .Concat(version.Questions.SelectMany(q => q.Translations.Select(t => t.Language)))
            .Distinct(StringComparer.Ordinal).ToList();
        return new DraftContent
        {
            FromNationalCore = asCore,
            Languages = languages,
            TitleTranslations = asCore ? new(StringComparer.Ordinal) : version.Translations.ToDictionary(t => t.Language, t => t.Title, StringComparer.Ordinal),
            Questions = version.Questions.OrderBy(q => q.Order).Select(q => new DraftQuestion
            {
                Code = q.Code,
                IsCore = asCore,
                Kind = q.Kind,
                Text = q.Text,
                HelpText = q.HelpText,
                IsRequired = q.IsRequired,
                MaxLength = q.MaxLength,
                IncludeSansAvis = q.Kind == QuestionKind.SatisfactionScale && q.Options.Any(o => o.Score is null),
                TextTranslations = q.Translations.ToDictionary(t => t.Language, t => t.Text, StringComparer.Ordinal),
                HelpTranslations = q.Translations.Where(t => t.HelpText is not null).ToDictionary(t => t.Language, t => t.HelpText!, StringComparer.Ordinal),
                Options = q.Options.OrderBy(o => o.Order).Select(o => new DraftOption
                {
                    Code = o.Code,
                    Label = o.Label,
                    Score = o.Score,
                    LabelTranslations = o.Translations.ToDictionary(t => t.Language, t => t.Label, StringComparer.Ordinal),
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// A local questionnaire's draft brought back to the national core as it is now: the core questions take
    /// the national wording, options, codes and translations; questions the national core no longer asks
    /// leave; new ones come in after the core question that precedes them nationally. The team's own
    /// questions, its order and the translations the national core lacks (while the wording is unchanged)
    /// are kept. A question is the core's when its code is one any national version used: local codes
    /// never take one (<see cref="QuestionnaireEditing"/> counts them as used).
    /// </summary>
    public static DraftContent RefreshCore(DraftContent local, DraftContent core, IReadOnlySet<string> nationalCodes)
    {
        var fresh = core.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var questions = new List<DraftQuestion>();
        foreach (var question in local.Questions)
        {
            if (!question.IsCore && !nationalCodes.Contains(question.Code))
            {
                questions.Add(question);
            }
            else if (fresh.TryGetValue(question.Code, out var national))
            {
                questions.Add(CoreCopy(national, question));
            }
        }

        for (var i = 0; i < core.Questions.Count; i++)
        {
            var national = core.Questions[i];
            if (questions.Any(q => q.Code == national.Code))
            {
                continue;
            }

            var previous = core.Questions.Take(i).Select(q => q.Code).LastOrDefault(code => questions.Any(q => q.Code == code));
            var at = previous is null
                ? Math.Max(0, questions.FindIndex(q => q.IsCore))
                : questions.FindIndex(q => q.Code == previous) + 1;
            questions.Insert(at, CoreCopy(national, null));
        }

        return new DraftContent
        {
            FromNationalCore = true,
            Questions = questions,
            Languages = local.Languages.Concat(core.Languages).Distinct(StringComparer.Ordinal).ToList(),
            TitleTranslations = new(local.TitleTranslations, StringComparer.Ordinal),
        };
    }

    /// <summary>Whether a local questionnaire's core questions are no longer those of the national core (order aside, which is the team's).</summary>
    public static bool CoreDiffers(DraftContent local, DraftContent core, IReadOnlySet<string> nationalCodes) =>
        !local.Questions.Where(q => q.IsCore || nationalCodes.Contains(q.Code)).Select(Signature).Order(StringComparer.Ordinal)
            .SequenceEqual(core.Questions.Select(Signature).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Signature(DraftQuestion q) =>
        string.Join('\u001f', new[] { q.Code, q.Kind.ToString(), q.Text, q.HelpText ?? "", q.IsRequired ? "1" : "0", q.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "" }
            .Concat(q.Options.Select(o => $"{o.Code}\u001e{o.Label}\u001e{o.Score?.ToString(CultureInfo.InvariantCulture)}")));

    private static DraftQuestion CoreCopy(DraftQuestion national, DraftQuestion? before)
    {
        var sameWording = before is not null && before.Text == national.Text;
        var question = new DraftQuestion
        {
            Code = national.Code,
            IsCore = true,
            Kind = national.Kind,
            Text = national.Text,
            HelpText = national.HelpText,
            IsRequired = national.IsRequired,
            MaxLength = national.MaxLength,
            IncludeSansAvis = national.IncludeSansAvis,
            TextTranslations = Merge(national.TextTranslations, sameWording ? before!.TextTranslations : null),
            HelpTranslations = Merge(national.HelpTranslations, sameWording && before!.HelpText == national.HelpText ? before.HelpTranslations : null),
            Options = national.Options.Select(o =>
            {
                var old = sameWording ? before!.Options.FirstOrDefault(b => b.Code == o.Code && b.Label == o.Label) : null;
                return new DraftOption { Code = o.Code, Label = o.Label, Score = o.Score, LabelTranslations = Merge(o.LabelTranslations, old?.LabelTranslations) };
            }).ToList(),
        };
        return question;
    }

    /// <summary>The national translations, plus the team's own in languages the national core does not have.</summary>
    private static Dictionary<string, string> Merge(Dictionary<string, string> national, Dictionary<string, string>? team)
    {
        var merged = new Dictionary<string, string>(national, StringComparer.Ordinal);
        foreach (var (language, text) in team ?? [])
        {
            merged.TryAdd(language, text);
        }

        return merged;
    }
}
