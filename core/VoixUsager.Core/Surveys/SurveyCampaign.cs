using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Surveys;

/// <summary>A period during which a préfecture's sites collect the satisfaction survey, e.g. October–December.</summary>
public class SurveyCampaign
{
    public int Id { get; set; }

    public int PrefectureId { get; set; }

    public Prefecture Prefecture { get; set; } = null!;

    public required string Name { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int QuestionnaireVersionId { get; set; }

    public QuestionnaireVersion QuestionnaireVersion { get; set; } = null!;

    /// <summary>Set when the quality team closes the campaign before its end date.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Sites (or a site's channel) that answer another questionnaire than <see cref="QuestionnaireVersionId"/>.</summary>
    public List<SurveyCampaignQuestionnaire> SiteQuestionnaires { get; set; } = [];

    /// <summary>
    /// The one rule for "collecting answers on this day" (not closed early, between its first and last day),
    /// as an expression so every query (public form, writer, interviews, nightly snapshot, dashboards) runs it in SQL.
    /// </summary>
    public static Expression<Func<SurveyCampaign, bool>> OpenOn(DateOnly day) =>
        c => c.ClosedAtUtc == null && c.StartsOn <= day && c.EndsOn >= day;
}

/// <summary>The campaign a préfecture's sites answer on a given day.</summary>
public sealed record RunningCampaign(int Id, string Name, int QuestionnaireVersionId, DateOnly StartsOn)
{
    /// <summary>The open campaign that started last: one rule for the public form and the staff interview screen.</summary>
    public static Task<RunningCampaign?> FindAsync(IQueryable<SurveyCampaign> campaigns, int prefectureId, DateOnly day, CancellationToken cancellationToken) =>
        campaigns.AsNoTracking()
            .Where(SurveyCampaign.OpenOn(day))
            .Where(c => c.PrefectureId == prefectureId)
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new RunningCampaign(c.Id, c.Name, c.QuestionnaireVersionId, c.StartsOn))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The first campaign still to come after <paramref name="day"/> (not cancelled): the date the closed form
    /// announces and the questionnaire a poster printed between two campaigns leads to.
    /// </summary>
    public static Task<RunningCampaign?> NextAsync(IQueryable<SurveyCampaign> campaigns, int prefectureId, DateOnly day, CancellationToken cancellationToken) =>
        campaigns.AsNoTracking()
            .Where(c => c.PrefectureId == prefectureId && c.ClosedAtUtc == null && c.StartsOn > day)
            .OrderBy(c => c.StartsOn)
            .Select(c => new RunningCampaign(c.Id, c.Name, c.QuestionnaireVersionId, c.StartsOn))
            .FirstOrDefaultAsync(cancellationToken);
}
