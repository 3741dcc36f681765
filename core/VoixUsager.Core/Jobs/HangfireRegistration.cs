using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoixUsager.Data;

namespace VoixUsager.Jobs;

/// <summary>Bound from the <c>Jobs</c> section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// A job whose worker died (killed, machine lost) is handed to another worker after this long.
    /// Long enough for the slowest job to finish: the CLU summaries of a large préfecture.
    /// </summary>
    [Range(5, 86_400)]
    public int InvisibilityTimeoutSeconds { get; set; } = 600;

    /// <summary>
    /// How long a copy of a job may hold one recipient's message while handing it to the mail server.
    /// Past it the copy is taken for dead and another may send the message (with the same Message-ID).
    /// Never shorter than twice the SMTP timeout, whatever is set here.
    /// </summary>
    [Range(5, 3600)]
    public int DeliveryClaimSeconds { get; set; } = 300;

    /// <summary>Parallel jobs per Hangfire server.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often an idle server looks for new jobs.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// In the embedded SQLite mode the web runs the jobs itself; tests that drive jobs by hand turn
    /// this off so no background server races them.
    /// </summary>
    public bool RunServerInWeb { get; set; } = true;
}

public static class HangfireRegistration
{
    /// <summary>
    /// Hangfire storage on the application's own database server: SQL Server or PostgreSQL, shared by
    /// the web (which enqueues and schedules) and the workers (which run the jobs). In the embedded
    /// SQLite mode jobs live in memory and the web runs them itself.
    /// </summary>
    public static IServiceCollection AddVoixUsagerHangfire(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        // The storage is this host's own, not Hangfire's process-wide current one: several hosts in one
        // process (tests) must not share or swap each other's storage.
        JobStorage storage = database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, SqlServerOptions(jobs)),
            DatabaseProvider.Postgres => new PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString!, PostgresOptions(jobs)),
                PostgresOptions(jobs)),
            _ => new Hangfire.InMemory.InMemoryStorage(),
        };
        services.AddSingleton(storage);
        Telemetry.MetricsRegistration.AddVoixUsagerMetrics(services);
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage)
            .UseLogProvider(new DisposalSafeLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(provider.GetRequiredService<ILoggerFactory>()))));

        if (runServer || (database.Provider == DatabaseProvider.Sqlite && jobs.RunServerInWeb))
        {
            services.AddHangfireServer((provider, server) =>
            {
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.PollSeconds);
                // Jobs are built from this host's services, whatever another host set as the global activator.
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
                // The timing filter is this server's own too: Hangfire's global filters are process-wide.
                var timing = new Hangfire.Common.JobFilterCollection();
                timing.Add(new Telemetry.JobMetricsFilter(provider.GetRequiredService<Telemetry.VoixUsagerMetrics>()));
                server.FilterProvider = new Hangfire.Common.JobFilterProviderCollection(Hangfire.Common.JobFilterProviders.Providers, timing);
            });
        }

        return services;
    }

    /// <summary>Hangfire's tables live in this schema of the application's own database (documented in the READMEs).</summary>
    public const string Schema = "hangfire";

    public static SqlServerStorageOptions SqlServerOptions(JobsOptions jobs) => new()
    {
        SlidingInvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
        QueuePollInterval = TimeSpan.FromSeconds(jobs.PollSeconds),
        PrepareSchemaIfNecessary = true,
        SchemaName = Schema,
    };

    private static PostgreSqlStorageOptions PostgresOptions(JobsOptions jobs) => new()
    {
        InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
        // A lock held by a worker that died is given up after the same delay as its job.
        DistributedLockTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
        QueuePollInterval = TimeSpan.FromSeconds(jobs.PollSeconds),
        PrepareSchemaIfNecessary = true,
        SchemaName = Schema,
    };

    /// <summary>The hour (Paris time) at which the due CLU summaries are sent each day.</summary>
    public const int CluDueHour = 6;

    /// <summary>The recurring jobs, registered (or updated) by the web at each start, in French civil time.</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager manager)
    {
        var paris = Calendar.FrenchTimeZones.Paris;
        // Just after midnight in Paris, when yesterday is complete.
        manager.AddOrUpdate<NationalDailyCountsJob>("comptes-nationaux-quotidiens", job => job.RunAsync(CancellationToken.None), "15 0 * * *", new RecurringJobOptions { TimeZone = paris });
        manager.AddOrUpdate<NightlySnapshotJob>("instantanes-nocturnes", job => job.RunAsync(CancellationToken.None), "0 2 * * *", new RecurringJobOptions { TimeZone = paris });
        manager.AddOrUpdate<CluDueJob>("clu-syntheses-a-envoyer", job => job.RunAsync(CancellationToken.None), $"0 {CluDueHour} * * *", new RecurringJobOptions { TimeZone = paris });
        manager.AddOrUpdate<ReferentReminderJob>("rappel-referents", job => job.RunAsync(CancellationToken.None), "0 8 * * 1", new RecurringJobOptions { TimeZone = paris });
        manager.AddOrUpdate<OverdueCasesJob>("registre-dossiers-en-retard", job => job.RunAsync(CancellationToken.None), "30 8 * * 1", new RecurringJobOptions { TimeZone = paris });
        manager.AddOrUpdate<RetentionJob>("retention-rgpd", job => job.RunAsync(CancellationToken.None), "0 3 * * *", new RecurringJobOptions { TimeZone = paris });
    }
}
