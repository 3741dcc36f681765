using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoixUsager.Data;

namespace VoixUsager.Results;

/// <summary>
/// One dashboard computed and drawn at start-up, before the first request, and thrown away: the first
/// view of a fresh process otherwise pays for compiling the queries and the code that runs them and for
/// loading the charts' fonts (about half of that view's time on a national data set). Nothing is cached,
/// so no one sees figures computed at start-up.
/// </summary>
public static class ResultsWarmUp
{
    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var campaign = await db.SurveyCampaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.PrefectureId }).FirstOrDefaultAsync(cancellationToken);
            if (campaign is null)
            {
                return;
            }

            var survey = scope.ServiceProvider.GetRequiredService<SurveyResultsService>();
            // The two shapes a dashboard asks for: a campaign (the default view) and every campaign.
            foreach (var filter in new[] { new SurveyFilter(CampaignId: campaign.Id), new SurveyFilter() })
            {
                var context = await survey.LoadContextAsync(campaign.PrefectureId, filter, cancellationToken);
                await survey.ResponsesMarkerAsync(campaign.PrefectureId, cancellationToken);
                var figures = await survey.ComputeAsync(campaign.PrefectureId, filter, context, cancellationToken);
                foreach (var kind in ChartKinds.Survey)
                {
                    ResultsCharts.Render(kind, figures, null);
                }
            }

            logger.LogInformation("Résultats préparés au démarrage en {Milliseconds} ms.", stopwatch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A warm-up only saves time: the first request will do the same work, and say what fails.
            logger.LogWarning(exception, "Préparation des résultats au démarrage impossible ; la première vue les calculera.");
        }
    }
}
