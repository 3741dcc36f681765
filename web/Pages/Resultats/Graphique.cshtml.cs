using Microsoft.AspNetCore.Mvc;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>A chart of the live results as a PNG; the page that shows it gives the same figures as a table.</summary>
public class GraphiqueModel(AppDbContext db, StaffUser staff, SurveyResultsService survey, ResultsCache cache, MysteryResultsService mystery) : ResultsPageModel(db, staff)
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

            png = await cache.SurveyChartAsync(chart, PrefectureId, filter, cancellationToken);
        }
        else
        {
            png = ResultsCharts.Render(chart, null, await mystery.ComputeAsync(PrefectureId, null, null, cancellationToken));
        }

        // Revalidated on every view, never kept for a while: a chart kept by the browser after a new
        // response would disagree with the table beside it. An unchanged chart costs a 304.
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(png))[..32]}\"");
        Response.Headers.CacheControl = "private, no-cache";
        return new FileContentResult(png, "image/png") { EntityTag = etag };
    }
}
