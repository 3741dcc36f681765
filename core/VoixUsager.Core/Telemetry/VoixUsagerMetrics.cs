using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VoixUsager.Telemetry;

/// <summary>
/// The application's own measurements, one meter shared by the web and the worker. Exported by
/// OpenTelemetry (Prometheus on /metrics, OTLP when configured). No instrument carries personal data:
/// tags are channels, job names and outcomes, never an address or a text.
/// </summary>
public sealed class VoixUsagerMetrics
{
    public const string MeterName = "VoixUsager";

    // One meter for the process, created once: OpenTelemetry exports only the first instrument of a
    // name, so a meter per host (several hosts share a process in the tests) would lose the others'.
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> StoredResponses = Meter.CreateCounter<long>("voixusager.survey.responses_stored", "{response}", "Réponses à l'enquête de satisfaction enregistrées.");
    private static readonly Counter<long> SentEmails = Meter.CreateCounter<long>("voixusager.emails.sent", "{email}", "Courriels remis au serveur SMTP ou écrits dans le dossier de dépôt.");
    private static readonly Counter<long> FailedEmailBatches = Meter.CreateCounter<long>("voixusager.emails.failed", "{batch}", "Envois de courriels en échec (le lot reprendra).");
    private static readonly Histogram<double> JobDurations = Meter.CreateHistogram<double>("voixusager.jobs.duration", "s", "Durée des tâches de fond.");
    private static readonly Counter<long> FailedJobs = Meter.CreateCounter<long>("voixusager.jobs.failures", "{job}", "Tâches de fond en échec.");

    // Read at each scrape from the job storage of each host running in the process: one in production.
    private static readonly JobQueueReaders QueueReaders = new();

    static VoixUsagerMetrics() =>
        Meter.CreateObservableGauge("voixusager.jobs.enqueued", ObserveQueue, "{job}", "Tâches de fond en attente d'un service de tâches.");

    private static IEnumerable<Measurement<long>> ObserveQueue()
    {
        if (QueueReaders.Read() is { } count)
        {
            yield return new Measurement<long>(count);
        }
    }

    /// <summary>
    /// Publishes the length of Hangfire's queues, read from <paramref name="storage"/> at each scrape,
    /// until the returned registration is disposed (when the host stops).
    /// </summary>
    public static IDisposable ObserveJobQueue(Hangfire.JobStorage storage, Microsoft.Extensions.Logging.ILogger logger) =>
        QueueReaders.Add(() =>
        {
            try
            {
                var monitoring = storage.GetMonitoringApi();
                return monitoring.Queues().Sum(q => q.Length);
            }
            catch (Exception exception)
            {
                // The database is down: no figure rather than a wrong zero; /health says why.
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, exception, "Longueur de la file des tâches de fond illisible.");
                return null;
            }
        });

    public void SurveyResponsesStored(int count, string channel)
    {
        if (count > 0)
        {
            StoredResponses.Add(count, new KeyValuePair<string, object?>("channel", channel));
        }
    }

    public void EmailsSent(int count, string transport)
    {
        if (count > 0)
        {
            SentEmails.Add(count, new KeyValuePair<string, object?>("transport", transport));
        }
    }

    public void EmailBatchFailed(string transport, string failure) =>
        FailedEmailBatches.Add(1, new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("failure", failure));

    public void JobFinished(string job, TimeSpan duration, bool succeeded)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        JobDurations.Record(duration.TotalSeconds, tag, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));
        if (!succeeded)
        {
            FailedJobs.Add(1, tag);
        }
    }
}

/// <summary>
/// The queue-length readers of the hosts running in the process. One in production; the tests run
/// several hosts at once and stop them while others are scraped, so a reader leaves when its host
/// stops, and the newest reader that answers is the one published.
/// </summary>
public sealed class JobQueueReaders
{
    private readonly List<Func<long?>> readers = [];

    public IDisposable Add(Func<long?> reader)
    {
        lock (readers)
        {
            readers.Add(reader);
        }

        return new Registration(this, reader);
    }

    /// <summary>The newest reader's figure that answers, or nothing when none does.</summary>
    public long? Read()
    {
        Func<long?>[] current;
        lock (readers)
        {
            current = [.. readers];
        }

        for (var i = current.Length - 1; i >= 0; i--)
        {
            if (current[i]() is { } count)
            {
                return count;
            }
        }

        return null;
    }

    private sealed class Registration(JobQueueReaders owner, Func<long?> reader) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.readers)
            {
                owner.readers.Remove(reader);
            }
        }
    }
}

public static class MetricsRegistration
{
    /// <summary>Idempotent: the email, survey and job registrations each call it.</summary>
    public static IServiceCollection AddVoixUsagerMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<VoixUsagerMetrics>();
        return services;
    }
}

/// <summary>Times every Hangfire job and counts its failures, in whichever process runs it.</summary>
public sealed class JobMetricsFilter(VoixUsagerMetrics metrics) : IServerFilter
{
    private const string StartedKey = "voixusager.started";

    public void OnPerforming(PerformingContext context) =>
        context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            metrics.JobFinished(context.BackgroundJob.Job.Type.Name, Stopwatch.GetElapsedTime(timestamp),
                succeeded: context.Exception is null || context.ExceptionHandled);
        }
    }
}
