using VoixUsager.Results;

namespace VoixUsager.Tests.Results;

/// <summary>
/// One computation per key and state of the data, shared by every request that asks for it meanwhile;
/// a caller who gives up leaves the others their figures; a failure is not kept; other keys never wait.
/// </summary>
[Trait("Category", "Logic")]
public sealed class ResultsMemoryTests : IDisposable
{
    private readonly ResultsMemory _memory = new();

    public void Dispose() => _memory.Dispose();

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Twenty_callers_of_the_same_key_share_one_computation()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => _memory.GetOrCreateAsync("clé", _ => 1, () =>
        {
            Interlocked.Increment(ref started);
            return release.Task;
        }, CancellationToken.None))).ToList();

        await WaitUntilAsync(() => started > 0);
        // Every caller is waiting now, on the one computation.
        await Task.Delay(100);
        release.SetResult("chiffres");
        var values = await Task.WhenAll(callers).WaitAsync(Patience);

        Assert.All(values, v => Assert.Equal("chiffres", v));
        Assert.Equal(1, started);
        Assert.Equal(1, _memory.Computations);
        // Kept: the next caller computes nothing.
        Assert.Equal("chiffres", await _memory.GetOrCreateAsync("clé", _ => 1, () => Task.FromResult("autre"), CancellationToken.None));
        Assert.Equal(1, _memory.Computations);
    }

    [Fact]
    public async Task A_caller_who_gives_up_leaves_at_once_and_the_others_get_the_figures()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var closedTab = new CancellationTokenSource();
        var first = _memory.GetOrCreateAsync("clé", _ => 1, () => release.Task, closedTab.Token);
        await WaitUntilAsync(() => _memory.Computations == 1);
        var second = _memory.GetOrCreateAsync("clé", _ => 1, () => Task.FromResult("calculé deux fois"), CancellationToken.None);

        closedTab.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Patience));
        Assert.False(second.IsCompleted);

        release.SetResult("chiffres");
        Assert.Equal("chiffres", await second.WaitAsync(Patience));
        Assert.Equal(1, _memory.Computations);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept_and_every_waiter_sees_its_error()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _memory.GetOrCreateAsync("clé", _ => 1, () => release.Task, CancellationToken.None);
        await WaitUntilAsync(() => _memory.Computations == 1);
        var second = _memory.GetOrCreateAsync("clé", _ => 1, () => Task.FromResult("jamais"), CancellationToken.None);

        release.SetException(new TimeoutException("base de données lente"));
        Assert.Equal("base de données lente", (await Assert.ThrowsAsync<TimeoutException>(() => first.WaitAsync(Patience))).Message);
        await Assert.ThrowsAsync<TimeoutException>(() => second.WaitAsync(Patience));

        // The next request computes again, and that result is kept.
        Assert.Equal("chiffres", await _memory.GetOrCreateAsync("clé", _ => 1, () => Task.FromResult("chiffres"), CancellationToken.None));
        Assert.Equal(2, _memory.Computations);
        Assert.Equal("chiffres", await _memory.GetOrCreateAsync("clé", _ => 1, () => Task.FromResult("autre"), CancellationToken.None));
    }

    [Fact]
    public async Task Another_key_does_not_wait_for_a_running_computation()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Integers are their own hash code: every key of the same remainder shared a lock when locks were striped.
        var slow = _memory.GetOrCreateAsync((object)1, _ => 1, () => release.Task, CancellationToken.None);
        await WaitUntilAsync(() => _memory.Computations == 1);

        foreach (var other in new[] { 33, 65, 2 })
        {
            Assert.Equal($"préfecture {other}", await _memory.GetOrCreateAsync((object)other, _ => 1, () => Task.FromResult($"préfecture {other}"), CancellationToken.None).WaitAsync(Patience));
        }

        Assert.False(slow.IsCompleted);
        release.SetResult("préfecture 1");
        Assert.Equal("préfecture 1", await slow.WaitAsync(Patience));
    }

    [Fact]
    public async Task Heavy_computations_beyond_the_processors_wait_their_turn_and_charts_do_not()
    {
        var slots = ResultsMemory.ComputationSlots;
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, slots).Select(i => _memory.GetOrCreateAsync((object)i, _ => 1, () => release.Task, CancellationToken.None, heavy: true)).ToList();
        await WaitUntilAsync(() => _memory.Computations == slots);

        var queued = _memory.GetOrCreateAsync((object)slots, _ => 1, () => Task.FromResult("en attente"), CancellationToken.None, heavy: true);
        await Task.Delay(200);
        Assert.Equal(slots, _memory.Computations);
        Assert.False(queued.IsCompleted);

        // A chart, drawn from figures already computed, does not queue.
        Assert.Equal("graphique", await _memory.GetOrCreateAsync((object)"graphique", _ => 1, () => Task.FromResult("graphique"), CancellationToken.None).WaitAsync(Patience));
        Assert.False(queued.IsCompleted);

        release.SetResult("chiffres");
        Assert.Equal("en attente", await queued.WaitAsync(Patience));
        await Task.WhenAll(running).WaitAsync(Patience);
        Assert.Equal(slots + 2, _memory.Computations);
    }

    [Fact]
    public async Task Drawings_beyond_the_processors_wait_their_turn()
    {
        var processors = Math.Max(1, Environment.ProcessorCount);
        using var gate = new ManualResetEventSlim(false);
        var started = 0;
        int Draw()
        {
            Interlocked.Increment(ref started);
            gate.Wait(Patience);
            return 1;
        }

        var drawing = Enumerable.Range(0, processors).Select(_ => Task.Run(() => _memory.DrawAsync(Draw))).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref started) == processors);
        var queued = Task.Run(() => _memory.DrawAsync(Draw));
        await Task.Delay(200);
        Assert.Equal(processors, Volatile.Read(ref started));
        Assert.False(queued.IsCompleted);

        gate.Set();
        Assert.Equal(1, await queued.WaitAsync(Patience));
        await Task.WhenAll(drawing).WaitAsync(Patience);
        Assert.Equal(processors + 1, Volatile.Read(ref started));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "la condition attendue n’est jamais venue");
            await Task.Delay(10);
        }
    }
}
