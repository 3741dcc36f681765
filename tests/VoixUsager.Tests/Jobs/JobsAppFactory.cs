using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Email;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Jobs;

/// <summary>The real clock moved by <see cref="Offset"/>: time still passes, so anything timing itself keeps working.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
}

/// <summary>Delivers through the real sender, or only the first <see cref="FailAfter"/> messages of a batch, then fails as SMTP would.</summary>
public sealed class FlakyEmailSender(MailKitEmailSender inner) : IEmailSender
{
    public int? FailAfter { get; set; }

    /// <summary>The error the failure carries; a test sets a long one to see it cut.</summary>
    public string FailureMessage { get; set; } = "Destinataire refusé (test).";

    public async Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, Func<int, Task<bool>>? beforeEach, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct)
    {
        if (FailAfter is not { } count || count >= batch.Count)
        {
            return await inner.SendAsync(batch, beforeEach, onEachSent, ct);
        }

        var sent = await inner.SendAsync(batch.Take(count).ToList(), beforeEach, onEachSent, ct);
        // The message that fails was claimed like any other before the server refused it.
        if (beforeEach is not null)
        {
            await beforeEach(count);
        }

        throw new EmailDeliveryException(EmailFailure.RecipientRefused, FailureMessage, sent, null);
    }
}

/// <summary>The real application with a clock the test can move and an email sender it can make fail.</summary>
public sealed class JobsAppFactory : VoixUsagerAppFactory
{
    public ShiftedTimeProvider Time { get; } = new();

    public FlakyEmailSender Sender => Services.GetRequiredService<FlakyEmailSender>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Added after the application's own registrations (TryAdd of TimeProvider.System), so these win.
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<MailKitEmailSender>();
            services.AddSingleton<FlakyEmailSender>();
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<FlakyEmailSender>());
        });
    }
}
