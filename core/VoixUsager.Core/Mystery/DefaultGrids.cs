using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Mystery;

/// <summary>The national mystery-call and mystery-email grids, from the criteria seen in CLU reports.</summary>
public static class DefaultGrids
{
    public const string CallKey = "appel-mystere";
    public const string EmailKey = "courriel-mystere";

    /// <summary>The call grid's criterion whose value is also kept on the record as rings before pickup.</summary>
    public const string RingsCode = "sonneries";

    public static GridVersion Call(DateTime createdAtUtc) => new()
    {
        Key = CallKey,
        VersionNumber = 1,
        Channel = MysteryChannel.Appel,
        Title = "Grille d'appel mystère",
        CreatedAtUtc = createdAtUtc,
        Criteria = Numbered(
        [
            Criterion("Accueil", RingsCode, "Nombre de sonneries avant le décroché", CriterionKind.Nombre, 1,
                "Comptez les sonneries jusqu'à la réponse d'une personne ou d'un serveur vocal.", maxCompliant: 5),
            Criterion("Accueil", "formule-standard", "Le standard utilise la formule d'accueil (« Préfecture de …, bonjour »)", CriterionKind.OuiNon, 2),
            Criterion("Accueil", "service-se-presente", "Le service qui répond se présente (nom du service, puis « bonjour »)", CriterionKind.OuiNon, 2),
            Criterion("Orientation", "transfert-annonce", "En cas de transfert, le nom du service vers lequel l'appel est transféré est annoncé", CriterionKind.OuiNon, 1,
                "« Sans objet » si l'appel n'a pas été transféré."),
            Criterion("Orientation", "transfert-abouti", "Le transfert aboutit", CriterionKind.OuiNon, 2, "« Sans objet » si l'appel n'a pas été transféré."),
            Criterion("Orientation", "orientation-sites-officiels", "Pour une question générale, l'usager est orienté vers les sites officiels", CriterionKind.OuiNon, 1),
            Criterion("Information", "information-exacte", "L'information de premier niveau est exacte", CriterionKind.OuiNon, 3),
            Criterion("Information", "information-complete", "L'information de premier niveau est complète", CriterionKind.OuiNon, 2),
            Criterion("Information", "courtoisie", "Courtoisie de l'interlocuteur", CriterionKind.Echelle4, 2),
            Criterion("Prise de congé", "prise-de-conge", "Prise de congé courtoise", CriterionKind.OuiNon, 1),
        ]),
    };

    public static GridVersion Email(DateTime createdAtUtc) => new()
    {
        Key = EmailKey,
        VersionNumber = 1,
        Channel = MysteryChannel.Courriel,
        Title = "Grille de courriel mystère",
        CreatedAtUtc = createdAtUtc,
        Criteria = Numbered(
        [
            Criterion("Accusé de réception", "accuse-reception", "Un accusé de réception automatique est reçu", CriterionKind.OuiNon, 1),
            Criterion("Accusé de réception", "accuse-service-delais", "L'accusé de réception mentionne le service et les délais de traitement", CriterionKind.OuiNon, 1),
            Criterion("Délai", "delai-annonce-respecte", "Le délai annoncé dans l'accusé de réception est respecté", CriterionKind.OuiNon, 1,
                "Le délai en jours ouvrés est calculé à partir des dates saisies ; ce critère porte sur l'engagement annoncé."),
            Criterion("Contenu", "reponse-precise", "La réponse est précise, sans formulation vague", CriterionKind.OuiNon, 3),
            Criterion("Contenu", "liens-complets", "Les liens sont donnés en entier", CriterionKind.OuiNon, 1),
            Criterion("Contenu", "pieces-jointes-mentionnees", "Les pièces jointes sont mentionnées dans le corps du message", CriterionKind.OuiNon, 1),
            Criterion("Contenu", "formulaire-joint", "Le formulaire nécessaire est joint ou indiqué par un lien", CriterionKind.OuiNon, 1),
            Criterion("Forme", "signature-complete", "Signature avec le nom du service, l'adresse postale et le téléphone de la préfecture", CriterionKind.OuiNon, 1,
                "Le nom du service seul est admis si l'anonymat est souhaité."),
            Criterion("Forme", "orthographe", "Orthographe, grammaire et ponctuation", CriterionKind.Echelle4, 1),
            Criterion("Forme", "formule-politesse", "Formule de politesse", CriterionKind.OuiNon, 1),
        ]),
    };

    /// <summary>Creates version 1 of each grid that the database does not have yet.</summary>
    public static async Task EnsureCreatedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var existing = await db.GridVersions.Select(g => g.Key).Distinct().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!existing.Contains(CallKey))
        {
            db.GridVersions.Add(Call(now));
        }

        if (!existing.Contains(EmailKey))
        {
            db.GridVersions.Add(Email(now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<GridCriterion> Numbered(List<GridCriterion> criteria)
    {
        for (var i = 0; i < criteria.Count; i++)
        {
            criteria[i].Order = i + 1;
        }

        return criteria;
    }

    private static GridCriterion Criterion(string group, string code, string label, CriterionKind kind, int weight, string? help = null, int? maxCompliant = null) => new()
    {
        Group = group,
        Code = code,
        Label = label,
        Kind = kind,
        Weight = weight,
        HelpText = help,
        MaxCompliant = maxCompliant,
    };
}
