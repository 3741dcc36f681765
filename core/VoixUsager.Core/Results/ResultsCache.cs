using Microsoft.Extensions.Caching.Memory;

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

    // Striped locks: twenty people opening the same dashboard at once compute it once, without a lock
    // per key to clean up.
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public async Task<T> GetOrCreateAsync<T>(object key, Func<T, long> sizeOf, Func<Task<T>> create, CancellationToken cancellationToken)
        where T : class
    {
        if (Cache.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }

        var gate = _locks[(key.GetHashCode() & int.MaxValue) % _locks.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Cache.TryGetValue(key, out found) && found is not null)
            {
                return found;
            }

            var value = await create();
            Cache.Set(key, value, new MemoryCacheEntryOptions { Size = sizeOf(value), SlidingExpiration = SlidingLifetime });
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        Cache.Dispose();
        foreach (var gate in _locks)
        {
            gate.Dispose();
        }
    }
}

/// <summary>The dashboard's figures and charts through <see cref="ResultsMemory"/>.</summary>
public sealed class ResultsCache(SurveyResultsService survey, ResultsMemory memory)
{
    private sealed record SurveyKey(int PrefectureId, SurveyFilter Filter, SurveyResultsService.ResponsesMarker Responses, string Context);

    private sealed record ChartKey(ChartKind Kind, SurveyKey Figures);

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
        // Read before taking the chart's lock: both keys may share a stripe, and the locks are not re-entrant.
        var figures = await SurveyAsync(key, context, cancellationToken);
        return await memory.GetOrCreateAsync(new ChartKey(kind, key), png => 1 + (png.Length / 1024),
            () => Task.FromResult(ResultsCharts.Render(kind, figures, null)), cancellationToken);
    }

    private Task<SurveyResults> SurveyAsync(SurveyKey key, SurveyResultsService.ResultsContext context, CancellationToken cancellationToken) =>
        memory.GetOrCreateAsync(key, _ => ResultsMemory.ResultsSize, () => survey.ComputeAsync(key.PrefectureId, key.Filter, context, cancellationToken), cancellationToken);

    private async Task<(SurveyKey Key, SurveyResultsService.ResultsContext Context)> KeyAsync(int prefectureId, SurveyFilter filter, CancellationToken cancellationToken)
    {
        var context = await survey.LoadContextAsync(prefectureId, filter, cancellationToken);
        var marker = await survey.ResponsesMarkerAsync(prefectureId, cancellationToken);
        return (new SurveyKey(prefectureId, filter, marker, context.Fingerprint()), context);
    }
}
