using System.Diagnostics;

/// <summary>
/// A load of N clients, each repeating one operation for a fixed time: what the survey and the dashboard
/// benchmarks both play against the web app.
/// </summary>
internal static class Load
{
    /// <summary>Runs <paramref name="operation"/> (true when it succeeded) from <paramref name="clients"/> clients at once for <paramref name="duration"/>.</summary>
    public static async Task<Result> RunAsync(int clients, TimeSpan duration, Func<Task<bool>> operation)
    {
        var latencies = new List<double>[clients];
        var accepted = 0;
        var failed = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = new List<double>(100_000);
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation();
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ok)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        stopwatch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(accepted, failed, stopwatch.Elapsed, all);
    }
}

internal sealed record Result(int Accepted, int Failed, TimeSpan Elapsed, double[] SortedLatencies)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;

    public double Percentile(int p) =>
        SortedLatencies.Length == 0 ? 0 : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p / 100.0 * SortedLatencies.Length) - 1)];
}
