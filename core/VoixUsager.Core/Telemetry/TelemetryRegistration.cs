using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VoixUsager.Telemetry;

/// <summary>Bound from the <c>Telemetry</c> section.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OpenTelemetry collector (http://… or https://…) that receives metrics and traces by OTLP.
    /// Empty: nothing is exported, /metrics stays the only way to read them.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Logs written as one JSON object a line, for a log collector, instead of plain text.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>
    /// Networks (CIDR) the monitoring system scrapes /metrics from, without signing in. Anyone else
    /// needs an administrator's session with its second factor.
    /// </summary>
    public List<string> MetricsNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Telemetry:OtlpEndpoint attend une adresse http:// ou https://, par exemple http://collecteur:4318.", [nameof(OtlpEndpoint)]);
        }

        foreach (var network in MetricsNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Telemetry:MetricsNetworks attend des réseaux au format CIDR (10.0.0.0/24), pas « {network} ».", [nameof(MetricsNetworks)]);
        }
    }
}

public static class TelemetryRegistration
{
    /// <summary>
    /// Metrics and traces of one process (web or worker): the application's own meter, the runtime,
    /// outgoing HTTP and EF Core, plus what <paramref name="more"/> adds (the web's requests and its
    /// Prometheus endpoint). Exported by OTLP when an endpoint is configured.
    /// </summary>
    public static IServiceCollection AddVoixUsagerTelemetry(this IServiceCollection services, IConfiguration configuration, ILoggingBuilder logging,
        string serviceName, Action<MeterProviderBuilder>? moreMetrics = null, Action<TracerProviderBuilder>? moreTraces = null)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddVoixUsagerMetrics();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        // Every console line goes through a formatter that masks addresses, phone numbers and link
        // secrets, whichever format is chosen.
        logging.AddConsoleFormatter<RedactedSimpleConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        logging.AddConsoleFormatter<RedactedJsonConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        logging.AddConsole(console => console.FormatterName = options.JsonLogs ? RedactedJsonConsoleFormatter.FormatterName : RedactedSimpleConsoleFormatter.FormatterName);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(VoixUsagerMetrics.MeterName).AddRuntimeInstrumentation().AddHttpClientInstrumentation();
                moreMetrics?.Invoke(metrics);
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, otlp, "v1/metrics"));
                }
            });
        // Traces only leave the process by OTLP: without a collector there is no one to read them.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation();
                moreTraces?.Invoke(tracing);
                tracing.AddOtlpExporter(o => Otlp(o, otlp, "v1/traces"));
            });
        }

        return services;
    }

    // OTLP over HTTP, the protocol every collector and proxy accepts; set in code, the endpoint must
    // name each signal's path itself (the exporter only appends it to an endpoint read from OTEL_*).
    private static void Otlp(OpenTelemetry.Exporter.OtlpExporterOptions exporter, Uri collector, string signalPath)
    {
        exporter.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = new Uri(new Uri(collector.AbsoluteUri.TrimEnd('/') + "/"), signalPath);
    }
}
