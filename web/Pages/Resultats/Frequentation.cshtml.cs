using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>Monthly visitors per site, entered by the quality team, for the representativeness target.</summary>
public class FrequentationModel(AppDbContext db, StaffUser staff) : ResultsPageModel(db, staff)
{
    public IReadOnlyList<(string Site, DateOnly Month, int Visitors)> Entries { get; private set; } = [];

    [BindProperty] public int SiteId { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Visitors { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Fréquentation des sites";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Fréquentation des sites";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Sites.All(s => s.Id != SiteId))
        {
            Errors["SiteId"] = "Choisissez un site de votre préfecture.";
        }

        if (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || month.Year < 2000)
        {
            Errors["Month"] = "Indiquez le mois, par exemple 2026-10.";
        }

        if (!int.TryParse(Visitors, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var visitors) || visitors < 0 || visitors > 10_000_000)
        {
            Errors["Visitors"] = "Le nombre de visiteurs est un nombre entier positif ou nul.";
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var entry = await Db.SiteMonthlyVisitors.SingleOrDefaultAsync(v => v.SiteId == SiteId && v.Month == month, cancellationToken);
        if (entry is null)
        {
            Db.SiteMonthlyVisitors.Add(new SiteMonthlyVisitors { SiteId = SiteId, Month = month, Visitors = visitors });
        }
        else
        {
            entry.Visitors = visitors;
        }

        Staff.Audit(Db, "frequentation.saisie", nameof(SiteMonthlyVisitors), SiteId, PrefectureId, $"{month:yyyy-MM} : {visitors}");
        await Db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(PrefectureRoute());
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var siteIds = Sites.Select(s => s.Id).ToList();
        var names = Sites.ToDictionary(s => s.Id, s => s.Name);
        Entries = (await Db.SiteMonthlyVisitors.AsNoTracking().Where(v => siteIds.Contains(v.SiteId)).OrderByDescending(v => v.Month).ThenBy(v => v.SiteId).Take(240).ToListAsync(cancellationToken))
            .Select(v => (names[v.SiteId], v.Month, v.Visitors)).ToList();
    }
}
