using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager;

public static class CoreServicesRegistration
{
    public static IServiceCollection AddSurveyServices(this IServiceCollection services)
    {
        services.AddMemoryCache(o => o.SizeLimit = 10_000);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FranceClock>();
        services.AddScoped<QuestionnaireCatalog>();
        services.AddScoped<QuestionnaireEditing>();
        services.AddScoped<PublicSurveyLookup>();
        services.AddScoped<SurveyCampaignService>();
        services.AddScoped<CampaignQuestionnaireService>();
        services.AddScoped<InterviewEntry>();
        services.AddScoped<Clu.CluService>();
        services.AddScoped<Clu.CluMeetingKitService>();
        services.AddScoped<Clu.Documents.CluDocumentsService>();
        services.AddSingleton<Clu.CluAttendanceLinks>();
        services.AddScoped<Prefectures.PrefectureAdministration>();
        services.AddScoped<Register.OwnerServiceAdministration>();
        services.AddScoped<Register.RegisterService>();
        services.AddScoped<Register.RegisterQueries>();
        services.AddScoped<ActionPlan.ActionPlanService>();
        services.AddScoped<ActionPlan.ModuleAdministration>();
        return services;
    }

    public static IServiceCollection AddMysteryServices(this IServiceCollection services)
    {
        services.AddScoped<MysteryRecordService>();
        services.AddScoped<MysteryCampaignPlanner>();
        services.AddScoped<MysteryCampaignEditing>();
        services.AddScoped<GridEditing>();
        return services;
    }

    public static IServiceCollection AddResultsServices(this IServiceCollection services)
    {
        services.AddOptions<Results.ResultsOptions>().BindConfiguration(Results.ResultsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Results.SurveyResultsService>();
        services.AddScoped<Results.MysteryResultsService>();
        services.AddScoped<Results.IndicatorService>();
        services.AddScoped<Results.SnapshotService>();
        services.AddScoped<Results.PublicResultsService>();
        services.AddScoped<Clu.CluSectionsService>();
        services.AddScoped<Results.ResultsExports>();
        services.AddSingleton<Results.ResultsMemory>();
        services.AddScoped<Results.ResultsCache>();
        services.AddScoped<ActionPlan.ActionFromOrigin>();
        return services;
    }

    /// <summary>Only the process that receives survey posts (the web) runs the response writer.</summary>
    public static IServiceCollection AddSurveyResponseWriter(this IServiceCollection services)
    {
        Telemetry.MetricsRegistration.AddVoixUsagerMetrics(services);
        services.AddSingleton<SurveyResponseWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyResponseWriter>());
        return services;
    }
}
