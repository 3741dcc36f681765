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
        var body = new
        {
            status = report.Status.ToString(),
            dependances = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // The exception stays in the log: /health is public, its message may name hosts and ports.
                description = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
