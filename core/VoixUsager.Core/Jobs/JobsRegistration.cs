using Microsoft.Extensions.DependencyInjection;

namespace VoixUsager.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// The job classes, resolved by Hangfire in whichever process hosts its server. They need the
    /// database, <c>AddSurveyServices()</c> (the clock), <c>AddResultsServices()</c> and
    /// <c>AddEmail()</c>, registered by the host.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddAppOptions();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<RetentionJob>();
        services.AddScoped<ReferentReminderJob>();
        services.AddScoped<OverdueCasesJob>();
        services.AddScoped<CluSummaryJob>();
        services.AddScoped<CluInvitationJob>();
        services.AddScoped<CluDueJob>();
        services.AddScoped<NightlySnapshotJob>();
        services.AddScoped<NationalDailyCountsJob>();
        return services;
    }
}
