using System.Globalization;
using System.Text.RegularExpressions;

namespace VoixUsager.Auditing;

/// <summary>
/// What the audit log's codes mean, in French for the people who read the log. Entries keep their
/// stable codes; only the reading is translated, so renaming a label rewrites no history.
/// </summary>
public static partial class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["appel.brouillon"] = "Fiche d’appel mystère enregistrée en brouillon",
        ["appel.soumis"] = "Fiche d’appel mystère soumise",
        ["appel.corrige"] = "Fiche d’appel mystère corrigée",
        ["courriel.brouillon"] = "Fiche de courriel mystère enregistrée en brouillon",
        ["courriel.soumis"] = "Fiche de courriel mystère soumise",
        ["courriel.corrige"] = "Fiche de courriel mystère corrigée",
        ["campagne-mystere.creee"] = "Campagne d’enquêtes mystères créée",
        ["campagne-mystere.close"] = "Campagne d’enquêtes mystères close",
        ["campagne-mystere.modifiee"] = "Campagne d’enquêtes mystères modifiée",
        ["campagne-mystere.rouverte"] = "Campagne d’enquêtes mystères rouverte",
        ["campagne.creee"] = "Campagne d’enquête créée",
        ["campagne.close"] = "Campagne d’enquête close",
        ["campagne.modifiee"] = "Dates d’une campagne d’enquête modifiées",
        ["campagne.prolongee"] = "Campagne d’enquête prolongée",
        ["clu.cree"] = "Comité local des usagers créé",
        ["clu.membre-ajoute"] = "Membre ajouté au comité local des usagers",
        ["clu.membre-retire"] = "Membre retiré du comité local des usagers",
        ["clu.membre-modifie"] = "Membre du comité local des usagers modifié",
        ["clu.synthese-envoyee-a-soi"] = "Synthèse du comité envoyée à son auteur pour relecture",
        ["double-authentification.activee"] = "Double authentification activée",
        ["export.mystere"] = "Export des fiches d’enquêtes mystères",
        ["export.reponses"] = "Export des réponses au questionnaire",
        ["export.resultats"] = "Export des résultats",
        ["frequentation.saisie"] = "Fréquentation d’un site saisie",
        ["grille.nouvelle-version"] = "Nouvelle version d’une grille d’enquête mystère",
        ["questionnaire.publie"] = "Nouvelle version d’un questionnaire publiée",
        ["questionnaire.sens-inchange"] = "Question reformulée déclarée de même sens : elle garde son code",
        ["indicateur.modifie"] = "Indicateur saisi ou modifié",
        ["instantane.cree"] = "Instantané des résultats enregistré",
        ["resultats.publies"] = "Résultats d’un semestre publiés sur la page publique",
        ["resultats.depublies"] = "Résultats d’un semestre retirés de la page publique",
        ["invitation.envoyee"] = "Invitation envoyée",
        ["invitation.acceptee"] = "Invitation acceptée, compte créé",
        ["mot-de-passe.change"] = "Mot de passe changé",
        ["prefecture.creee"] = "Préfecture ajoutée",
        ["prefecture.modifiee"] = "Préfecture modifiée",
        ["site.cree"] = "Site ajouté",
        ["site.modifie"] = "Site modifié",
        ["site.code-change"] = "Code public d’un site changé (l’ancien code redirige vers le nouveau)",
        ["site.retire"] = "Site fermé",
        ["site.rouvert"] = "Site rouvert",
        ["suggestion.retenue"] = "Suggestion retenue",
        ["suggestion.non-retenue"] = "Suggestion non retenue",
        ["rappel.referent"] = "Rappel envoyé à un référent",
        ["service.cree"] = "Service ajouté",
        ["service.renomme"] = "Service renommé",
        ["service.retire"] = "Service retiré",
        ["service.reactive"] = "Service rétabli",
        ["dossier.recu"] = "Suggestion ou réclamation reçue",
        ["dossier.attribue"] = "Suggestion ou réclamation confiée à un service",
        ["dossier.accuse-reception"] = "Accusé de réception d’une suggestion ou réclamation",
        ["dossier.repondu"] = "Réponse à une suggestion ou réclamation",
        ["dossier.clos"] = "Suggestion ou réclamation close sans réponse",
        ["registre.relance-hebdomadaire"] = "Liste hebdomadaire des dossiers en retard envoyée",
        ["registre.delais-modifies"] = "Délais de traitement des suggestions et réclamations modifiés",
        ["action.creee"] = "Action ajoutée au plan d’actions",
        ["action.modifiee"] = "Action du plan modifiée",
        ["action.statut"] = "Statut d’une action du plan changé",
        ["action.note"] = "Point d’avancement ajouté à une action",
        ["module.cree"] = "Module Qual-e-pref ajouté",
        ["module.modifie"] = "Module Qual-e-pref modifié",
        ["engagement.cree"] = "Engagement Qual-e-pref ajouté",
        ["engagement.modifie"] = "Engagement Qual-e-pref modifié",
        ["clu.decision-ajoutee"] = "Décision du comité local des usagers enregistrée",
    };

    private static readonly Dictionary<string, string> Elements = new(StringComparer.Ordinal)
    {
        ["SurveyCampaign"] = "Campagne d’enquête",
        ["MysteryCampaign"] = "Campagne d’enquêtes mystères",
        ["MysteryCallRecord"] = "Fiche d’appel",
        ["MysteryEmailRecord"] = "Fiche de courriel",
        ["MysteryRecord"] = "Fiches d’enquêtes mystères",
        ["CluMeeting"] = "Comité local des usagers",
        ["SurveyAnswer"] = "Suggestion",
        ["SurveyResponse"] = "Réponses au questionnaire",
        ["Results"] = "Résultats",
        ["ResultsSnapshot"] = "Instantané",
        ["ResultsPublication"] = "Publication des résultats",
        ["IndicatorValue"] = "Indicateur",
        ["SiteMonthlyVisitors"] = "Fréquentation",
        ["Prefecture"] = "Préfecture",
        ["Site"] = "Site",
        ["GridVersion"] = "Grille",
        ["QuestionnaireVersion"] = "Version de questionnaire",
        ["Invitation"] = "Invitation",
        ["AppUser"] = "Compte",
        ["OwnerService"] = "Service",
        ["RegisterCase"] = "Suggestion ou réclamation",
        ["PlanAction"] = "Action",
        ["QualModule"] = "Module",
        ["QualEngagement"] = "Engagement",
        ["CluDecision"] = "Décision du CLU",
    };

    /// <summary>The action in words; a code nobody has described yet is shown as it is rather than hidden.</summary>
    public static string Action(string code) => Actions.GetValueOrDefault(code) ?? $"Autre action ({code})";

    /// <summary>
    /// The element in words, with its number when it has one people can use (campaign n° 3). Internal
    /// identifiers (accounts, invitations) are left out: they mean nothing to a reader.
    /// </summary>
    public static string Element(string entityType, string? entityId)
    {
        var label = Elements.GetValueOrDefault(entityType) ?? entityType;
        return entityId is not null && long.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? $"{label} n° {entityId}"
            : label;
    }

    // Enum values that mystery records write into their details as they are named in code.
    private static readonly Dictionary<string, string> StoredWords = new(StringComparer.Ordinal)
    {
        ["SansObjet"] = "sans objet",
        ["PasDeReponse"] = "pas de réponse",
        ["Occupe"] = "occupé",
        ["Messagerie"] = "messagerie",
        ["Abouti"] = "abouti",
    };

    /// <summary>
    /// Mystery records describe answers as c{criterion id}=value and outcomes by their code names:
    /// names the criteria and writes the values in words instead.
    /// </summary>
    public static string Details(string details, IReadOnlyDictionary<int, string> criteria)
    {
        var named = CriterionAnswer().Replace(details, match =>
            int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && criteria.TryGetValue(id, out var label)
                ? $"{label} : "
                : match.Value);
        return StoredWord().Replace(named, match => StoredWords[match.Value]);
    }

    [GeneratedRegex(@"\b(SansObjet|PasDeReponse|Occupe|Messagerie|Abouti)\b")]
    private static partial Regex StoredWord();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])c(\d+)=")]
    private static partial Regex CriterionAnswer();
}
