using Microsoft.AspNetCore.Mvc;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>A chart of the live results as a PNG; the page that shows it gives the same figures as a table.</summary>
public class GraphiqueModel(AppDbContext db, StaffUser staff, SurveyResultsService survey, MysteryResultsService mystery) : ResultsPageModel(db, staff)
{
    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ChartKinds.TryParse(kind, out var chart))
        {
            return NotFound();
        }

        byte[] png;
        if (ChartKinds.Survey.Contains(chart))
        {
            var filter = ReadFilter();
            if (Errors.Count > 0 || (await survey.ValidateAsync(PrefectureId, filter, cancellationToken)).Count > 0)
            {
                return BadRequest();
            }

            png = ResultsCharts.Render(chart, await survey.ComputeAsync(PrefectureId, filter, cancellationToken), null);
        }
        else
        {
            png = ResultsCharts.Render(chart, null, await mystery.ComputeAsync(PrefectureId, null, null, cancellationToken));
        }

        Response.Headers.CacheControl = "private, max-age=60";
        return File(png, "image/png");
    }
}
