using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoixUsager.Clu;
using VoixUsager.Data;

namespace VoixUsager.Jobs;

/// <summary>Daily: finds the CLUs whose summary is due and not yet delivered to everyone, and enqueues one job each.</summary>
public sealed class CluDueJob(AppDbContext db, IBackgroundJobClient jobs, FranceClock clock, ILogger<CluDueJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        // Upcoming meetings are few: the due date (which depends on each CLU's delay) is checked in memory.
        var upcoming = await db.CluMeetings.AsNoTracking()
            .Where(c => c.MeetingOn >= today)
            .Where(c => !c.Deliveries.Any() || c.Deliveries.Any(d => d.Status != DeliveryStatus.Envoye))
            .Select(c => new { c.Id, c.MeetingOn, c.DaysBefore })
            .ToListAsync(cancellationToken);
        var due = upcoming.Where(c => c.MeetingOn.AddDays(-c.DaysBefore) <= today).Select(c => c.Id).ToList();
        foreach (var id in due)
        {
            jobs.Enqueue<CluSummaryJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        logger.LogInformation("{Count} CLU summary job(s) enqueued.", due.Count);
    }
}
