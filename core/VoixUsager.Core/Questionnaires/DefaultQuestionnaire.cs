using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Surveys;

namespace VoixUsager.Questionnaires;

/// <summary>The national 7-question satisfaction survey, created once in every database.</summary>
public static class DefaultQuestionnaire
{
    public const string Key = "satisfaction-accueil";

    public static class Codes
    {
        public const string ModeContact = "mode-contact";
        public const string Motif = "motif";
        public const string FaciliteInformation = "facilite-information";
        public const string Courtoisie = "courtoisie";
        public const string ClarteExplications = "clarte-explications";
        public const string SatisfactionGlobale = "satisfaction-globale";
        public const string Suggestion = "suggestion";
    }

    public static QuestionnaireVersion Build(DateTime createdAtUtc)
    {
        var version = BuildFrench(createdAtUtc);
        AddMissingTranslations(version);
        return version;
    }

    private static QuestionnaireVersion BuildFrench(DateTime createdAtUtc) => new()
    {
        Key = Key,
        VersionNumber = 1,
        Title = "Votre avis sur l'accueil de la préfecture",
        CreatedAtUtc = createdAtUtc,
        Questions =
        [
            Choice(1, Codes.ModeContact, "Comment avez-vous contacté la préfecture ?",
                ("sur-place", "Je suis venu(e) sur place"),
                ("telephone", "Par téléphone"),
                ("courriel", "Par courriel ou formulaire en ligne"),
                ("site-internet", "Par le site internet"),
                ("pan", "Au point d'accueil numérique")),
            Choice(2, Codes.Motif, "Quel était l'objet de votre démarche ?",
                ("etrangers", "Titre de séjour (étrangers)"),
                ("permis-vehicule", "Permis de conduire ou immatriculation d'un véhicule"),
                ("identite", "Carte d'identité ou passeport"),
                ("information", "Information générale"),
                ("collectivites", "Collectivités locales ou associations"),
                ("autre", "Autre")),
            Scale(3, Codes.FaciliteInformation, "Avez-vous obtenu facilement l'information ou le rendez-vous que vous cherchiez ?"),
            Scale(4, Codes.Courtoisie, "L'agent qui vous a reçu ou répondu a-t-il été courtois ?"),
            Scale(5, Codes.ClarteExplications, "Les explications données étaient-elles claires et compréhensibles ?"),
            Scale(6, Codes.SatisfactionGlobale, "Globalement, êtes-vous satisfait(e) de l'accueil et du service rendu ?"),
            new Question
            {
                Order = 7,
                Code = Codes.Suggestion,
                Text = "Votre suggestion pour améliorer notre accueil",
                HelpText = "Facultatif. N'indiquez aucune donnée personnelle (nom, adresse, téléphone, numéro de dossier…) : votre avis est anonyme.",
                Kind = QuestionKind.FreeText,
                IsRequired = false,
                MaxLength = SurveyLimits.FreeTextMaxLength,
            },
        ],
    };

    public static readonly IReadOnlyList<(string Code, string Label, int? Score)> ScaleOptions =
    [
        ("tout-a-fait", "Tout à fait satisfait", 4),
        ("plutot", "Plutôt satisfait", 3),
        ("plutot-pas", "Plutôt pas satisfait", 2),
        ("pas-du-tout", "Pas du tout satisfait", 1),
        ("sans-avis", "Sans avis", null),
    ];

    /// <summary>
    /// The shipped translations of the national questionnaire, keyed by the French text they translate:
    /// a wording changed in a later version is not given the translation of the old one.
    /// </summary>
    public static class English
    {
        public const string Language = "en";

        public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
        {
            ["Votre avis sur l'accueil de la préfecture"] = "Your feedback on how the prefecture served you",
        };

        public static readonly IReadOnlyDictionary<string, (string Text, string? HelpText)> Questions = new Dictionary<string, (string, string?)>
        {
            ["Comment avez-vous contacté la préfecture ?"] = ("How did you contact the prefecture?", null),
            ["Quel était l'objet de votre démarche ?"] = ("What was your visit or request about?", null),
            ["Avez-vous obtenu facilement l'information ou le rendez-vous que vous cherchiez ?"] = ("Did you easily get the information or the appointment you were looking for?", null),
            ["L'agent qui vous a reçu ou répondu a-t-il été courtois ?"] = ("Was the member of staff who saw you or answered you polite?", null),
            ["Les explications données étaient-elles claires et compréhensibles ?"] = ("Were the explanations you were given clear and easy to understand?", null),
            ["Globalement, êtes-vous satisfait(e) de l'accueil et du service rendu ?"] = ("Overall, are you satisfied with how you were welcomed and the service you received?", null),
            ["Votre suggestion pour améliorer notre accueil"] = ("Your suggestion to improve our service",
                "Optional. Do not give any personal details (name, address, phone number, file number…): your feedback is anonymous."),
        };

        public static readonly IReadOnlyDictionary<string, string> Options = new Dictionary<string, string>
        {
            ["Je suis venu(e) sur place"] = "I came in person",
            ["Par téléphone"] = "By phone",
            ["Par courriel ou formulaire en ligne"] = "By email or online form",
            ["Par le site internet"] = "Through the website",
            ["Au point d'accueil numérique"] = "At the digital help point",
            ["Titre de séjour (étrangers)"] = "Residence permit (foreign nationals)",
            ["Permis de conduire ou immatriculation d'un véhicule"] = "Driving licence or vehicle registration",
            ["Carte d'identité ou passeport"] = "Identity card or passport",
            ["Information générale"] = "General information",
            ["Collectivités locales ou associations"] = "Local authorities or associations",
            ["Autre"] = "Other",
            ["Tout à fait satisfait"] = "Very satisfied",
            ["Plutôt satisfait"] = "Fairly satisfied",
            ["Plutôt pas satisfait"] = "Not very satisfied",
            ["Pas du tout satisfait"] = "Not at all satisfied",
            ["Sans avis"] = "No opinion",
        };
    }

    /// <summary>
    /// Gives <paramref name="version"/> the shipped English for every text whose French is the shipped
    /// one and that has no English yet; returns how many rows were added. Only adds rows, which the
    /// immutability of versions allows.
    /// </summary>
    public static int AddMissingTranslations(QuestionnaireVersion version)
    {
        var added = 0;
        if (English.Titles.TryGetValue(version.Title, out var title) && !version.Translations.Any(t => t.Language == English.Language))
        {
            version.Translations.Add(new QuestionnaireVersionTranslation { Language = English.Language, Title = title });
            added++;
        }

        foreach (var question in version.Questions)
        {
            if (English.Questions.TryGetValue(question.Text, out var text) && !question.Translations.Any(t => t.Language == English.Language))
            {
                question.Translations.Add(new QuestionTranslation { Language = English.Language, Text = text.Text, HelpText = question.HelpText is null ? null : text.HelpText });
                added++;
            }

            foreach (var option in question.Options)
            {
                if (English.Options.TryGetValue(option.Label, out var label) && !option.Translations.Any(t => t.Language == English.Language))
                {
                    option.Translations.Add(new QuestionOptionTranslation { Language = English.Language, Label = label });
                    added++;
                }
            }
        }

        return added;
    }

    /// <summary>
    /// Creates version 1 if the database has no version of the default questionnaire yet, and gives the
    /// national versions the shipped translations they lack (databases created before they were shipped).
    /// </summary>
    public static async Task<QuestionnaireVersion> EnsureCreatedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var national = await db.QuestionnaireVersions
            .Where(v => v.Key == Key && v.PrefectureId == null)
            .Include(v => v.Translations)
            .Include(v => v.Questions).ThenInclude(q => q.Translations)
            .Include(v => v.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Translations)
            .AsSplitQuery()
            .OrderByDescending(v => v.VersionNumber)
            .ToListAsync(cancellationToken);
        if (national.Count > 0)
        {
            if (national.Sum(AddMissingTranslations) > 0)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another instance starting at the same moment added them first (one row per text and
                    // language is unique): they are there, which is all that start-up needs.
                    db.ChangeTracker.Clear();
                }
            }

            return national[0];
        }

        var version = Build(clock.GetUtcNow().UtcDateTime);
        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    private static Question Choice(int order, string code, string text, params (string Code, string Label)[] options) => new()
    {
        Order = order,
        Code = code,
        Text = text,
        Kind = QuestionKind.SingleChoice,
        IsRequired = true,
        Options = options.Select((o, i) => new QuestionOption { Code = o.Code, Label = o.Label, Order = i + 1 }).ToList(),
    };

    private static Question Scale(int order, string code, string text) => new()
    {
        Order = order,
        Code = code,
        Text = text,
        Kind = QuestionKind.SatisfactionScale,
        IsRequired = true,
        Options = ScaleOptions.Select((o, i) => new QuestionOption { Code = o.Code, Label = o.Label, Score = o.Score, Order = i + 1 }).ToList(),
    };
}
