using Microsoft.AspNetCore.Mvc;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

public class MystereModel(AppDbContext db, StaffUser staff, MysteryResultsService mystery) : ResultsPageModel(db, staff)
{
    public MysteryResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Résultats des enquêtes mystères";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        Results = await mystery.ComputeAsync(PrefectureId, null, null, cancellationToken);
        ViewData["ChartQuery"] = PrefectureQuery;
        return Page();
    }
}
