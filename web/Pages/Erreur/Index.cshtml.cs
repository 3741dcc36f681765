using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Web.Pages.Erreur;

/// <summary>
/// Every error status ends here: people get a French page (English on the public survey's addresses
/// when the usager chose it), machines that ask for JSON get a problem description with the same words.
/// </summary>
[IgnoreAntiforgeryToken]
public class IndexModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public SurveyTexts Texts { get; private set; } = SurveyTexts.French;

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

        Texts = TextsForRequest();
        ViewData[Shared.PageLanguage.ViewDataKey] = Texts.Language;
        (Title, Detail) = Texts.ErrorPage(Code);
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

    /// <summary>
    /// The words of the page: on the public survey's addresses, in the language the usager chose there
    /// (<c>?langue=</c>, as the thank-you page follows it) when the interface is written in it; French
    /// everywhere else. The re-executed request has lost its query string: the original one is read.
    /// </summary>
    private SurveyTexts TextsForRequest()
    {
        string? path;
        string? query;
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } status)
        {
            (path, query) = (status.OriginalPath, status.OriginalQueryString);
        }
        else if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            (path, query) = (failure.Path, Request.QueryString.Value);
        }
        else
        {
            return SurveyTexts.French;
        }

        if (path is null || !(path.Equals(SurveyPath, StringComparison.OrdinalIgnoreCase) || path.StartsWith(SurveyPath + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return SurveyTexts.French;
        }

        var langue = QueryHelpers.ParseQuery(query).TryGetValue(Avis.IndexModel.LanguageField, out var values) ? values.FirstOrDefault() : null;
        return SurveyTexts.For(QuestionnaireLanguages.Normalise(langue));
    }

    /// <summary>Where the public survey's pages live (<c>/avis/{siteCode}</c> and below).</summary>
    private const string SurveyPath = "/avis";
}
