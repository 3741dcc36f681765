using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Surveys;

namespace VoixUsager.Results;

public enum CampaignState
{
    Prevue,
    Ouverte,
    Close,
}

/// <summary>Where a survey campaign stands on a given day, and which campaign the results open on.</summary>
public static class CampaignStates
{
    /// <summary>Closed early by the quality team or past its end: closed; not started: planned; otherwise open.</summary>
    public static CampaignState Of(DateOnly startsOn, DateOnly endsOn, bool closedEarly, DateOnly today) =>
        closedEarly || endsOn < today ? CampaignState.Close
        : startsOn > today ? CampaignState.Prevue
        : CampaignState.Ouverte;

    public static string Label(CampaignState state) => state switch
    {
        CampaignState.Prevue => "prévue",
        CampaignState.Ouverte => "ouverte",
        _ => "close",
    };

    /// <summary>
    /// The campaign the results open on: the one running today, else the latest one that has responses,
    /// else none (all responses). A campaign planned for next spring is never the default: it has nothing to show.
    /// </summary>
    public static async Task<int?> DefaultCampaignIdAsync(AppDbContext db, int prefectureId, DateOnly today, CancellationToken cancellationToken)
    {
        var running = await db.SurveyCampaigns.AsNoTracking()
            .Where(SurveyCampaign.OpenOn(today))
            .Where(c => c.PrefectureId == prefectureId)
            .OrderByDescending(c => c.StartsOn).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return running ?? await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.PrefectureId == prefectureId && db.SurveyResponses.Any(r => r.CampaignId == c.Id))
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
