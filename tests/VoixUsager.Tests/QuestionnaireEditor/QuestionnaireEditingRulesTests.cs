using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Questionnaires;

namespace VoixUsager.Tests.QuestionnaireEditor;

[Trait("Category", "Logic")]
public sealed class QuestionnaireEditingRulesTests
{
    private static DraftQuestion Choice(string code = "motif-local") => new()
    {
        Code = code, Kind = QuestionKind.SingleChoice, Text = "Pourquoi êtes-vous venu ?", IsRequired = true,
        Options = [new DraftOption { Code = "titre", Label = "Titre de séjour" }, new DraftOption { Code = "permis", Label = "Permis" }],
    };

    private static QuestionInput Input(string? text = "Pourquoi êtes-vous venu ?", string[]? labels = null, string[]? codes = null, string? maxLength = null, bool meaningUnchanged = false, bool sansAvis = false) => new()
    {
        Text = text, IsRequired = true, MaxLength = maxLength, MeaningUnchanged = meaningUnchanged, IncludeSansAvis = sansAvis,
        OptionLabels = labels ?? ["Titre de séjour", "Permis"], OptionCodes = codes ?? ["titre", "permis"],
    };

    [Fact]
    public void Codes_are_slugs_without_accents_and_never_reuse_one_taken()
    {
        Assert.Equal("delai-d-attente-a-l-accueil", QuestionnaireEditingRules.Slug("Délai d'attente à l’accueil ?"));
        var used = new HashSet<string> { "delai", "delai-2" };
        Assert.Equal("delai-3", QuestionnaireEditingRules.UniqueCode("Délai", used));
        Assert.Contains("delai-3", used);
        Assert.Equal("question", QuestionnaireEditingRules.Slug("???"));
        Assert.True(QuestionnaireEditingRules.Slug(new string('a', 300)).Length <= QuestionnaireEditingRules.CodeLength);
        // A long wording is cut at a word, not inside one.
        Assert.Equal("avez-vous-obtenu-une-reponse-dans-un", QuestionnaireEditingRules.Slug("Avez-vous obtenu une réponse dans un délai raisonnable ?"));
    }

    [Fact]
    public void Blank_or_oversized_text_and_help_are_refused_and_leave_the_question_unchanged()
    {
        var question = Choice();
        Assert.Contains(QuestionnaireEditingRules.TextField, QuestionnaireEditingRules.ApplyQuestion(question, Input(text: "  "), null, "u", "e").Keys);
        var tooLong = QuestionnaireEditingRules.ApplyQuestion(question, Input(text: new string('x', QuestionConfiguration.TextMaxLength + 1)), null, "u", "e");
        Assert.Contains("500 caractères au plus", tooLong[QuestionnaireEditingRules.TextField], StringComparison.Ordinal);
        var help = QuestionnaireEditingRules.ApplyQuestion(question, new QuestionInput { Text = "Bonne question", HelpText = new string('x', QuestionConfiguration.HelpTextMaxLength + 1), OptionLabels = ["a", "b"], OptionCodes = ["", ""] }, null, "u", "e");
        Assert.Contains(QuestionnaireEditingRules.HelpTextField, help.Keys);
        Assert.Equal("Pourquoi êtes-vous venu ?", question.Text);
        Assert.Equal(["titre", "permis"], question.Options.Select(o => o.Code));
    }

    [Fact]
    public void A_choice_question_has_two_different_options_at_least_and_new_options_get_codes()
    {
        var question = Choice();
        Assert.Contains(QuestionnaireEditingRules.OptionsField, QuestionnaireEditingRules.ApplyQuestion(question, Input(labels: ["Titre de séjour", ""], codes: ["titre", ""]), null, "u", "e").Keys);
        var duplicate = QuestionnaireEditingRules.ApplyQuestion(question, Input(labels: ["Titre de séjour", "titre de séjour"], codes: ["titre", ""]), null, "u", "e");
        Assert.Contains("deux fois", duplicate[QuestionnaireEditingRules.OptionField(1)], StringComparison.Ordinal);
        var blankExisting = QuestionnaireEditingRules.ApplyQuestion(question, Input(labels: ["", "Permis", "Autre"], codes: ["titre", "permis", ""]), null, "u", "e");
        Assert.Contains(QuestionnaireEditingRules.OptionField(0), blankExisting.Keys);
        var tooLong = QuestionnaireEditingRules.ApplyQuestion(question, Input(labels: ["Titre de séjour", new string('y', QuestionOptionConfiguration.LabelMaxLength + 1)], codes: ["titre", ""]), null, "u", "e");
        Assert.Contains(QuestionnaireEditingRules.OptionField(1), tooLong.Keys);

        // Reordered, one reworded, one added: existing codes follow their option, the new one gets its own.
        Assert.Empty(QuestionnaireEditingRules.ApplyQuestion(question, Input(labels: ["Permis de conduire", "Titre de séjour", "Carte grise"], codes: ["permis", "titre", ""]), null, "u", "e"));
        Assert.Equal(["permis", "titre", "carte-grise"], question.Options.Select(o => o.Code));
        Assert.Equal("Permis de conduire", question.Options[0].Label);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("19", false)]
    [InlineData("2001", false)]
    [InlineData("-5", false)]
    [InlineData("cent", false)]
    [InlineData("20", true)]
    [InlineData("2000", true)]
    public void A_free_text_cap_is_a_whole_number_within_range(string cap, bool valid)
    {
        var question = new DraftQuestion { Code = "remarque", Kind = QuestionKind.FreeText, Text = "Une remarque ?" };
        var errors = QuestionnaireEditingRules.ApplyQuestion(question, Input(text: "Une remarque ?", maxLength: cap), null, "u", "e");
        Assert.Equal(valid, errors.Count == 0);
        Assert.Equal(valid ? int.Parse(cap, System.Globalization.CultureInfo.InvariantCulture) : null, question.MaxLength);
    }

    [Fact]
    public void Scale_and_zero_to_ten_options_are_generated_not_typed()
    {
        var scale = new DraftQuestion { Code = "attente", Kind = QuestionKind.SatisfactionScale, Text = "Attente ?" };
        Assert.Empty(QuestionnaireEditingRules.ApplyQuestion(scale, Input(text: "Attente ?", labels: ["n'importe quoi"], codes: [""], sansAvis: false), null, "u", "e"));
        Assert.Equal([4, 3, 2, 1], scale.Options.Select(o => o.Score!.Value));
        Assert.Empty(QuestionnaireEditingRules.ApplyQuestion(scale, Input(text: "Attente ?", sansAvis: true), null, "u", "e"));
        Assert.Equal("sans-avis", scale.Options[^1].Code);
        Assert.Null(scale.Options[^1].Score);

        var note = new DraftQuestion { Code = "note", Kind = QuestionKind.ZeroToTen, Text = "Quelle note ?" };
        Assert.Empty(QuestionnaireEditingRules.ApplyQuestion(note, Input(text: "Quelle note ?"), null, "u", "e"));
        Assert.Equal(Enumerable.Range(0, 11), note.Options.Select(o => o.Score!.Value));
        Assert.Equal(Enumerable.Range(0, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), note.Options.Select(o => o.Label));
    }

    [Fact]
    public void Core_questions_are_neither_reworded_nor_removed_and_local_ones_are_limited()
    {
        var core = new DraftQuestion { Code = DefaultQuestionnaire.Codes.Courtoisie, IsCore = true, Kind = QuestionKind.SatisfactionScale, Text = "L'agent a-t-il été courtois ?" };
        Assert.NotEmpty(QuestionnaireEditingRules.ApplyQuestion(core, Input(text: "Autre chose"), null, "u", "e"));
        Assert.Equal("L'agent a-t-il été courtois ?", core.Text);
        Assert.NotNull(QuestionnaireEditingRules.RemoveError(core));

        var content = new DraftContent { FromNationalCore = true, Questions = [core] };
        for (var i = 0; i < QuestionnaireEditingRules.MaxLocalQuestions; i++)
        {
            Assert.Null(QuestionnaireEditingRules.AddError(content));
            content.Questions.Add(Choice($"local-{i}"));
        }

        Assert.Contains("5 questions locales au plus", QuestionnaireEditingRules.AddError(content), StringComparison.Ordinal);
        // From scratch, the limit is the questionnaire's length only.
        content.FromNationalCore = false;
        Assert.Null(QuestionnaireEditingRules.AddError(content));
    }

    [Fact]
    public void A_reworded_question_gets_a_new_code_unless_its_meaning_is_declared_unchanged()
    {
        var latest = new QuestionnaireVersion
        {
            Key = "pan", VersionNumber = 3, Title = "PAN",
            Questions =
            [
                new Question { Code = "aide", Text = "Avez-vous été aidé ?", Kind = QuestionKind.SatisfactionScale },
                new Question { Code = "delai", Text = "Le délai était-il correct ?", Kind = QuestionKind.SatisfactionScale },
                new Question { Code = "retire", Text = "Question retirée", Kind = QuestionKind.FreeText },
            ],
        };
        var content = new DraftContent
        {
            Questions =
            [
                new DraftQuestion { Code = "aide", Kind = QuestionKind.SatisfactionScale, Text = "Avez-vous été bien aidé ?", Options = QuestionnaireEditingRules.ScaleOptions(false) },
                new DraftQuestion { Code = "delai", Kind = QuestionKind.SatisfactionScale, Text = "Le délai était-il raisonnable ?", MeaningUnchanged = true, MeaningUnchangedByEmail = "qualite@cantal.test", Options = QuestionnaireEditingRules.ScaleOptions(false) },
            ],
        };
        var used = new HashSet<string> { "aide", "delai", "retire" };

        var (version, reworded) = QuestionnaireEditingRules.BuildVersion("pan", 7, "PAN", content, latest, used, DateTime.UtcNow);

        Assert.Equal(4, version.VersionNumber);
        Assert.Equal(["avez-vous-ete-bien-aide", "delai"], version.Questions.Select(q => q.Code));
        Assert.Equal(2, reworded.Count);
        Assert.Equal(("aide", "avez-vous-ete-bien-aide"), (reworded[0].OldCode, reworded[0].NewCode));
        Assert.Equal(("delai", "delai"), (reworded[1].OldCode, reworded[1].NewCode));
    }

    [Fact]
    public void Completeness_counts_the_questions_missing_in_each_language_and_only_titled_languages_are_published()
    {
        var content = new DraftContent
        {
            Languages = ["en", "ar"],
            TitleTranslations = { ["en"] = "Your opinion" },
            Questions =
            [
                new DraftQuestion { Code = "a", Kind = QuestionKind.FreeText, Text = "Remarque ?", HelpText = "Aucune donnée personnelle.", MaxLength = 500, TextTranslations = { ["en"] = "Remark?" } },
                new DraftQuestion { Code = "b", Kind = QuestionKind.ZeroToTen, Text = "Note ?", Options = QuestionnaireEditingRules.ZeroToTenOptions(), TextTranslations = { ["en"] = "Score?" } },
                new DraftQuestion { Code = "c", Kind = QuestionKind.SingleChoice, Text = "Canal ?", TextTranslations = { ["en"] = "Channel?" },
                    Options = [new DraftOption { Code = "x", Label = "Sur place", LabelTranslations = { ["en"] = "In person" } }, new DraftOption { Code = "y", Label = "Téléphone" }] },
            ],
        };

        var english = QuestionnaireEditingRules.Completeness(content, "en");
        Assert.False(english.TitleMissing);
        Assert.Equal([1, 3], english.IncompleteQuestions);
        var arabic = QuestionnaireEditingRules.Completeness(content, "ar");
        Assert.True(arabic.TitleMissing);
        Assert.Equal([1, 2, 3], arabic.IncompleteQuestions);

        var (version, _) = QuestionnaireEditingRules.BuildVersion("k", 1, "Votre avis", content, null, new HashSet<string>(), DateTime.UtcNow);
        Assert.Equal(["en"], version.Translations.Select(t => t.Language));
        Assert.Equal("Remark?", version.Questions[0].Translations.Single().Text);
        Assert.Null(version.Questions[0].Translations.Single().HelpText);
        Assert.Empty(version.Questions[1].Options.SelectMany(o => o.Translations));
        Assert.Equal(["In person"], version.Questions[2].Options.SelectMany(o => o.Translations).Select(t => t.Label));
        Assert.Equal(500, version.Questions[0].MaxLength);
    }

    [Fact]
    public void A_draft_without_question_or_title_cannot_be_published()
    {
        var errors = QuestionnaireEditingRules.PublishErrors(" ", new DraftContent());
        Assert.Contains(QuestionnaireEditingRules.TitleField, errors.Keys);
        Assert.Contains(QuestionnaireEditingRules.QuestionsField, errors.Keys);
        Assert.Empty(QuestionnaireEditingRules.PublishErrors("Avis", new DraftContent { Questions = [Choice()] }));
    }

    [Fact]
    public void The_content_survives_its_json_and_the_preview_falls_back_to_french()
    {
        var content = new DraftContent { Languages = ["en"], TitleTranslations = { ["en"] = "Opinion" }, Questions = [Choice()] };
        content.Questions[0].TextTranslations["en"] = "Why did you come?";
        var back = DraftContent.Parse(content.Serialise());
        Assert.Equal(content.Serialise(), back.Serialise());
        Assert.Contains("\"SingleChoice\"", content.Serialise(), StringComparison.Ordinal);

        var english = QuestionnaireEditingRules.ToDefinition("Avis", back, "en");
        Assert.Equal("Opinion", english.Title);
        Assert.Equal("Why did you come?", english.Questions[0].Text);
        Assert.Equal("Titre de séjour", english.Questions[0].Options[0].Label);
        Assert.Equal(english.Questions[0].Options.Count, english.Questions[0].Options.Select(o => o.Id).Distinct().Count());
    }

    private static DraftQuestion Q(string code, string text, bool core = false, params (string Language, string Text)[] translations) => new()
    {
        Code = code,
        Text = text,
        IsCore = core,
        Kind = QuestionKind.FreeText,
        TextTranslations = translations.ToDictionary(t => t.Language, t => t.Text, StringComparer.Ordinal),
    };

    [Fact]
    public void Refreshing_the_core_takes_the_national_questions_keeps_the_local_ones_in_place_and_drops_what_the_core_no_longer_asks()
    {
        var nationalCodes = new HashSet<string>(["a", "b", "c", "d", "b2"], StringComparer.Ordinal);
        // The team put its own question between b and c, and moved c first.
        var local = new DraftContent
        {
            FromNationalCore = true,
            Languages = ["es"],
            Questions = [Q("c", "C ?", true, ("es", "¿C?")), Q("a", "A ?", true, ("es", "¿A?")), Q("b", "B ?", true), Q("pan", "PAN ?"), Q("d", "D ?", true)],
        };
        // Nationally: b became b2 (new code, it takes the place after e), d is gone, e is new after a, c reworded under its code, English shipped.
        var core = new DraftContent
        {
            Languages = ["en"],
            Questions = [Q("a", "A ?", true, ("en", "A?")), Q("e", "E ?", true), Q("b2", "B deux ?", true), Q("c", "C reformulée ?", true)],
        };

        var refreshed = QuestionnaireEditingRules.RefreshCore(local, core, nationalCodes);

        Assert.Equal(["c", "a", "e", "b2", "pan"], refreshed.Questions.Select(q => q.Code));
        Assert.Equal([true, true, true, true, false], refreshed.Questions.Select(q => q.IsCore));
        Assert.Equal("C reformulée ?", refreshed.Questions[0].Text);
        // The team's Spanish goes with a reworded question, and stays beside the national English where the wording is the same.
        Assert.Empty(refreshed.Questions[0].TextTranslations);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "A?", ["es"] = "¿A?" }, refreshed.Questions[1].TextTranslations);
        Assert.Equal(["es", "en"], refreshed.Languages);
        Assert.True(refreshed.FromNationalCore);
        Assert.False(QuestionnaireEditingRules.CoreDiffers(refreshed, core, nationalCodes));
        Assert.True(QuestionnaireEditingRules.CoreDiffers(local, core, nationalCodes));
    }

    [Fact]
    public void A_core_question_is_the_same_whatever_its_place_but_not_with_another_label_or_option()
    {
        var nationalCodes = new HashSet<string>(["a", "b"], StringComparer.Ordinal);
        var core = new DraftContent { Questions = [Q("a", "A ?", true), Q("b", "B ?", true)] };
        core.Questions[1].Options = [new DraftOption { Code = "oui", Label = "Oui" }];
        var local = QuestionnaireEditingRules.RefreshCore(new DraftContent { Questions = [Q("x", "Locale ?")] }, core, nationalCodes);
        Assert.Equal(["a", "b", "x"], local.Questions.Select(q => q.Code));

        (local.Questions[0], local.Questions[1]) = (local.Questions[1], local.Questions[0]);
        Assert.False(QuestionnaireEditingRules.CoreDiffers(local, core, nationalCodes));

        core.Questions[1].Options[0].Label = "Oui, tout à fait";
        Assert.True(QuestionnaireEditingRules.CoreDiffers(local, core, nationalCodes));
        core.Questions[1].Options[0].Label = "Oui";
        core.Questions[0].IsRequired = true;
        Assert.True(QuestionnaireEditingRules.CoreDiffers(local, core, nationalCodes));
    }
}
