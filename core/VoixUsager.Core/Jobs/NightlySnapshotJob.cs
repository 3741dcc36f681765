using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoixUsager.Data;
using VoixUsager.Surveys;
using VoixUsager.Results;

namespace VoixUsager.Jobs;

/// <summary>Nightly: a results snapshot for every préfecture with an open survey campaign, once a day.</summary>
public sealed class NightlySnapshotJob(AppDbContext db, SnapshotService snapshots, FranceClock clock, ILogger<NightlySnapshotJob> logger)
{
    public const string Author = "tâche : instantané nocturne";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var startOfDayUtc = Calendar.FrenchTimeZones.ParisToUtc(today.ToDateTime(TimeOnly.MinValue));
        var prefectures = await db.SurveyCampaigns.AsNoTracking()
            .Where(SurveyCampaign.OpenOn(today))
            .Select(c => c.PrefectureId).Distinct()
            .Where(p => !db.ResultsSnapshots.Any(s => s.PrefectureId == p && s.ComputedBy == Author && s.ComputedAtUtc >= startOfDayUtc))
            .ToListAsync(cancellationToken);
        foreach (var prefectureId in prefectures)
        {
            await snapshots.CreateAsync(prefectureId, clock.UtcNow, Author, cancellationToken);
        }

        logger.LogInformation("{Count} nightly snapshot(s) created.", prefectures.Count);
    }
}
