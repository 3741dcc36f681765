using System.Globalization;

namespace VoixUsager.Surveys;

/// <summary>
/// The words of the public survey's pages around the questions (introduction, button, errors, thank-you,
/// closed and retired pages, and the error pages reached from the survey), in each language the
/// interface is written in. The questions themselves
/// come from the questionnaire version, which may carry more languages than these: for such a language
/// the questions are translated and these words stay French, marked as French for screen readers.
/// </summary>
public sealed record SurveyTexts
{
    /// <summary>The language these words are in.</summary>
    public required string Language { get; init; }

    public required CultureInfo Culture { get; init; }

    public required string LanguagesLabel { get; init; }
    public required Func<int, string> Intro { get; init; }
    public required string Anonymous { get; init; }
    public required string AllRequired { get; init; }
    public required string Optional { get; init; }
    public required string InFrench { get; init; }
    public required Func<int, string> MaxCharacters { get; init; }
    public required string Submit { get; init; }
    public required string ErrorTitlePrefix { get; init; }
    public required Func<int, string> ErrorSummary { get; init; }
    public required Func<int, string, string> ErrorItem { get; init; }
    public required string FormNotIdentified { get; init; }
    public required string MissingChoice { get; init; }
    public required string UnknownChoice { get; init; }
    public required string MissingText { get; init; }
    public required string MissingTicks { get; init; }
    public required string QuestionnaireChanged { get; init; }
    public required string MultipleChoiceHint { get; init; }
    public required string ZeroToTenHint { get; init; }
    public required string ZeroToTenLow { get; init; }
    public required string ZeroToTenHigh { get; init; }
    public required string DuplicateTick { get; init; }
    public required string MissingScore { get; init; }
    public required string UnknownScore { get; init; }
    public required Func<int, int, string> TextTooLong { get; init; }
    public required string UnavailableTitle { get; init; }
    public required string UnavailableText { get; init; }
    public required string ClosedTitle { get; init; }
    public required Func<string, string> ClosedIntro { get; init; }
    public required Func<string, string> NextOpening { get; init; }
    public required string NextOpeningUnknown { get; init; }
    public required string NotStored { get; init; }
    public required string RetiredPageTitle { get; init; }
    public required string RetiredTitle { get; init; }
    public required Func<string, string, string, string> RetiredIntro { get; init; }
    public required string WhereToGo { get; init; }
    public required Func<string, string> OtherSitesTitle { get; init; }
    public required string OtherSiteLink { get; init; }
    public required string ThanksTitle { get; init; }
    public required string ThanksStored { get; init; }
    public required Func<string, string> ThanksWhoReads { get; init; }
    public required string ThanksClose { get; init; }
    public required string HomeLink { get; init; }

    /// <summary>The title and explanation of the error page for an HTTP status (the public survey's, and every page's in French).</summary>
    public required Func<int, (string Title, string Detail)> ErrorPage { get; init; }

    /// <summary>The line under the error page's title that names the status ("Erreur 404").</summary>
    public required Func<int, string> ErrorCode { get; init; }

    private static readonly CultureInfo FrenchCulture = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static readonly SurveyTexts French = new()
    {
        Language = Questionnaires.QuestionnaireLanguages.French,
        Culture = FrenchCulture,
        LanguagesLabel = "Langue",
        Intro = count => $"Aidez-nous à améliorer l’accueil : {count} questions, moins d’une minute.",
        Anonymous = "Vos réponses sont anonymes.",
        AllRequired = "Sauf mention contraire, toutes les questions sont obligatoires.",
        Optional = " (facultatif)",
        InFrench = "Question en français",
        MaxCharacters = max => string.Create(FrenchCulture, $"{max:N0} caractères au maximum."),
        Submit = "Envoyer mon avis",
        ErrorTitlePrefix = "Erreur : ",
        ErrorSummary = count => count == 1 ? "Le formulaire contient une erreur" : $"Le formulaire contient {count} erreurs",
        ErrorItem = (order, message) => $"Question {order} : {message}",
        FormNotIdentified = "Le formulaire envoyé n’a pas pu être identifié. Vérifiez vos réponses, puis envoyez-les de nouveau.",
        MissingChoice = "Veuillez choisir une réponse.",
        UnknownChoice = "La réponse envoyée ne fait pas partie des choix proposés : veuillez choisir une réponse dans la liste.",
        MissingText = "Veuillez répondre à cette question.",
        MissingTicks = "Veuillez cocher au moins une réponse.",
        MultipleChoiceHint = "Plusieurs réponses possibles.",
        ZeroToTenHint = "Choisissez une note de 0 à 10 : 0 = pas du tout, 10 = tout à fait.",
        ZeroToTenLow = "0 : pas du tout",
        ZeroToTenHigh = "10 : tout à fait",
        QuestionnaireChanged = "Le questionnaire de ce site vient de changer : vos réponses n’ont pas été enregistrées. Merci de répondre au questionnaire ci-dessous.",
        DuplicateTick = "Une même réponse a été envoyée plusieurs fois : veuillez cocher chaque réponse une seule fois.",
        MissingScore = "Veuillez choisir une note de 0 à 10.",
        UnknownScore = "La note envoyée ne fait pas partie des notes proposées : veuillez choisir une note de 0 à 10.",
        TextTooLong = (max, actual) => string.Create(FrenchCulture, $"Votre texte compte {actual:N0} caractères : il ne doit pas dépasser {max:N0} caractères. Veuillez le raccourcir."),
        UnavailableTitle = "Service momentanément indisponible",
        UnavailableText = "Vos réponses n’ont pas pu être enregistrées pour le moment. Elles sont conservées ci-dessous, telles que vous les avez saisies : réessayez dans quelques minutes en cliquant de nouveau sur le bouton d’envoi.",
        ClosedTitle = "L’enquête de satisfaction est fermée",
        ClosedIntro = prefecture => $"Merci de votre intérêt. L’enquête de satisfaction de la {prefecture} n’est pas ouverte en ce moment.",
        NextOpening = date => $"La prochaine enquête ouvrira le {date}.",
        NextOpeningUnknown = "La date de la prochaine enquête n’est pas encore connue.",
        NotStored = "Vos réponses n’ont pas été enregistrées.",
        RetiredPageTitle = "Site fermé",
        RetiredTitle = "Ce site est fermé",
        RetiredIntro = (site, prefecture, date) => $"Le site « {site} » de la {prefecture} a fermé le {date}. Son enquête de satisfaction n’est plus ouverte et vos réponses ne peuvent plus y être enregistrées.",
        WhereToGo = "Où vous adresser",
        OtherSitesTitle = prefecture => $"Les autres sites de la {prefecture}",
        OtherSiteLink = "donner votre avis sur l’accueil de ce site",
        ThanksTitle = "Merci pour votre avis",
        ThanksStored = "Vos réponses ont bien été enregistrées, de façon anonyme.",
        ThanksWhoReads = prefecture => $"Elles sont lues par l’équipe qualité de la {prefecture} et présentées, avec l’ensemble des avis recueillis, au comité local des usagers.",
        ThanksClose = "Vous pouvez maintenant fermer cette page.",
        HomeLink = "Page d’accueil",
        ErrorPage = code => code switch
        {
            400 => ("Requête incorrecte", "Les données envoyées sont illisibles ou incomplètes. Rien n’a été enregistré. Revenez à la page précédente et réessayez."),
            403 => ("Accès refusé", "Vous n’avez pas les droits nécessaires pour accéder à cette page."),
            404 => ("Page non trouvée", "La page que vous cherchez est introuvable. Vérifiez l’adresse saisie ou le lien du QR code ; l’adresse a peut-être changé."),
            405 => ("Méthode non autorisée", "Cette page ne peut pas être utilisée de cette façon."),
            409 => ("Conflit", "L’opération n’a pas pu aboutir en raison de l’état actuel des données. Rien n’a été enregistré."),
            413 => ("Envoi trop volumineux", "Les données envoyées dépassent la taille autorisée. Rien n’a été enregistré : raccourcissez votre texte et réessayez."),
            415 => ("Format non pris en charge", "Les données doivent être envoyées depuis le formulaire. Rien n’a été enregistré."),
            429 => ("Trop de demandes", "Vous avez envoyé trop de réponses en peu de temps. Rien n’a été enregistré. Patientez une minute avant de réessayer."),
            503 => ("Service momentanément indisponible", "Le service ne peut pas répondre pour le moment. Ce qui était déjà enregistré est conservé ; si vous veniez d’envoyer un formulaire, il n’a pas été enregistré. Réessayez dans quelques minutes."),
            >= 500 => ("Erreur inattendue", "Désolé, le service rencontre un problème. Rien n’a été enregistré. Réessayez dans quelques instants."),
            _ => ("Erreur", "La demande n’a pas pu aboutir. Rien n’a été enregistré."),
        },
        ErrorCode = code => string.Create(FrenchCulture, $"Erreur {code}"),
    };

    public static readonly SurveyTexts English = new()
    {
        Language = "en",
        Culture = EnglishCulture,
        LanguagesLabel = "Language",
        Intro = count => $"Help us improve how we welcome you: {count} questions, less than a minute.",
        Anonymous = "Your answers are anonymous.",
        AllRequired = "All questions must be answered unless marked otherwise.",
        Optional = " (optional)",
        InFrench = "Question in French",
        MaxCharacters = max => string.Create(EnglishCulture, $"{max:N0} characters at most."),
        Submit = "Send my feedback",
        ErrorTitlePrefix = "Error: ",
        ErrorSummary = count => count == 1 ? "There is a problem with the form" : $"There are {count} problems with the form",
        ErrorItem = (order, message) => $"Question {order}: {message}",
        FormNotIdentified = "The form you sent could not be identified. Please check your answers, then send them again.",
        MissingChoice = "Please choose an answer.",
        UnknownChoice = "The answer sent is not one of the choices offered: please choose an answer from the list.",
        MissingText = "Please answer this question.",
        MissingTicks = "Please tick at least one answer.",
        MultipleChoiceHint = "You may choose more than one answer.",
        ZeroToTenHint = "Choose a score from 0 to 10: 0 = not at all, 10 = completely.",
        ZeroToTenLow = "0: not at all",
        ZeroToTenHigh = "10: completely",
        QuestionnaireChanged = "The questionnaire of this site has just changed: your answers were not saved. Please answer the questionnaire below.",
        DuplicateTick = "The same answer was sent more than once: please tick each answer only once.",
        MissingScore = "Please choose a score from 0 to 10.",
        UnknownScore = "The score sent is not one of the scores offered: please choose a score from 0 to 10.",
        TextTooLong = (max, actual) => string.Create(EnglishCulture, $"Your text has {actual:N0} characters: it must not be longer than {max:N0} characters. Please shorten it."),
        UnavailableTitle = "Service temporarily unavailable",
        UnavailableText = "Your answers could not be saved right now. They are kept below, just as you typed them: please try again in a few minutes by pressing the send button again.",
        ClosedTitle = "The satisfaction survey is closed",
        ClosedIntro = prefecture => $"Thank you for your interest. The satisfaction survey of the {prefecture} is not open at the moment.",
        NextOpening = date => $"The next survey will open on {date}.",
        NextOpeningUnknown = "The date of the next survey is not known yet.",
        NotStored = "Your answers have not been saved.",
        RetiredPageTitle = "Office closed",
        RetiredTitle = "This office is closed",
        RetiredIntro = (site, prefecture, date) => $"The office “{site}” of the {prefecture} closed on {date}. Its satisfaction survey is no longer open and your answers can no longer be saved.",
        WhereToGo = "Where to go",
        OtherSitesTitle = prefecture => $"Other offices of the {prefecture}",
        OtherSiteLink = "give your feedback on this office",
        ThanksTitle = "Thank you for your feedback",
        ThanksStored = "Your answers have been saved, anonymously.",
        ThanksWhoReads = prefecture => $"They are read by the quality team of the {prefecture} and presented, with all the feedback received, to the local users’ committee.",
        ThanksClose = "You can now close this page.",
        HomeLink = "Home page",
        ErrorPage = code => code switch
        {
            400 => ("Bad request", "The data sent could not be read or is incomplete. Nothing was saved. Go back to the previous page and try again."),
            403 => ("Access denied", "You do not have the rights needed to see this page."),
            404 => ("Page not found", "The page you are looking for cannot be found. Check the address you typed or the QR code’s link; the address may have changed."),
            405 => ("Method not allowed", "This page cannot be used this way."),
            409 => ("Conflict", "The operation could not be completed because of the current state of the data. Nothing was saved."),
            413 => ("Too much data sent", "The data sent is larger than allowed. Nothing was saved: shorten your text and try again."),
            415 => ("Unsupported format", "The data must be sent from the form. Nothing was saved."),
            429 => ("Too many requests", "You have sent too many answers in a short time. Nothing was saved. Please wait a minute before trying again."),
            503 => ("Service temporarily unavailable", "The service cannot answer right now. What was already saved is kept; if you had just sent a form, it was not saved. Please try again in a few minutes."),
            >= 500 => ("Unexpected error", "Sorry, the service has a problem. Nothing was saved. Please try again in a moment."),
            _ => ("Error", "The request could not be completed. Nothing was saved."),
        },
        ErrorCode = code => string.Create(EnglishCulture, $"Error {code}"),
    };

    private static readonly Dictionary<string, SurveyTexts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        [French.Language] = French,
        [English.Language] = English,
    };

    /// <summary>The words in <paramref name="language"/> or in its base language ("en" for "en-gb"); French when the interface is not written in it.</summary>
    public static SurveyTexts For(string? language)
    {
        if (language is null)
        {
            return French;
        }

        return ByLanguage.TryGetValue(language, out var texts) || ByLanguage.TryGetValue(language.Split('-')[0], out texts) ? texts : French;
    }

    /// <summary>Whether the interface is written in <paramref name="language"/> (or its base language).</summary>
    public static bool Has(string? language) =>
        language is not null && (!ReferenceEquals(For(language), French) || string.Equals(language.Split('-')[0], French.Language, StringComparison.OrdinalIgnoreCase));
}
