using Microsoft.AspNetCore.Mvc;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Reporting;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// Downloads: the anonymised raw responses and the mystery records (CSV), and every aggregate (XLSX).
/// Each file states, at its top and in its name, the préfecture, the filters and the cut-off it covers.
/// </summary>
public class ExportModel(AppDbContext db, StaffUser staff, SurveyResultsService survey, SnapshotService snapshots, ResultsExports exports, FranceClock clock) : ResultsPageModel(db, staff)
{
    public async Task<IActionResult> OnGetAsync(string file, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var filter = ReadFilter();
        if (Errors.Count > 0 || (await survey.ValidateAsync(PrefectureId, filter, cancellationToken)).Count > 0)
        {
            return BadRequest();
        }

        var cutoff = clock.UtcNow;
        switch (file)
        {
            case "reponses.csv":
            {
                var scope = new ExportScope(PrefectureName, FilterDescription(), cutoff);
                Staff.Audit(Db, "export.reponses", "SurveyResponse", null, PrefectureId);
                await Db.SaveChangesAsync(cancellationToken);
                return new CsvStreamResult(await exports.ResponsesCsvAsync(PrefectureId, filter, scope, cancellationToken), scope.FileName("reponses", "csv"));
            }

            case "mystere.csv":
            {
                var scope = new ExportScope(PrefectureName, [("Enquêtes mystères", "toutes les campagnes")], cutoff);
                Staff.Audit(Db, "export.mystere", nameof(MysteryRecord), null, PrefectureId);
                await Db.SaveChangesAsync(cancellationToken);
                return File(await exports.MysteryCsvAsync(PrefectureId, scope, cancellationToken), CsvExport.ContentType, scope.FileName("enquetes-mysteres", "csv"));
            }

            case "resultats.xlsx":
            {
                var scope = new ExportScope(PrefectureName, [.. FilterDescription(), ("Enquêtes mystères", "toutes les campagnes")], cutoff);
                Staff.Audit(Db, "export.resultats", "Results", null, PrefectureId);
                await Db.SaveChangesAsync(cancellationToken);
                var figures = await snapshots.ComputeAsync(PrefectureId, cutoff, cancellationToken);
                var surveyResults = await survey.ComputeAsync(PrefectureId, filter with { CutoffUtc = cutoff }, cancellationToken);
                var workbook = ResultsWorkbook.Build(figures with { Survey = surveyResults }, await RetainedSuggestions.ForPrefectureAsync(Db, PrefectureId, cutoff, cancellationToken), scope);
                return File(workbook, XlsxWorkbook.ContentType, scope.FileName("resultats", "xlsx"));
            }

            default:
                return NotFound();
        }
    }
}
