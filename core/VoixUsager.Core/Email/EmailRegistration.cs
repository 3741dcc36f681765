using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using VoixUsager.Telemetry;

namespace VoixUsager.Email;

public static class EmailRegistration
{
    /// <summary>Registers <see cref="IEmailSender"/>, configured by the <c>Email</c> section.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddVoixUsagerMetrics();
        services.TryAddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddHostedService<EmailModeAnnouncement>();
        return services;
    }

    public static string ResolvePickupDirectory(EmailOptions options, string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, options.PickupDirectory));

    /// <summary>Says once, at start-up, where the emails go, so that a newcomer running without SMTP finds them.</summary>
    private sealed class EmailModeAnnouncement(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailModeAnnouncement> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var email = options.Value;
            if (email.UsesPickupDirectory)
            {
                logger.LogInformation("Pas de serveur SMTP (Email:Smtp:Host vide) : les courriels sont écrits en fichiers .eml dans {PickupDirectory}",
                    ResolvePickupDirectory(email, environment.ContentRootPath));
            }
            else
            {
                logger.LogInformation("Courriels envoyés par SMTP via {Host}:{Port} ({Security}).",
                    email.Smtp.Host, email.Smtp.Port, email.Smtp.Security);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
