using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Results;

public sealed record CriterionResult(string Code, string Group, string Label, int Weight, Proportion Compliance, string? Recommendation = null);

public sealed record GroupResult(string Group, Proportion Compliance);

public sealed record TargetResult(string Target, int Records, double? Score);

public sealed record CallResults(
    int Submitted,
    Proportion Answered,
    double? MedianRings,
    Proportion RingsWithinThreshold,
    int? RingsThreshold,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<GroupResult> Groups,
    double? WeightedScore,
    IReadOnlyList<TargetResult> ByTarget);

public sealed record EmailResults(
    int Submitted,
    Proportion Acknowledged,
    int WithinDeadline,
    int Late,
    int NoReply,
    Proportion WithinDeadlineRate,
    double? MedianWorkingDays,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<GroupResult> Groups,
    double? WeightedScore)
{
    /// <summary>Emails answered after the deadline, over all emails sent.</summary>
    public Proportion LateRate => new(Late, Submitted);

    /// <summary>Emails never answered, over all emails sent.</summary>
    public Proportion NoReplyRate => new(NoReply, Submitted);
}

public sealed record MysteryResults(string PrefectureName, string Scope, CallResults Calls, EmailResults Emails, RecommendationSet Recommendations);

/// <summary>
/// The mystery-call and mystery-email figures of an evaluated préfecture. Campaigns hold tens of
/// records, so the submitted ones are read and computed in memory.
/// </summary>
public sealed class MysteryResultsService(AppDbContext db, IOptions<ResultsOptions> options)
{
    public const int ReplyDeadlineWorkingDays = 5;

    public async Task<MysteryResults> ComputeAsync(int prefectureId, int? campaignId, DateTime? cutoffUtc, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var prefectureName = await db.Prefectures.Where(p => p.Id == prefectureId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var campaigns = db.MysteryCampaigns.Where(c => c.EvaluatedPrefectureId == prefectureId);
        if (campaignId is { } id)
        {
            campaigns = campaigns.Where(c => c.Id == id);
        }

        var campaignIds = await campaigns.Select(c => c.Id).ToListAsync(cancellationToken);
        var records = db.MysteryRecords.AsNoTracking().Include(r => r.Answers).Include(r => r.Scenario)
            .Where(r => campaignIds.Contains(r.CampaignId) && r.Status == RecordStatus.Soumis);
        if (cutoffUtc is { } cutoff)
        {
            records = records.Where(r => r.SubmittedAtUtc <= cutoff);
        }

        var all = await records.ToListAsync(cancellationToken);
        var gridIds = all.Select(r => r.GridVersionId).Distinct().ToList();
        var criteria = await db.GridCriteria.AsNoTracking().Where(c => gridIds.Contains(c.GridVersionId)).ToListAsync(cancellationToken);

        var calls = all.OfType<MysteryCallRecord>().ToList();
        var emails = all.OfType<MysteryEmailRecord>().ToList();
        var answeredCalls = calls.Where(c => c.Outcome == CallOutcome.Abouti).ToList();
        var callCriteria = Compliance(answeredCalls, criteria);
        var ringsCriterion = criteria.Where(c => c.Code == DefaultGrids.RingsCode).OrderByDescending(c => c.GridVersionId).FirstOrDefault();
        var rings = calls.Where(c => c.RingsBeforePickup is not null).Select(c => c.RingsBeforePickup!.Value).ToList();
        var threshold = ringsCriterion?.MaxCompliant;
        var callResults = new CallResults(
            calls.Count,
            new Proportion(answeredCalls.Count, calls.Count),
            Median.Of(rings),
            new Proportion(threshold is null ? 0 : rings.Count(r => r <= threshold), threshold is null ? 0 : rings.Count),
            threshold,
            callCriteria,
            Groups(callCriteria),
            WeightedScore(callCriteria),
            answeredCalls.GroupBy(c => c.NumberDialled.Trim())
                .Select(g => new TargetResult(g.Key, g.Count(), WeightedScore(Compliance(g.ToList(), criteria))))
                .OrderBy(t => t.Score ?? 2).ToList());

        var withReply = emails.Where(e => e.ReplyWorkingDays is not null).ToList();
        var within = withReply.Count(e => e.ReplyWorkingDays <= ReplyDeadlineWorkingDays);
        var emailCriteria = Compliance(emails, criteria);
        var emailResults = new EmailResults(
            emails.Count,
            new Proportion(emails.Count(e => e.AcknowledgedAtUtc is not null), emails.Count),
            within,
            withReply.Count - within,
            emails.Count - withReply.Count,
            new Proportion(within, emails.Count),
            Median.Of(withReply.Select(e => e.ReplyWorkingDays!.Value).ToList()),
            emailCriteria,
            Groups(emailCriteria),
            WeightedScore(emailCriteria));

        var recommendations = RecommendationWriter.Write(
            callCriteria.Concat(emailCriteria).Select(c => new CriterionCompliance(c.Code, c.Group, c.Label, c.Compliance, c.Recommendation)).ToList(),
            settings.StrengthAt, settings.RecommendAt, settings.MinimumObservations);
        var scope = campaignId is null ? "toutes les campagnes" : await campaigns.Select(c => c.Name).SingleAsync(cancellationToken);
        return new MysteryResults(prefectureName, scope, callResults, emailResults, recommendations);
    }

    /// <summary>
    /// Yes over yes + no for yes/no criteria ("sans objet" is left out); levels 3 and 4 for the
    /// 4-level scale; at most the threshold for numbers. Criteria are matched across grid versions by code.
    /// </summary>
    public static IReadOnlyList<CriterionResult> Compliance<T>(IReadOnlyList<T> records, IReadOnlyList<GridCriterion> criteria) where T : MysteryRecord
    {
        var byId = criteria.ToDictionary(c => c.Id);
        var gridIds = records.Select(r => r.GridVersionId).ToHashSet();
        return criteria
            .Where(c => gridIds.Contains(c.GridVersionId))
            .GroupBy(c => c.Code)
            .Select(g =>
            {
                var latest = g.OrderByDescending(c => c.GridVersionId).First();
                var ids = g.Select(c => c.Id).ToHashSet();
                var answers = records.SelectMany(r => r.Answers).Where(a => ids.Contains(a.CriterionId)).ToList();
                var compliant = answers.Count(a => IsCompliant(byId[a.CriterionId], a) == true);
                var scored = answers.Count(a => IsCompliant(byId[a.CriterionId], a) is not null);
                return new CriterionResult(latest.Code, latest.Group, latest.Label, latest.Weight, new Proportion(compliant, scored), latest.Recommendation);
            })
            .OrderBy(c => criteria.First(x => x.Code == c.Code).Order)
            .ToList();
    }

    public static bool? IsCompliant(GridCriterion criterion, MysteryAnswer answer) => criterion.Kind switch
    {
        CriterionKind.OuiNon => answer.Choice switch { CriterionChoice.Oui => true, CriterionChoice.Non => false, _ => null },
        CriterionKind.Echelle4 => answer.Scale is { } scale ? scale >= 3 : null,
        CriterionKind.Nombre => answer.Number is { } number && criterion.MaxCompliant is { } max ? number <= max : null,
        _ => null,
    };

    private static IReadOnlyList<GroupResult> Groups(IReadOnlyList<CriterionResult> criteria) =>
        criteria.GroupBy(c => c.Group)
            .Select(g => new GroupResult(g.Key, new Proportion(g.Sum(c => c.Compliance.Successes), g.Sum(c => c.Compliance.Total))))
            .ToList();

    /// <summary>Σ weight × compliance over Σ weight, for the criteria that were scored at least once.</summary>
    public static double? WeightedScore(IReadOnlyList<CriterionResult> criteria)
    {
        var scored = criteria.Where(c => c.Compliance.Total > 0).ToList();
        var weights = scored.Sum(c => c.Weight);
        return weights == 0 ? null : scored.Sum(c => c.Weight * c.Compliance.Rate) / weights;
    }

    /// <summary>A rate for an indicator over a period: the share of calls answered and of emails answered in time.</summary>
    /// <remarks>A record submitted after <paramref name="cutoffUtc"/> is left out, as in <see cref="ComputeAsync"/>.</remarks>
    public async Task<(Proportion CallsAnswered, Proportion EmailsWithinDeadline)> IndicatorRatesAsync(int prefectureId, DateOnly from, DateOnly to, DateTime? cutoffUtc, CancellationToken cancellationToken)
    {
        var cutoff = cutoffUtc ?? DateTime.MaxValue;
        var fromUtc = FrenchTimeZones.ParisToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = FrenchTimeZones.ParisToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var campaignIds = await db.MysteryCampaigns.Where(c => c.EvaluatedPrefectureId == prefectureId).Select(c => c.Id).ToListAsync(cancellationToken);
        var calls = await db.MysteryCallRecords.AsNoTracking()
            .Where(r => campaignIds.Contains(r.CampaignId) && r.Status == RecordStatus.Soumis && r.CalledAtUtc >= fromUtc && r.CalledAtUtc < toUtc && r.SubmittedAtUtc <= cutoff)
            .Select(r => r.Outcome).ToListAsync(cancellationToken);
        var emails = await db.MysteryEmailRecords.AsNoTracking()
            .Where(r => campaignIds.Contains(r.CampaignId) && r.Status == RecordStatus.Soumis && r.SentAtUtc >= fromUtc && r.SentAtUtc < toUtc && r.SubmittedAtUtc <= cutoff)
            .Select(r => r.ReplyWorkingDays).ToListAsync(cancellationToken);
        return (new Proportion(calls.Count(o => o == CallOutcome.Abouti), calls.Count),
            new Proportion(emails.Count(d => d <= ReplyDeadlineWorkingDays), emails.Count));
    }
}
