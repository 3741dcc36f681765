using Microsoft.AspNetCore.Mvc;
using VoixUsager.Register;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Registre;

/// <summary>The yearly bilan of suggestions and complaints, as the CLU receives it (quality team only).</summary>
public class BilanModel(RegisterQueries queries, StaffUser staff) : RegisterPageModel(staff)
{
    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? Year { get; set; }

    public RegisterFigures Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsQualityTeam)
        {
            return Forbid();
        }

        Figures = await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetClasseurAsync(CancellationToken cancellationToken)
    {
        if (!IsQualityTeam)
        {
            return Forbid();
        }

        var figures = await LoadAsync(cancellationToken);
        var workbook = new Reporting.XlsxWorkbook();
        RegisterWorkbook.AddSheet(workbook, figures);
        return File(workbook.ToBytes(), Reporting.XlsxWorkbook.ContentType, $"bilan-suggestions-reclamations-{figures.From.Year}.xlsx");
    }

    private async Task<RegisterFigures> LoadAsync(CancellationToken cancellationToken)
    {
        var year = Year is >= 2000 and <= 2100 ? Year.Value : queries.TodayIn(Prefectures.HolidayZone.Metropole).Year;
        Year = year;
        ViewData["Title"] = $"Bilan {year} des suggestions et réclamations";
        return await queries.FiguresAsync(Actor.PrefectureId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), cancellationToken);
    }
}
