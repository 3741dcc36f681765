using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace VoixUsager.Results;

/// <summary>
/// The live survey figures of the dashboards and their charts, computed once per state of the data and
/// shared by the page and every chart it shows. An entry is keyed by the préfecture, the filter, the
/// latest response id and the response count of the préfecture, and a fingerprint of the small rows the
/// figures also read (campaigns, sites, visitor counts, today's date): a new or deleted response, a
/// renamed site or a new visitor count makes a new key, so nothing stale is ever shown. The keys are
/// checked against the database on every request, so several web instances each keep their own cache and
/// stay right.
/// </summary>
public sealed class ResultsMemory : IDisposable
{
    /// <summary>In "units": a result counts <see cref="ResultsSize"/>, a chart its kilobytes.</summary>
    public const long SizeLimit = 64 * 1024;

    public const int ResultsSize = 16;

    // Entries of a state that moved on are never read again; they age out instead of being tracked.
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromMinutes(10);

    // Single flight: the computation of a key that is running, shared by every request asking for that
    // key meanwhile (twenty people opening the same dashboard compute it once), removed as soon as it
    // ends, so the dictionary holds only what is being computed right now. Other keys never wait on it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<Task<object>>> _running = new();

    /// <summary>
    /// At most this many heavy computations (figures read from the database) at once, whatever the number
    /// of keys asked for: they are bound by the processors (and the database's, often on the same machine),
    /// so twenty at once on two cores only make each twenty times slower, hold twenty connections' page
    /// caches, and finish together; queued, the first ones are served early, for the same total. Two per
    /// processor, not one: a computation also waits on its reads, and the results benchmark's twenty first
    /// views of twenty préfectures ended sooner with four slots on two cores than with two. Charts, drawn
    /// in a few milliseconds from figures already computed, do not queue behind them.
    /// </summary>
    public static int ComputationSlots { get; } = 2 * Math.Max(1, Environment.ProcessorCount);

    private readonly SemaphoreSlim _slots = new(ComputationSlots);

    // Charts are drawn on the processors alone, each on a bitmap of several megabytes outside the managed
    // heap: twenty users' sixty charts drawn at once would only hold sixty bitmaps for the same total time.
    // One drawing per processor at once bounds that memory without slowing anyone.
    private readonly SemaphoreSlim _drawing = new(Math.Max(1, Environment.ProcessorCount));

    private long _computations;

    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>How many computations this cache started (figures and charts), cached or not: one per key and state of the data.</summary>
    public long Computations => Interlocked.Read(ref _computations);

    /// <summary>
    /// The cached value of <paramref name="key"/>, else the one computation of it that is running, else a
    /// new one. The computation belongs to no caller: it runs without their cancellation, so a caller who
    /// gives up (a closed tab) gets <see cref="OperationCanceledException"/> at once while the others still
    /// get the figures, and the result is kept for the next view. A computation that fails is not kept:
    /// every caller waiting on it gets its exception and the next request computes again. A
    /// <paramref name="heavy"/> computation waits for one of a few slots (one per processor).
    /// </summary>
    public async Task<T> GetOrCreateAsync<T>(object key, Func<T, long> sizeOf, Func<Task<T>> create, CancellationToken cancellationToken, bool heavy = false)
        where T : class
    {
        if (Cache.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }

        Lazy<Task<object>>? flight = null;
        flight = new Lazy<Task<object>>(() => ComputeAsync(key, sizeOf, create, heavy, flight!));
        var running = _running.GetOrAdd(key, flight);
        return (T)await running.Value.WaitAsync(cancellationToken);
    }

    private async Task<object> ComputeAsync<T>(object key, Func<T, long> sizeOf, Func<Task<T>> create, bool heavy, Lazy<Task<object>> flight)
        where T : class
    {
        // Off the caller's stack, so the flight is in the dictionary before it can end and be removed.
        await Task.Yield();
        try
        {
            // A flight that ended between the caller's look into the cache and this one's start stored it.
            if (Cache.TryGetValue(key, out T? found) && found is not null)
            {
                return found;
            }

            if (heavy)
            {
                await _slots.WaitAsync();
            }

            try
            {
                Interlocked.Increment(ref _computations);
                var value = await create();
                Cache.Set(key, value, new MemoryCacheEntryOptions { Size = sizeOf(value), SlidingExpiration = SlidingLifetime });
                return value;
            }
            finally
            {
                if (heavy)
                {
                    _slots.Release();
                }
            }
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<object, Lazy<Task<object>>>(key, flight));
        }
    }

    /// <summary>Runs a drawing (a chart from figures already computed), at most one per processor at once.</summary>
    public async Task<T> DrawAsync<T>(Func<T> draw)
    {
        await _drawing.WaitAsync();
        try
        {
            return draw();
        }
        finally
        {
            _drawing.Release();
        }
    }

    public void Dispose()
    {
        Cache.Dispose();
        _slots.Dispose();
        _drawing.Dispose();
    }
}

/// <summary>The dashboard's figures and charts through <see cref="ResultsMemory"/>.</summary>
public sealed class ResultsCache(SurveyResultsService survey, ResultsMemory memory, IServiceScopeFactory scopes)
{
    private sealed record SurveyKey(int PrefectureId, SurveyFilter Filter, SurveyResultsService.ResponsesMarker Responses, string Context);

    private sealed record ChartKey(ChartKind Kind, SurveyKey Figures);

    private sealed record AnsweredKey(int PrefectureId, SurveyResultsService.ResponsesMarker Responses);

    /// <summary>The figures of the dashboard; a filter with a cut-off (snapshots, exports) is computed afresh.</summary>
    public async Task<SurveyResults> SurveyAsync(int prefectureId, SurveyFilter filter, CancellationToken cancellationToken)
    {
        if (filter.CutoffUtc is not null)
        {
            return await survey.ComputeAsync(prefectureId, filter, cancellationToken);
        }

        var (key, context) = await KeyAsync(prefectureId, filter, cancellationToken);
        return await SurveyAsync(key, context, cancellationToken);
    }

    /// <summary>A chart of the same figures the page shows, drawn once per state of the data.</summary>
    public async Task<byte[]> SurveyChartAsync(ChartKind kind, int prefectureId, SurveyFilter filter, CancellationToken cancellationToken)
    {
        var (key, context) = await KeyAsync(prefectureId, filter, cancellationToken);
        var figures = await SurveyAsync(key, context, cancellationToken);
        return await memory.GetOrCreateAsync(new ChartKey(kind, key), png => 1 + (png.Length / 1024),
            () => memory.DrawAsync(() => ResultsCharts.Render(kind, figures, null)), cancellationToken);
    }

    // The computation is shared by every request waiting for it and outlives the one that started it (which
    // may give up), so it reads through a DbContext of its own, not that request's.
    private Task<SurveyResults> SurveyAsync(SurveyKey key, SurveyResultsService.ResultsContext context, CancellationToken cancellationToken) =>
        memory.GetOrCreateAsync(key, _ => ResultsMemory.ResultsSize, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SurveyResultsService>()
                .ComputeAsync(key.PrefectureId, key.Filter, context, CancellationToken.None);
        }, cancellationToken, heavy: true);

    // Read on every request (the page and each chart), so it must stay cheap: the small rows are read
    // again, but the versions the responses answered, a read of every response of the préfecture, are
    // kept under the marker, which changes with any new or deleted response. The marker is read first: a
    // response stored between the two reads only adds a version to the list, never hides one.
    private async Task<(SurveyKey Key, SurveyResultsService.ResultsContext Context)> KeyAsync(int prefectureId, SurveyFilter filter, CancellationToken cancellationToken)
    {
        var marker = await survey.ResponsesMarkerAsync(prefectureId, cancellationToken);
        var answeredKey = new AnsweredKey(prefectureId, marker);
        if (!memory.Cache.TryGetValue(answeredKey, out IReadOnlyList<int>? answered) || answered is null)
        {
            answered = await survey.AnsweredVersionIdsAsync(prefectureId, cancellationToken);
            memory.Cache.Set(answeredKey, answered, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = ResultsMemory.SlidingLifetime });
        }

        var context = await survey.LoadContextAsync(prefectureId, filter, answered, cancellationToken);
        return (new SurveyKey(prefectureId, filter, marker, context.Fingerprint()), context);
    }
}
