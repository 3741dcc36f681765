using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoixUsager.Data;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager;

public static class SurveyServicesRegistration
{
    public static IServiceCollection AddSurveyServices(this IServiceCollection services)
    {
        services.AddMemoryCache(o => o.SizeLimit = 10_000);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FranceClock>();
        services.AddScoped<QuestionnaireCatalog>();
        services.AddScoped<PublicSurveyLookup>();
        services.AddScoped<SurveyResponseStore>();
        return services;
    }
}
