using System.Net;
using Microsoft.Extensions.Options;
using VoixUsager.Telemetry;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Hosting;

/// <summary>
/// /metrics, in Prometheus' text format: read by the monitoring system from its own networks, or by an
/// administrator signed in with the second factor. Anyone else gets a problem description, never the
/// figures (they reveal activity per channel and the jobs' failures).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) || MayRead(context))
        {
            await next(context);
            return;
        }

        var signedIn = context.User.Identity?.IsAuthenticated == true;
        context.Response.StatusCode = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        await Microsoft.AspNetCore.Http.Results.Problem(
            statusCode: context.Response.StatusCode,
            title: "Accès aux mesures refusé",
            detail: "Les mesures de fonctionnement sont réservées au réseau de supervision et aux administrateurs connectés avec la double authentification.")
            .ExecuteAsync(context);
    });

    /// <summary>
    /// The address is the one the forwarded-headers step kept: a client's own X-Forwarded-For is
    /// believed only from the proxies of ReverseProxy:KnownNetworks, so it cannot claim a monitoring address.
    /// </summary>
    private static bool MayRead(HttpContext context)
    {
        if (TwoFactorRequirement.IsProvenAdministrator(context.User))
        {
            return true;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return context.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsNetworks
            .Any(network => IPNetwork.Parse(network).Contains(address));
    }
}
