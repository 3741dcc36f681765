using Microsoft.Extensions.DependencyInjection;

namespace VoixUsager.Jobs;

public static class JobsRegistration
{
    /// <summary>The job classes, resolved by Hangfire in whichever process hosts its server.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        return services;
    }
}
