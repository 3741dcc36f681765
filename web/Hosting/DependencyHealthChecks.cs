using System.Text.Json;
using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VoixUsager.Data;
using VoixUsager.Email;

namespace VoixUsager.Web.Hosting;

/// <summary>
/// The job storage the web enqueues into and the workers read from, and whether any worker is alive.
/// Unreachable storage takes the instance out of rotation; no worker leaves the site up (surveys are
/// still taken) but says that summaries and reminders do not go.
/// </summary>
public sealed class HangfireHealthCheck(JobStorage storage, IOptions<DatabaseOptions> database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            if (servers.Count == 0)
            {
                var where = database.Value.Provider == DatabaseProvider.Sqlite ? "dans l’application" : "(VoixUsager.Worker)";
                return Task.FromResult(HealthCheckResult.Degraded($"Aucun service de tâches de fond actif {where} : synthèses CLU et rappels ne partent pas."));
            }

            return Task.FromResult(HealthCheckResult.Healthy($"{servers.Count} service(s) de tâches de fond actif(s)."));
        }
        catch (Exception exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches de fond (Hangfire) injoignable.", exception));
        }
    }
}

/// <summary>
/// The mail relay: connects and says hello, sends nothing. Down, it degrades the instance without
/// taking it out of rotation: surveys are still taken, and the jobs retry their messages.
/// </summary>
public sealed class SmtpHealthCheck(IOptions<EmailOptions> options) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var email = options.Value;
        if (email.UsesPickupDirectory)
        {
            return HealthCheckResult.Healthy("Pas de serveur SMTP : courriels écrits dans le dossier de dépôt.");
        }

        var smtp = email.Smtp;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, security, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return HealthCheckResult.Healthy("Serveur SMTP joignable.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("Serveur SMTP injoignable : les courriels attendent son retour.", exception);
        }
    }
}

/// <summary>What /health answers: the overall state, then each dependency with its own state and why.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // The shape of the health-check ecosystem's JSON (status, totalDuration, entries), which
        // monitoring dashboards read; without the exception, which stays in the log.
        var body = new
        {
            status = report.Status.ToString(),
            totalDuration = report.TotalDuration.ToString(),
            entries = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // The exception stays in the log: /health is public, its message may name hosts and ports.
                description = e.Value.Description,
                duration = e.Value.Duration.ToString(),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}

/// <summary>
/// The folders this instance writes to: the SQLite file's (embedded mode) and the .eml pickup folder
/// (no SMTP host). Each must be writable, with room left: the database's folder unwritable or full
/// takes the instance out of rotation; the pickup folder's only degrades it (surveys are still taken).
/// </summary>
public sealed class DiskHealthCheck(IOptions<DatabaseOptions> database, IOptions<EmailOptions> email, IHostEnvironment environment) : IHealthCheck
{
    /// <summary>Below this much free space a folder is reported as degraded before it is full.</summary>
    public const long LowSpaceBytes = 1L << 30;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folders = new List<(string Role, string Path, HealthStatus WhenFailing, bool Create)>();
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(DatabaseRegistration.ResolveConnectionString(database.Value, environment.ContentRootPath)).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                folders.Add(("base SQLite", System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!, HealthStatus.Unhealthy, false));
            }
        }

        if (email.Value.UsesPickupDirectory)
        {
            folders.Add(("dossier de dépôt des courriels", EmailRegistration.ResolvePickupDirectory(email.Value, environment.ContentRootPath), HealthStatus.Degraded, true));
        }

        if (folders.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Aucun fichier local : base et courriels sur des serveurs."));
        }

        var worst = HealthStatus.Healthy;
        var said = new List<string>();
        foreach (var (role, path, whenFailing, create) in folders)
        {
            var (status, text) = Check(path, whenFailing, create);
            worst = (HealthStatus)Math.Min((int)worst, (int)status);
            said.Add($"{role} : {text}");
        }

        return Task.FromResult(new HealthCheckResult(worst, string.Join(" ; ", said)));
    }

    // The path itself is not said: /health is public. The database's folder is never created here: a
    // folder gone (a volume not mounted) is a fault to report, not to paper over with an empty one.
    private static (HealthStatus, string) Check(string path, HealthStatus whenFailing, bool create)
    {
        try
        {
            if (!Directory.Exists(path))
            {
                if (!create)
                {
                    return (whenFailing, "dossier introuvable");
                }

                // Created by the first email written: until then, it is where it would be created that
                // must be writable. Nothing is created here (a missing parent is for its owner to see).
                var ancestor = path;
                while (!Directory.Exists(ancestor))
                {
                    // A file where a folder of the path must be made: the folder can never be created.
                    if (File.Exists(ancestor) || System.IO.Path.GetDirectoryName(ancestor) is not { } up)
                    {
                        return (whenFailing, "impossible d'y écrire");
                    }

                    ancestor = up;
                }

                path = ancestor;
            }

            var probe = System.IO.Path.Combine(path, $".sante-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            var free = new DriveInfo(path).AvailableFreeSpace;
            return free < LowSpaceBytes
                ? (HealthStatus.Degraded, $"moins de {LowSpaceBytes >> 30} Gio libres")
                : (HealthStatus.Healthy, "accessible en écriture");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (whenFailing, "impossible d'y écrire");
        }
    }
}
