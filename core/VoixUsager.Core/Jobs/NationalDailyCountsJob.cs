using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Results;

namespace VoixUsager.Jobs;

/// <summary>
/// Nightly, and at start-up when behind: stores the national overview's counts of every complete day
/// (Paris time, before today) after the watermark, so the overview sums a few rows per day instead of
/// scanning every answer. Each day is written in one transaction with the watermark's move past it, so a
/// run stopped half-way resumes where it stopped and a second run (or a second copy) adds nothing.
/// </summary>
public sealed class NationalDailyCountsJob(AppDbContext db, SurveyResultsService results, FranceClock clock, ILogger<NationalDailyCountsJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var day = await FirstDayToCountAsync(cancellationToken);
        var counted = 0;
        while (day is { } d && d < today)
        {
            // Days without a response (between campaigns, before the first one) are passed in one step.
            var until = await NextDayWithResponsesAsync(d, cancellationToken) is { } next && next < today ? next : today;
            var moved = until > d ? await SkipAsync(d, until, cancellationToken) : await CountDayAsync(d, cancellationToken);
            if (!moved)
            {
                logger.LogInformation("National daily counts: another run is counting the same days; this one stops.");
                break;
            }

            counted += until > d ? 0 : 1;
            day = until > d ? until : d.AddDays(1);
        }

        logger.LogInformation("National daily counts: {Days} day(s) with responses counted.", counted);
    }

    /// <summary>
    /// Whether complete days are waiting to be counted: the web asks at start-up, so a database that
    /// already has responses (the first deployment, a server down for a few nights) is not scanned live
    /// until the next night.
    /// </summary>
    public async Task<bool> IsBehindAsync(CancellationToken cancellationToken) =>
        await FirstDayToCountAsync(cancellationToken) is { } day && day < clock.Today;

    /// <summary>
    /// Forgets the counts from <paramref name="day"/> on, for whoever writes responses dated in the past
    /// (the demo seeder): the next run counts those days again with them.
    /// </summary>
    public async Task RecountFromAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.NationalDailyCounts.Where(c => c.Day >= day).ExecuteDeleteAsync(cancellationToken);
        await db.NationalDailyCountsWatermarks.Where(w => w.CompleteBefore > day)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.CompleteBefore, day), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The watermark, or the day of the first response when nothing was counted yet; null when there is nothing to count.</summary>
    private async Task<DateOnly?> FirstDayToCountAsync(CancellationToken cancellationToken)
    {
        var watermark = await db.NationalDailyCountsWatermarks.AsNoTracking().Select(w => (DateOnly?)w.CompleteBefore).SingleOrDefaultAsync(cancellationToken);
        if (watermark is not null)
        {
            return watermark;
        }

        var first = await db.SurveyResponses.MinAsync(r => (DateTime?)r.SubmittedAtUtc, cancellationToken);
        return first is { } utc ? FranceClock.DateOf(utc) : null;
    }

    private async Task<DateOnly?> NextDayWithResponsesAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var fromUtc = FrenchTimeZones.ParisToUtc(day.ToDateTime(TimeOnly.MinValue));
        var first = await db.SurveyResponses.Where(r => r.SubmittedAtUtc >= fromUtc).MinAsync(r => (DateTime?)r.SubmittedAtUtc, cancellationToken);
        return first is { } utc ? FranceClock.DateOf(utc) : null;
    }

    /// <summary>Moves the watermark over days without responses; false when another run already did.</summary>
    private async Task<bool> SkipAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await MoveWatermarkAsync(from, to, cancellationToken))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Stores one day's counts and moves the watermark past it; false when another run already did.</summary>
    private async Task<bool> CountDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var next = day.AddDays(1);
        if (!await MoveWatermarkAsync(day, next, cancellationToken))
        {
            return false;
        }

        var counts = await results.CountNationalAsync(
            FrenchTimeZones.ParisToUtc(day.ToDateTime(TimeOnly.MinValue)),
            FrenchTimeZones.ParisToUtc(next.ToDateTime(TimeOnly.MinValue)),
            cancellationToken);
        db.NationalDailyCounts.AddRange(counts.Select(c => new NationalDailyCount
        {
            PrefectureId = c.Key,
            Day = day,
            Responses = c.Value.Responses,
            Score4 = c.Value.Score4,
            Score3 = c.Value.Score3,
            Score2 = c.Value.Score2,
            Score1 = c.Value.Score1,
            SansAvis = c.Value.SansAvis,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves the watermark from <paramref name="from"/> to <paramref name="to"/> inside the caller's
    /// transaction, first: a copy that moved it meanwhile leaves no row to move, and on PostgreSQL or
    /// SQL Server the row stays locked until the caller's counts are committed. False when another
    /// run has moved it.
    /// </summary>
    private async Task<bool> MoveWatermarkAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var moved = await db.NationalDailyCountsWatermarks
            .Where(w => w.Id == NationalDailyCountsWatermark.SingleId && w.CompleteBefore == from)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.CompleteBefore, to), cancellationToken);
        if (moved == 1)
        {
            return true;
        }

        if (await db.NationalDailyCountsWatermarks.AnyAsync(cancellationToken))
        {
            return false;
        }

        // The first move ever, saved with the caller's changes; a copy inserting the same row at the
        // same time fails on its key.
        db.NationalDailyCountsWatermarks.Add(new NationalDailyCountsWatermark { Id = NationalDailyCountsWatermark.SingleId, CompleteBefore = to });
        return true;
    }
}
