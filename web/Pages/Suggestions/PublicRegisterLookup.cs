using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Web.Pages.Suggestions;

/// <summary>
/// The préfecture a public form address names: a site's public code (the site is then chosen in the
/// form) or the département code for the préfecture as a whole.
/// </summary>
public static class PublicRegisterLookup
{
    public sealed record Target(int PrefectureId, string PrefectureName, int? SiteId, IReadOnlyList<(int Id, string Name)> Sites, IReadOnlyList<(int Id, string Name)> Services);

    public static async Task<Target?> FindAsync(AppDbContext db, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 60)
        {
            return null;
        }

        var normalised = code.Trim().ToLowerInvariant();
        var site = await db.Sites.AsNoTracking().Where(s => s.PublicCode == normalised && s.IsActive).Select(s => new { s.Id, s.PrefectureId }).SingleOrDefaultAsync(cancellationToken);
        var departement = normalised.ToUpperInvariant();
        var prefectureId = site?.PrefectureId
            ?? await db.Prefectures.AsNoTracking().Where(p => p.DepartementCode == departement).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (prefectureId is not { } id)
        {
            return null;
        }

        var name = await db.Prefectures.AsNoTracking().Where(p => p.Id == id).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var sites = (await db.Sites.AsNoTracking().Where(s => s.PrefectureId == id && s.IsActive).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name).Select(s => (s.Id, s.Name)).ToList();
        var services = (await db.OwnerServices.AsNoTracking().Where(s => s.PrefectureId == id && s.IsActive).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name).Select(s => (s.Id, s.Name)).ToList();
        return new Target(id, name, site?.Id, sites, services);
    }
}
