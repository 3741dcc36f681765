using VoixUsager.Telemetry;

namespace VoixUsager.Tests.Hosting;

/// <summary>
/// The queue-length gauge when several hosts share a process (as in the tests) and stop while others
/// are scraped: a stopped host's reader must not hide the figure of the hosts still running.
/// </summary>
public sealed class JobQueueReadersTests
{
    [Fact]
    public void The_newest_reader_that_answers_is_published_and_a_stopped_host_leaves()
    {
        var readers = new JobQueueReaders();
        Assert.Null(readers.Read());

        using var running = readers.Add(() => 3);
        var stopping = readers.Add(() => 7);
        Assert.Equal(7, readers.Read());

        // Its database already gone: the host still running answers.
        var unreadable = readers.Add(() => null);
        Assert.Equal(7, readers.Read());

        stopping.Dispose();
        unreadable.Dispose();
        Assert.Equal(3, readers.Read());
    }

    [Fact]
    public void Nothing_is_published_when_no_reader_answers()
    {
        var readers = new JobQueueReaders();
        using var down = readers.Add(() => null);
        Assert.Null(readers.Read());
        down.Dispose();
        down.Dispose();
        Assert.Null(readers.Read());
    }
}
