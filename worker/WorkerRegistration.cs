using VoixUsager.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoixUsager.Data;
using VoixUsager.Email;
using VoixUsager.Jobs;

namespace VoixUsager.Worker;

public static class WorkerRegistration
{
    public const string SqliteRefusal =
        "Le worker autonome nécessite SQL Server ou PostgreSQL (Database:Provider). " +
        "En mode SQLite embarqué, les tâches s'exécutent dans l'application web elle-même : il n'y a pas de worker à lancer.";

    public static HostApplicationBuilder AddVoixUsagerWorker(this HostApplicationBuilder builder)
    {
        builder.Services.AddVoixUsagerDatabase();
        builder.Services.AddSurveyServices();
        builder.Services.AddEmail();
        builder.Services.AddVoixUsagerDataProtection();
        builder.Services.AddResultsServices();
        builder.Services.AddMysteryServices();
        builder.Services.AddJobs();
        builder.Services.AddVoixUsagerHangfire(builder.Configuration, runServer: true);
        // The worker serves no HTTP: its job timings and emails leave by OTLP when a collector is set.
        builder.Services.AddVoixUsagerTelemetry(builder.Configuration, builder.Logging, "VoixUsager.Worker");
        return builder;
    }

    /// <summary>
    /// The worker never migrates (only the web does): it refuses to start on SQLite, whose file cannot
    /// be shared between processes on different machines, and on a schema the web has not migrated yet.
    /// </summary>
    public static async Task<bool> CheckWorkerDatabaseAsync(this IHost host)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VoixUsager.Worker");
        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            logger.LogCritical(SqliteRefusal);
            return false;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            logger.LogCritical("La base de données n'est pas à jour ({Count} migration(s) en attente) : démarrez d'abord l'application web, qui applique les migrations.", pending.Count);
            return false;
        }

        logger.LogInformation("Worker démarré sur {Provider}.", options.Provider);
        return true;
    }
}
