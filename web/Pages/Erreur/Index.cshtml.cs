using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace VoixUsager.Web.Pages.Erreur;

/// <summary>
/// Every error status ends here: people get a French page, machines that ask for JSON get a problem
/// description with the same words.
/// </summary>
[IgnoreAntiforgeryToken]
public class IndexModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    // No bound parameters: binding would read the request body, which may be the malformed one that
    // brought us here.
    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    private IActionResult Render()
    {
        _ = int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code);
        // Reached directly rather than re-executed for a real error: there is no error to show.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = reExecuted && code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        // An exception's status was chosen by the exception handler (503 for an outage, 413, 400...).
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null && Response.StatusCode is >= 400 and <= 599)
        {
            Code = Response.StatusCode;
        }

        (Title, Detail) = Describe(Code);
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = Hosting.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (WantsJson())
        {
            return new ObjectResult(new ProblemDetails { Status = Code, Title = Title, Detail = Detail })
            {
                StatusCode = Code,
                ContentTypes = { "application/problem+json" },
            };
        }

        return Page();
    }

    private bool WantsJson()
    {
        var accept = Request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return false;
        }

        var json = accept.Where(a => a.MediaType.Value is "application/json" or "application/problem+json").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = accept.Where(a => a.MediaType.Value is "text/html").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return json > 0 && json >= html;
    }

    public static (string Title, string Detail) Describe(int code) => code switch
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
    };
}
