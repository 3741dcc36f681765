using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Results;

/// <summary>Everything a CLU is shown, computed at a cut-off.</summary>
public sealed record ResultsFigures(SurveyResults Survey, MysteryResults Mystery, int IndicatorYear, IReadOnlyList<IndicatorRow> Indicators);

/// <summary>
/// Computes the results of a préfecture at a cut-off and stores them as they are, so the figures sent to
/// a CLU can be shown again unchanged later, even after more responses arrive.
/// </summary>
public sealed class SnapshotService(AppDbContext db, SurveyResultsService survey, MysteryResultsService mystery, IndicatorService indicators, FranceClock clock)
{
    // NaN is how a rate over no answer is represented; tuples (the trend) are fields.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public const double StrengthAt = 0.8;
    public const double RecommendAt = 0.6;

    /// <summary>
    /// The survey covers the given campaign, or else the latest one that had started by the cut-off (all
    /// responses if none); the mystery results cover the given campaign, or else all of them.
    /// </summary>
    public async Task<ResultsFigures> ComputeAsync(int prefectureId, DateTime cutoffUtc, CancellationToken cancellationToken, int? surveyCampaignId = null, int? mysteryCampaignId = null)
    {
        var cutoffDay = DateOnly.FromDateTime(Calendar.FrenchTimeZones.UtcToParis(cutoffUtc));
        var campaignId = surveyCampaignId ?? await db.SurveyCampaigns
            .Where(c => c.PrefectureId == prefectureId && c.StartsOn <= cutoffDay)
            .OrderByDescending(c => c.StartsOn)
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var surveyResults = await survey.ComputeAsync(prefectureId, new SurveyFilter(CampaignId: campaignId, CutoffUtc: cutoffUtc), cancellationToken);
        var mysteryResults = await mystery.ComputeAsync(prefectureId, mysteryCampaignId, cutoffUtc, StrengthAt, RecommendAt, cancellationToken);
        var indicatorRows = await indicators.ListAsync(prefectureId, cutoffDay.Year, null, cutoffUtc, cancellationToken);
        return new ResultsFigures(surveyResults, mysteryResults, cutoffDay.Year, indicatorRows);
    }

    public async Task<ResultsSnapshot> CreateAsync(int prefectureId, DateTime cutoffUtc, string computedBy, CancellationToken cancellationToken, int? surveyCampaignId = null, int? mysteryCampaignId = null)
    {
        var figures = await ComputeAsync(prefectureId, cutoffUtc, cancellationToken, surveyCampaignId, mysteryCampaignId);
        var snapshot = new ResultsSnapshot
        {
            PrefectureId = prefectureId,
            CutoffUtc = cutoffUtc,
            ComputedAtUtc = clock.UtcNow,
            ComputedBy = computedBy,
            Description = $"Enquête : {figures.Survey.Scope} ; enquêtes mystères : {figures.Mystery.Scope} ; indicateurs {figures.IndicatorYear}",
            FiguresJson = JsonSerializer.Serialize(figures, Json),
        };
        db.ResultsSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    public static ResultsFigures Read(ResultsSnapshot snapshot) =>
        JsonSerializer.Deserialize<ResultsFigures>(snapshot.FiguresJson, Json) ?? throw new InvalidDataException($"Snapshot {snapshot.Id} is empty.");
}
