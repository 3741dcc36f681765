using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;

namespace VoixUsager.Results;

/// <summary>Everything a CLU is shown, computed at a cut-off.</summary>
/// <param name="IndicatorYear">The calendar year whose entered indicator values are shown.</param>
/// <param name="IndicatorPeriod">
/// The days the computed indicators cover (<see cref="Indicators.TwelveMonthsTo"/>); null in snapshots
/// stored before it was written down, which covered the calendar year <paramref name="IndicatorYear"/>.
/// </param>
/// <param name="Clu">
/// A CLU summary's own sections (previous CLU's decisions, action plan, suggestions and complaints);
/// null for the results alone, and in CLU snapshots stored before format 3, which did not have them.
/// </param>
public sealed record ResultsFigures(SurveyResults Survey, MysteryResults Mystery, int IndicatorYear, IReadOnlyList<IndicatorRow> Indicators, IndicatorPeriod? IndicatorPeriod = null, Clu.CluSections? Clu = null)
{
    /// <summary>The period of the indicators as a reader knows it.</summary>
    public string IndicatorPeriodText() => IndicatorPeriod is { } period
        ? $"12 mois {period.Describe()}"
        : $"année {IndicatorYear}";
}

/// <summary>
/// Computes the results of a préfecture at a cut-off and stores them as they are, so the figures sent to
/// a CLU can be shown again unchanged later, even after more responses arrive.
/// </summary>
public sealed class SnapshotService(AppDbContext db, SurveyResultsService survey, MysteryResultsService mystery, IndicatorService indicators, FranceClock clock)
{
    /// <summary>
    /// The version of the stored form, written beside the figures. Format 1 is the bare figures, as stored
    /// before the form carried a version. Whoever renames, removes or adds a constructor parameter of a
    /// stored record raises it and teaches <see cref="Upgrade"/> to bring older snapshots forward.
    /// </summary>
    public const int FormatVersion = 4;

    // NaN is how a rate over no answer is represented; tuples (the trend) are fields. A constructor
    // parameter missing from the JSON is an error rather than a silent 0: an old snapshot the code no
    // longer understands must fail loudly, never read as "n = 0".
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        IncludeFields = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectRequiredConstructorParameters = true,
    };

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
        var mysteryResults = await mystery.ComputeAsync(prefectureId, mysteryCampaignId, cutoffUtc, cancellationToken);
        var period = Indicators.TwelveMonthsTo(cutoffDay);
        var indicatorRows = await indicators.ListAsync(prefectureId, period, cutoffUtc, cancellationToken);
        return new ResultsFigures(surveyResults, mysteryResults, period.EnteredYear, indicatorRows, period);
    }

    public async Task<ResultsSnapshot> CreateAsync(int prefectureId, DateTime cutoffUtc, string computedBy, CancellationToken cancellationToken, int? surveyCampaignId = null, int? mysteryCampaignId = null) =>
        await StoreAsync(prefectureId, cutoffUtc, computedBy, await ComputeAsync(prefectureId, cutoffUtc, cancellationToken, surveyCampaignId, mysteryCampaignId), cancellationToken);

    /// <summary>Stores figures computed at <paramref name="cutoffUtc"/> by <see cref="ComputeAsync"/>, completed or not with a CLU's sections.</summary>
    public async Task<ResultsSnapshot> StoreAsync(int prefectureId, DateTime cutoffUtc, string computedBy, ResultsFigures figures, CancellationToken cancellationToken)
    {
        var snapshot = new ResultsSnapshot
        {
            PrefectureId = prefectureId,
            CutoffUtc = cutoffUtc,
            ComputedAtUtc = clock.UtcNow,
            ComputedBy = computedBy,
            Description = $"Enquête : {figures.Survey.Scope} ; enquêtes mystères : {figures.Mystery.Scope} ; indicateurs : {figures.IndicatorPeriodText()}",
            FiguresJson = Serialize(figures),
        };
        db.ResultsSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    /// <summary>The stored form: <c>{"formatVersion": 4, "figures": {…}}</c>.</summary>
    public static string Serialize(ResultsFigures figures) =>
        new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["figures"] = JsonSerializer.SerializeToNode(figures, Json),
        }.ToJsonString(Json);

    public static ResultsFigures Read(ResultsSnapshot snapshot) => Read(snapshot.FiguresJson, snapshot.Id);

    /// <exception cref="InvalidDataException">The snapshot is empty, unreadable, or from a newer version of the application.</exception>
    public static ResultsFigures Read(string stored, int snapshotId = 0)
    {
        try
        {
            var root = JsonNode.Parse(stored, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }) as JsonObject
                ?? throw new InvalidDataException($"Snapshot {snapshotId} is not a JSON object.");
            var (version, figures) = root.TryGetPropertyValue("formatVersion", out var versionNode) && versionNode is not null
                ? (versionNode.GetValue<int>(), root["figures"] as JsonObject ?? throw new InvalidDataException($"Snapshot {snapshotId} has no figures."))
                : (1, root);
            if (version > FormatVersion)
            {
                throw new InvalidDataException($"Snapshot {snapshotId} is in format {version}, newer than this application's {FormatVersion}.");
            }

            Upgrade(figures, version);
            return figures.Deserialize<ResultsFigures>(Json) ?? throw new InvalidDataException($"Snapshot {snapshotId} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Snapshot {snapshotId} cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>Brings the figures of an older format to the current one, step by step.</summary>
    private static void Upgrade(JsonObject figures, int version)
    {
        if (version < 2 && figures["mystery"]?["recommendations"] is JsonObject recommendations && !recommendations.ContainsKey("toConfirm"))
        {
            // Format 1 had no "à confirmer" list: what it stated was stated, nothing was held back.
            recommendations["toConfirm"] = new JsonArray();
        }

        if (version < 3 && !figures.ContainsKey("clu"))
        {
            // Before format 3 a CLU snapshot froze the results only: its summary says these sections
            // were not part of it rather than showing sections computed later.
            figures["clu"] = null;
        }

        if (version < 4 && figures["survey"] is JsonObject survey && !survey.ContainsKey("byLanguage"))
        {
            // Before format 4 the survey was not split by language: the snapshot shows no such table
            // rather than a split computed later.
            survey["byLanguage"] = new JsonArray();
        }
    }
}
