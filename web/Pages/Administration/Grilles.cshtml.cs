using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Administration;

/// <summary>The national grids: their latest version, and a new version with criteria added, changed, reordered or removed.</summary>
public class GrillesModel(AppDbContext db, StaffUser staff, GridEditing editing) : StaffPageModel
{
    public IReadOnlyList<GridVersion> Grids { get; private set; } = [];

    /// <summary>The grid whose form was refused, to show the values as typed.</summary>
    public string? PostedKey { get; private set; }

    private IFormCollection? _posted;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        var result = await editing.CreateVersionAsync(key ?? "", name => form.TryGetValue(name, out var value) ? value.ToString() : null,
            new AuditActor(staff.Id, staff.Email), cancellationToken);
        switch (result)
        {
            case GridEditing.Result.NotFound:
                return NotFound();
            case GridEditing.Result.Invalid invalid:
                await LoadAsync(cancellationToken);
                PostedKey = key;
                _posted = form;
                return Invalid(invalid.Errors);
            default:
                return RedirectToPage();
        }
    }

    /// <summary>The value to show in a field: as typed when the form was refused, else the stored one.</summary>
    public string? Value(GridVersion grid, string field, object? stored) =>
        _posted is not null && grid.Key == PostedKey ? _posted[field].ToString() : stored?.ToString();

    public bool Checked(GridVersion grid, string field) =>
        _posted is not null && grid.Key == PostedKey && _posted[field].ToString() is "true" or "on";

    public static string KindLabel(CriterionKind kind) => kind switch
    {
        CriterionKind.OuiNon => "Oui / non / sans objet",
        CriterionKind.Echelle4 => "Échelle de 1 à 4",
        _ => "Nombre (conforme jusqu’au seuil)",
    };

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
