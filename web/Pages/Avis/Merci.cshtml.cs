using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.Surveys;

namespace VoixUsager.Web.Pages.Avis;

/// <summary>
/// The thank-you page, in the language the usager answered in when the interface is written in it;
/// in French otherwise (it holds no question, only the interface's words).
/// </summary>
public class MerciModel(PublicSurveyLookup lookup) : PageModel
{
    public PublicSite Site { get; private set; } = null!;

    public SurveyTexts Texts { get; private set; } = SurveyTexts.French;

    public async Task<IActionResult> OnGetAsync([FromRoute] string siteCode, [FromQuery(Name = IndexModel.LanguageField)] string? langue, CancellationToken cancellationToken)
    {
        var site = await lookup.FindSiteAsync(siteCode, cancellationToken);
        if (site is null)
        {
            return NotFound();
        }

        Site = site;
        Texts = SurveyTexts.For(VoixUsager.Questionnaires.QuestionnaireLanguages.Normalise(langue));
        ViewData[Shared.PageLanguage.ViewDataKey] = Texts.Language;
        return Page();
    }
}
