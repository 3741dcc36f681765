using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VoixUsager.Web.Hosting;

public sealed class SurveyRateLimitOptions
{
    public const string Section = "SurveyRateLimit";

    /// <summary>Survey submissions one client may post per window.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

public static class SurveyRateLimiting
{
    public const string Policy = "survey-submissions";

    public static IServiceCollection AddSurveyRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SurveyRateLimitOptions>()
            .BindConfiguration(SurveyRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context =>
            {
                // Reading the form is never limited: only posting answers is.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var options = context.RequestServices.GetRequiredService<IOptions<SurveyRateLimitOptions>>().Value;
                // The address is used in memory to count, and never stored.
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "inconnu";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
