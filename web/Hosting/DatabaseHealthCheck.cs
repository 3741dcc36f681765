using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoixUsager.Data;

namespace VoixUsager.Web.Hosting;

/// <summary>Load balancers take an instance out of rotation when it cannot reach its database.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Base de données injoignable.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable.", exception);
        }
    }
}
