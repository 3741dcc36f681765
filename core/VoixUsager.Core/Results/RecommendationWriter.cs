using VoixUsager.Results.Statistics;

namespace VoixUsager.Results;

/// <summary>How often one mystery-grid criterion was met, over the records where it applied.</summary>
/// <param name="Recommendation">The wording entered with the criterion, preferred to the built-in one.</param>
public sealed record CriterionCompliance(string Code, string Group, string Label, Proportion Compliance, string? Recommendation = null);

/// <param name="Strengths">Best compliance first.</param>
/// <param name="Recommendations">Worst compliance first: the first line is the most urgent.</param>
/// <param name="ToConfirm">
/// Criteria that would be a strength or a weakness but were observed too few times to say so: "à confirmer".
/// </param>
public sealed record RecommendationSet(IReadOnlyList<string> Strengths, IReadOnlyList<string> Recommendations, IReadOnlyList<string> ToConfirm);

/// <summary>
/// Writes the "points forts" and "axes d'amélioration" of a mystery-campaign report from criterion
/// compliance. A criterion's recommendation comes from the wording entered with it in the grid; criteria
/// of the national grids without one get a built-in sentence; others fall back on their label.
/// </summary>
public static class RecommendationWriter
{
    public const double DefaultStrengthAt = 0.8;
    public const double DefaultRecommendAt = 0.6;

    /// <summary>Below this many observations a criterion is neither a strength nor a weakness, only "à confirmer".</summary>
    public const int DefaultMinimumObservations = 10;

    /// <summary>What the percentage counts, and the two sentences for one known criterion.</summary>
    /// <param name="Unit">The plural noun the rate is over, e.g. "appels transférés".</param>
    /// <param name="Recommendation">An instruction, without the figures.</param>
    /// <param name="Strength">What is done well, written to be followed by "dans 92 % des …".</param>
    private sealed record Wording(string Unit, string Recommendation, string Strength);

    private const string Calls = "appels";
    private const string TransferredCalls = "appels transférés";
    private const string Emails = "courriels";

    // Units follow what each criterion's rate is over: transfer criteria are "sans objet" when the call
    // was not transferred, so their rate is over transferred calls, not all calls.
    // A switch rather than a static dictionary: a method is evaluated on each call, so a changed wording is
    // seen by every test run of the same process (a static table is built once per process).
    private static Wording? WordingOf(string code) => code switch
    {
        // Call grid.
        "sonneries" => new(Calls,
            "Décrocher plus rapidement, dans le nombre de sonneries fixé par la grille, par exemple en renforçant le standard aux heures d'affluence",
            "l'appel est décroché dans le nombre de sonneries attendu"),
        "formule-standard" => new(Calls,
            "Utiliser systématiquement au standard la formule d'accueil « Préfecture de …, bonjour »",
            "la formule d'accueil du standard est utilisée"),
        "service-se-presente" => new(Calls,
            "Demander à chaque service de se présenter en décrochant : nom du service, puis « bonjour »",
            "le service qui répond se présente"),
        "transfert-annonce" => new(TransferredCalls,
            "Bien préciser le nom du service vers lequel l'appel est transféré",
            "le nom du service est annoncé avant le transfert"),
        "transfert-abouti" => new(TransferredCalls,
            "Vérifier que les transferts aboutissent et, quand le service ne répond pas, proposer un rappel ou un autre contact plutôt que de laisser sonner",
            "le transfert aboutit"),
        "orientation-sites-officiels" => new(Calls,
            "Orienter les usagers vers les sites officiels (site de la préfecture, sites nationaux des démarches) pour les questions générales",
            "l'usager est orienté vers les sites officiels pour les questions générales"),
        "information-exacte" => new(Calls,
            "Fiabiliser l'information donnée au téléphone en tenant à jour une fiche de réponses aux questions fréquentes, partagée entre le standard et les services",
            "l'information donnée est exacte"),
        "information-complete" => new(Calls,
            "Donner une information complète : démarche à suivre, pièces à fournir et délais",
            "l'information donnée est complète"),
        "courtoisie" => new(Calls,
            "Rappeler aux équipes les attendus de courtoisie au téléphone : ton, écoute, reformulation de la demande",
            "l'interlocuteur est courtois"),
        "prise-de-conge" => new(Calls,
            "Conclure chaque appel par une prise de congé courtoise, en vérifiant que l'usager a obtenu sa réponse",
            "la prise de congé est courtoise"),

        // E-mail grid.
        "accuse-reception" => new(Emails,
            "Mettre en place un accusé de réception automatique sur chaque boîte fonctionnelle",
            "un accusé de réception automatique est envoyé"),
        "accuse-service-delais" => new(Emails,
            "Indiquer dans l'accusé de réception le nom du service et le délai de traitement annoncé",
            "l'accusé de réception mentionne le service et les délais"),
        "delai-annonce-respecte" => new(Emails,
            "Respecter le délai de réponse annoncé dans l'accusé de réception, ou annoncer un délai réaliste",
            "le délai annoncé est respecté"),
        "reponse-precise" => new(Emails,
            "Répondre précisément à la question posée, sans formulation vague ni renvoi général",
            "la réponse est précise"),
        "liens-complets" => new(Emails,
            "Donner les liens en entier dans les réponses, plutôt qu'un simple renvoi vers un site",
            "les liens sont donnés en entier"),
        "pieces-jointes-mentionnees" => new(Emails,
            "Mentionner dans le corps du message chaque pièce jointe envoyée",
            "les pièces jointes sont mentionnées dans le message"),
        "formulaire-joint" => new(Emails,
            "Joindre le formulaire nécessaire à la démarche ou donner le lien pour le télécharger",
            "le formulaire nécessaire est joint ou indiqué par un lien"),
        "signature-complete" => new(Emails,
            "Signer chaque réponse avec le nom du service, l'adresse postale et le téléphone de la préfecture",
            "la signature est complète"),
        "orthographe" => new(Emails,
            "Relire chaque réponse avant l'envoi, avec un correcteur orthographique, pour soigner orthographe, grammaire et ponctuation",
            "l'orthographe, la grammaire et la ponctuation sont soignées"),
        "formule-politesse" => new(Emails,
            "Terminer chaque réponse par une formule de politesse",
            "une formule de politesse est présente"),
        _ => null,
    };

    /// <summary>The built-in recommendation of a national criterion, or null: shown where a grid is edited.</summary>
    public static string? BuiltInRecommendation(string code) => WordingOf(code)?.Recommendation;

    /// <param name="criteria">Compliance per criterion; criteria with no applicable record are skipped.</param>
    /// <param name="strengthAt">A criterion met in at least this share of cases is a strength.</param>
    /// <param name="recommendAt">A criterion met in at most this share of cases gets a recommendation.</param>
    /// <param name="minimumObservations">
    /// Fewer observations than this make a would-be strength or weakness "à confirmer": one email answered
    /// well is not a strength.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The thresholds are outside [0, 1], or <paramref name="recommendAt"/> is not below <paramref name="strengthAt"/>,
    /// which would make one criterion both a strength and a weakness.
    /// </exception>
    public static RecommendationSet Write(
        IReadOnlyList<CriterionCompliance> criteria,
        double strengthAt = DefaultStrengthAt,
        double recommendAt = DefaultRecommendAt,
        int minimumObservations = DefaultMinimumObservations)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (strengthAt is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(strengthAt), strengthAt, "Le seuil doit être compris entre 0 et 1.");
        }

        if (recommendAt is not (>= 0 and <= 1) || recommendAt >= strengthAt)
        {
            throw new ArgumentOutOfRangeException(nameof(recommendAt), recommendAt,
                "Le seuil des recommandations doit être compris entre 0 et 1 et inférieur à celui des points forts.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minimumObservations, 1);
        var measured = criteria.Where(c => c.Compliance.Total >= minimumObservations).ToList();
        var tooFew = criteria.Where(c => c.Compliance.Total > 0 && c.Compliance.Total < minimumObservations)
            .Where(c => c.Compliance.Rate >= strengthAt || c.Compliance.Rate <= recommendAt)
            .OrderBy(c => c.Compliance.Rate)
            .ThenByDescending(c => c.Compliance.Total)
            .Select(c => ToConfirmSentence(c, minimumObservations))
            .ToList();

        // Among equal rates, the better-supported figure comes first; then the grid's own order (stable sort).
        var strengths = measured
            .Where(c => c.Compliance.Rate >= strengthAt)
            .OrderByDescending(c => c.Compliance.Rate)
            .ThenByDescending(c => c.Compliance.Total)
            .Select(StrengthSentence)
            .ToList();
        var recommendations = measured
            .Where(c => c.Compliance.Rate <= recommendAt)
            .OrderBy(c => c.Compliance.Rate)
            .ThenByDescending(c => c.Compliance.Total)
            .Select(RecommendationSentence)
            .ToList();
        return new RecommendationSet(strengths, recommendations, tooFew);
    }

    private static string ToConfirmSentence(CriterionCompliance criterion, int minimumObservations)
    {
        var percent = FrenchFormat.Percent(criterion.Compliance, 0);
        var total = FrenchFormat.Count(criterion.Compliance.Total);
        return $"À confirmer : « {criterion.Label} » (conforme dans {percent} des cas, n = {total} : moins de {FrenchFormat.Count(minimumObservations)} observations).";
    }

    private static string StrengthSentence(CriterionCompliance criterion)
    {
        var percent = FrenchFormat.Percent(criterion.Compliance, 0);
        var total = FrenchFormat.Count(criterion.Compliance.Total);
        if (WordingOf(criterion.Code) is not { } wording)
        {
            var indicative = criterion.Compliance.IsIndicative ? $", indicatif, n = {total}" : string.Empty;
            return $"Point fort : « {criterion.Label} » (conforme dans {percent} des cas{indicative}).";
        }

        var sentence = $"Point fort : {wording.Strength} dans {percent} des {wording.Unit}";
        return criterion.Compliance.IsIndicative ? $"{sentence} (indicatif, n = {total})." : sentence + ".";
    }

    private static string RecommendationSentence(CriterionCompliance criterion)
    {
        var percent = FrenchFormat.Percent(criterion.Compliance, 0);
        var wording = WordingOf(criterion.Code);
        var known = wording is not null;
        var (action, unit) = criterion.Recommendation is { Length: > 0 } entered
            ? (entered.TrimEnd('.', ' '), known ? wording!.Unit : "cas")
            : known
            ? (wording!.Recommendation, wording.Unit)
            : ($"Améliorer : « {criterion.Label} »", "cas");
        var indicative = criterion.Compliance.IsIndicative
            ? $", indicatif, n = {FrenchFormat.Count(criterion.Compliance.Total)}"
            : string.Empty;
        return $"{action} (conforme dans {percent} des {unit}{indicative}).";
    }
}
