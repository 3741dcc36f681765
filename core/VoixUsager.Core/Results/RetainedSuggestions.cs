using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Surveys;

namespace VoixUsager.Results;

public static class RetainedSuggestions
{
    /// <summary>The suggestions the quality team retained for the CLU, masked, oldest first.</summary>
    public static async Task<IReadOnlyList<RetainedSuggestion>> ForPrefectureAsync(AppDbContext db, int prefectureId, DateTime? cutoffUtc, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.SuggestionReviews.AsNoTracking()
                          join a in db.SurveyAnswers on r.AnswerId equals a.Id
                          where r.RetainedForClu && a.Response.Campaign.PrefectureId == prefectureId && a.Text != null
                                && (cutoffUtc == null || a.Response.SubmittedAtUtc <= cutoffUtc)
                          orderby a.Response.SubmittedAtUtc
                          select new { a.Response.SubmittedAtUtc, Site = a.Response.Site.Name, a.Response.Channel, Text = a.Text!, r.Response }).ToListAsync(cancellationToken);
        return rows.Select(r => new RetainedSuggestion(r.SubmittedAtUtc, r.Site, SurveyChannels.Label(r.Channel), PersonalDataMasker.Mask(r.Text), r.Response)).ToList();
    }
}
