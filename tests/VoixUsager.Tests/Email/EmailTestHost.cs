using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoixUsager.Email;

namespace VoixUsager.Tests.Email;

/// <summary>A host with only <see cref="EmailRegistration.AddEmail"/>, configured as the tests say and by nothing else.</summary>
public sealed class EmailTestHost : IDisposable
{
    private EmailTestHost(IHost host, string contentRoot)
    {
        Host = host;
        ContentRoot = contentRoot;
    }

    public IHost Host { get; }

    public string ContentRoot { get; }

    public IEmailSender Sender => Host.Services.GetRequiredService<IEmailSender>();

    public static EmailTestHost Create(IDictionary<string, string?> settings)
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "voixusager-tests", "email-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(contentRoot);

        // No defaults: neither appsettings files nor Email__* variables of the machine may change the test.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = contentRoot,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddEmail();
        return new EmailTestHost(builder.Build(), contentRoot);
    }

    public static EmailTestHost ForSmtp(int port, SmtpSecurity security, string? userName = null, string? password = null) =>
        Create(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = security.ToString(),
            ["Email:Smtp:UserName"] = userName,
            ["Email:Smtp:Password"] = password,
            ["Email:Smtp:TimeoutSeconds"] = "10",
        });

    public void Dispose()
    {
        Host.Dispose();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in /tmp is harmless; failing the test for it is not.
        }
    }
}
