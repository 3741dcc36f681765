using Hangfire.Logging;

namespace VoixUsager.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process. When a host stops (tests start and stop many)
/// its logger factory is disposed while the provider is still in use: logging then goes nowhere instead
/// of failing the job that wanted to log.
/// </summary>
public sealed class DisposalSafeLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
