using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Mystery;

/// <summary>
/// Grids change only by new versions, like questionnaires: records keep the criteria, weights and
/// thresholds they were scored with; campaigns created afterwards use the latest version.
/// </summary>
public static class GridVersioning
{
    public sealed record CriterionSettings(int Weight, int? MaxCompliant);

    /// <param name="settings">New weight and threshold, by criterion code of the latest version.</param>
    public static async Task<GridVersion> CreateNextVersionAsync(AppDbContext db, string key, IReadOnlyDictionary<string, CriterionSettings> settings, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var latest = await db.GridVersions.AsNoTracking().Include(g => g.Criteria)
            .Where(g => g.Key == key).OrderByDescending(g => g.VersionNumber).FirstAsync(cancellationToken);
        var next = new GridVersion
        {
            Key = latest.Key,
            VersionNumber = latest.VersionNumber + 1,
            Channel = latest.Channel,
            Title = latest.Title,
            CreatedAtUtc = nowUtc,
            Criteria = latest.Criteria.OrderBy(c => c.Order).Select(c => new GridCriterion
            {
                Group = c.Group,
                Code = c.Code,
                Order = c.Order,
                Label = c.Label,
                HelpText = c.HelpText,
                Kind = c.Kind,
                Weight = settings.TryGetValue(c.Code, out var s) ? s.Weight : c.Weight,
                MaxCompliant = c.Kind == CriterionKind.Nombre && settings.TryGetValue(c.Code, out var t) ? t.MaxCompliant : c.MaxCompliant,
            }).ToList(),
        };
        db.GridVersions.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        return next;
    }
}
