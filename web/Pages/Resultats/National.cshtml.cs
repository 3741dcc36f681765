using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VoixUsager.Results;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>Every préfecture at a glance, for national administrators.</summary>
[Authorize(Policy = Policies.Administrateur)]
public class NationalModel(SurveyResultsService results) : PageModel
{
    public IReadOnlyList<SurveyResultsService.NationalRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Vue nationale";
        Rows = await results.NationalOverviewAsync(null, null, cancellationToken);
    }
}
