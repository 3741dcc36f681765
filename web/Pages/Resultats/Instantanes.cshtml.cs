using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Results;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>Snapshots: results frozen at a cut-off, to show a CLU the figures it was sent.</summary>
public class InstantanesModel(AppDbContext db, StaffUser staff, SnapshotService snapshots, FranceClock clock) : ResultsPageModel(db, staff)
{
    public IReadOnlyList<ResultsSnapshot> Snapshots { get; private set; } = [];

    [BindProperty]
    public string? Cutoff { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Instantanés des résultats";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Cutoff = FrenchTimeZones.UtcToParis(clock.UtcNow).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Instantanés des résultats";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var cutoffUtc = DateTime.MinValue;
        if (!DateTime.TryParseExact(Cutoff, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year < 2000)
        {
            Errors["Cutoff"] = "Indiquez la date et l’heure d’arrêt des chiffres.";
        }
        else if (!FrenchTimeZones.TryParisToUtc(local, out cutoffUtc))
        {
            Errors["Cutoff"] = FrenchTimeZones.SkippedTimeMessage(local);
        }
        else if (cutoffUtc > clock.UtcNow.AddMinutes(5))
        {
            Errors["Cutoff"] = "La date d’arrêt ne peut pas être dans le futur : les chiffres ne seraient pas encore connus.";
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        // The snapshot and its audit entry are stored together or not at all (the entry needs the new id).
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var snapshot = await snapshots.CreateAsync(PrefectureId, cutoffUtc, Staff.Email, cancellationToken);
        Staff.Audit(Db, "instantane.cree", nameof(ResultsSnapshot), snapshot.Id, PrefectureId, snapshot.Description);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("/Resultats/Instantane", new { id = snapshot.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        Snapshots = await Db.ResultsSnapshots.AsNoTracking().Where(s => s.PrefectureId == prefectureId)
            .OrderByDescending(s => s.CutoffUtc)
            .Select(s => new ResultsSnapshot { Id = s.Id, PrefectureId = s.PrefectureId, CutoffUtc = s.CutoffUtc, ComputedAtUtc = s.ComputedAtUtc, ComputedBy = s.ComputedBy, Description = s.Description, FiguresJson = "" })
            .ToListAsync(cancellationToken);
    }
}
