using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.Surveys;

namespace VoixUsager.Web.Pages.Avis;

public class MerciModel(PublicSurveyLookup lookup) : PageModel
{
    public PublicSite Site { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] string siteCode, CancellationToken cancellationToken)
    {
        var site = await lookup.FindSiteAsync(siteCode, cancellationToken);
        if (site is null)
        {
            return NotFound();
        }

        Site = site;
        return Page();
    }
}
