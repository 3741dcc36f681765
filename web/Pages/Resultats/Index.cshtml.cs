using Microsoft.AspNetCore.Mvc;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>The survey dashboard: satisfaction per question, site and channel, compared with the previous campaign.</summary>
public class IndexModel(AppDbContext db, StaffUser staff, SurveyResultsService results, ResultsCache cache) : ResultsPageModel(db, staff)
{
    public SurveyResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Résultats de l’enquête de satisfaction";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var filter = ReadFilter();
        if (Errors.Count == 0)
        {
            foreach (var (field, message) in await results.ValidateAsync(PrefectureId, filter, cancellationToken))
            {
                Errors[field] = message;
            }
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        Results = await cache.SurveyAsync(PrefectureId, filter, cancellationToken);
        return Page();
    }
}
