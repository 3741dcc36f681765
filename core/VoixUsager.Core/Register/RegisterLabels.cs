namespace VoixUsager.Register;

/// <summary>The French words of the register, in one place for the form, the pages, the email and the workbook.</summary>
public static class RegisterLabels
{
    public static string Kind(CaseKind kind) => kind switch
    {
        CaseKind.Suggestion => "Suggestion",
        CaseKind.Reclamation => "Réclamation",
        _ => kind.ToString(),
    };

    public static string Subject(CaseSubject subject) => subject switch
    {
        CaseSubject.AccueilPhysique => "Accueil physique",
        CaseSubject.Attente => "Temps d’attente",
        CaseSubject.Telephone => "Téléphone",
        CaseSubject.Courriels => "Courriels",
        CaseSubject.SiteInternet => "Site internet",
        CaseSubject.PointAccueilNumerique => "Point d’accueil numérique (PAN)",
        CaseSubject.Signaletique => "Signalétique",
        CaseSubject.Autre => "Autre",
        _ => subject.ToString(),
    };

    public static string Channel(CaseChannel channel) => channel switch
    {
        CaseChannel.FormulaireEnLigne => "Formulaire en ligne",
        CaseChannel.FicheUrne => "Fiche déposée dans l’urne",
        CaseChannel.Courrier => "Courrier",
        CaseChannel.Courriel => "Courriel",
        CaseChannel.Telephone => "Téléphone",
        _ => channel.ToString(),
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Recue => "Reçue",
        CaseStatus.AccuseeReception => "Accusé de réception envoyé",
        CaseStatus.Repondue => "Répondue",
        CaseStatus.CloseSansReponse => "Close sans réponse",
        _ => status.ToString(),
    };

    public static string Answer(AnswerMode mode) => mode switch
    {
        AnswerMode.Courriel => "par courriel",
        AnswerMode.Courrier => "par courrier",
        _ => mode.ToString(),
    };

    /// <summary>What replaces contact details everywhere but on the case page itself.</summary>
    public const string MaskedContact = "Coordonnées masquées";
}
