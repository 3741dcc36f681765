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

    public static QuestionnaireVersion Build(DateTime createdAtUtc) => new()
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

    /// <summary>Creates version 1 if the database has no version of the default questionnaire yet.</summary>
    public static async Task<QuestionnaireVersion> EnsureCreatedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var existing = await db.QuestionnaireVersions
            .Where(v => v.Key == Key && v.PrefectureId == null)
            .OrderByDescending(v => v.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
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
