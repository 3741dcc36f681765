using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Prefectures;

namespace VoixUsager.Web.Pages;

/// <summary>Home page: what VoixUsager is, and the survey of every active site.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record SiteLink(string Prefecture, string Name, string PublicCode, SiteKind Kind);

    public IReadOnlyList<IGrouping<string, SiteLink>> SitesByPrefecture { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking()
            .Where(s => s.IsActive)
            .Select(s => new SiteLink(s.Prefecture.DisplayName, s.Name, s.PublicCode, s.Kind))
            .ToListAsync(cancellationToken);
        SitesByPrefecture = sites
            .OrderBy(s => s.Prefecture, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ThenBy(s => s.Kind)
            .ThenBy(s => s.Name)
            .GroupBy(s => s.Prefecture)
            .ToList();
    }
}
