using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>The national grids: their latest version, and a new version with other weights or thresholds.</summary>
public class GrillesModel(AppDbContext db, StaffUser staff, FranceClock clock) : StaffPageModel
{
    public IReadOnlyList<GridVersion> Grids { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var grid = Grids.FirstOrDefault(g => g.Key == key);
        if (grid is null)
        {
            return NotFound();
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var settings = new Dictionary<string, GridVersioning.CriterionSettings>();
        foreach (var criterion in grid.Criteria)
        {
            if (!int.TryParse(form[$"w{criterion.Id}"], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 10)
            {
                Errors[$"w{criterion.Id}"] = $"« {criterion.Label} » : le poids est un nombre entier de 1 à 10.";
                continue;
            }

            int? threshold = null;
            if (criterion.Kind == CriterionKind.Nombre)
            {
                if (!int.TryParse(form[$"t{criterion.Id}"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 1000)
                {
                    Errors[$"t{criterion.Id}"] = $"« {criterion.Label} » : le seuil est un nombre entier positif.";
                    continue;
                }

                threshold = value;
            }

            settings[criterion.Code] = new GridVersioning.CriterionSettings(weight, threshold);
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        // The new version and its audit entry are stored together or not at all (the entry needs the new id).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var next = await GridVersioning.CreateNextVersionAsync(db, key, settings, clock.UtcNow, cancellationToken);
        staff.Audit(db, "grille.nouvelle-version", nameof(GridVersion), next.Id, null, $"{next.Title} v{next.VersionNumber}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Grilles d’évaluation";
        var all = await db.GridVersions.AsNoTracking().Include(g => g.Criteria).ToListAsync(cancellationToken);
        Grids = all.GroupBy(g => g.Key).Select(g => g.OrderByDescending(v => v.VersionNumber).First()).OrderBy(g => g.Channel).ToList();
        foreach (var grid in Grids)
        {
            grid.Criteria.Sort((a, b) => a.Order.CompareTo(b.Order));
        }
    }
}
