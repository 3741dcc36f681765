using Microsoft.AspNetCore.Mvc;
using VoixUsager.ActionPlan;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Data.EntityConfigurations;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;
using VoixUsager.Web.Results;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Resultats;

/// <summary>
/// The usagers' suggestions, personal data masked before anyone reads them, searchable, and markable
/// as retained for the CLU with an answer or action.
/// </summary>
public class SuggestionsModel(AppDbContext db, StaffUser staff, FranceClock clock, ActionFromOrigin actions, ActionPlanService plan) : ResultsPageModel(db, staff)
{
    /// <summary>The suggestions already made into an action (« action engagée »), for the préfecture's own quality team; null for others.</summary>
    public Dictionary<long, (int Id, ActionStatus Status)>? Engaged { get; private set; }

    /// <summary>« Becomes an action in one click »: a pre-filled action, opened for the team to complete.</summary>
    public async Task<IActionResult> OnPostActionAsync(long? answerId, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Suggestions des usagers";
        if (Staff.RegisterActor is not { IsQualityTeam: true } actor)
        {
            return Forbid();
        }

        if (answerId is null)
        {
            return NotFound();
        }

        switch (await actions.FromSuggestionAsync(actor, answerId.Value, cancellationToken))
        {
            case ChangeResult.Done done:
                TempData["Done"] = "Action créée à partir de la suggestion : complétez-la.";
                return RedirectToPage("/Registre/Plan/Action", new { id = done.Id });
            case ChangeResult.Invalid invalid:
                if (await ResolveAsync(cancellationToken) is { } refused)
                {
                    return refused;
                }

                await LoadAsync(cancellationToken);
                return Invalid(invalid.Errors);
            case ChangeResult.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }

    public const int PageSize = 30;

    public sealed record Row(long AnswerId, DateTime SubmittedAtUtc, string Site, SurveyChannel Channel, string Text, bool Retained, string? Response);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>What was typed in a refused answer, shown again instead of the stored one.</summary>
    public Dictionary<long, string> Typed { get; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "retenues")]
    public bool RetainedOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Suggestions des usagers";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (PageNumber < 1 || Search is { Length: > 200 })
        {
            Errors["q"] = "La recherche doit compter 200 caractères au plus.";
        }

        if (Errors.Count > 0)
        {
            return Invalid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The answer's field is named after the suggestion, so that each row's label points at its own input.</summary>
    public static string ResponseField(long answerId) => $"reponse-{answerId}";

    public async Task<IActionResult> OnPostAsync(long answerId, bool retained, CancellationToken cancellationToken)
    {
        var response = Request.HasFormContentType ? Request.Form[ResponseField(answerId)].ToString() : null;
        ViewData["Title"] = "Suggestions des usagers";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var prefectureId = PrefectureId;
        var answer = await Db.SurveyAnswers.Where(a => a.Id == answerId && a.Text != null)
            .Select(a => new { a.Id, a.Response.Campaign.PrefectureId }).SingleOrDefaultAsync(cancellationToken);
        if (answer is null)
        {
            return NotFound();
        }

        if (answer.PrefectureId != prefectureId)
        {
            return Forbid();
        }

        if (response is { Length: > SuggestionReviewConfiguration.ResponseMaxLength })
        {
            Typed[answerId] = response;
            Errors[ResponseField(answerId)] = $"La réponse ou l’action compte {SuggestionReviewConfiguration.ResponseMaxLength} caractères au plus.";
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var review = await Db.SuggestionReviews.SingleOrDefaultAsync(r => r.AnswerId == answerId, cancellationToken);
        if (review is null)
        {
            review = new SuggestionReview { AnswerId = answerId, ReviewedByUserId = Staff.Id };
            Db.SuggestionReviews.Add(review);
        }

        review.RetainedForClu = retained;
        review.Response = string.IsNullOrWhiteSpace(response) ? null : response.Trim();
        review.ReviewedByUserId = Staff.Id;
        review.ReviewedAtUtc = clock.UtcNow;
        Staff.Audit(Db, retained ? "suggestion.retenue" : "suggestion.non-retenue", "SurveyAnswer", answerId, prefectureId, review.Response);
        await Db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(WithPageNumber(Url.Page("/Resultats/Suggestions", null, PrefectureRoute(), null, null, $"suggestion-{answerId}")!, [], PageNumber));
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int pageNumber) => WithPageNumber(
        Url.Page("/Resultats/Suggestions", PrefectureRoute())!,
        [new("q", Search ?? ""), new("retenues", RetainedOnly ? "true" : "false")],
        pageNumber);

    // "page" is the route value Razor Pages reserves for the page's own name, so the page number cannot go
    // through the route values: routing gives the path and the préfecture, the rest is appended (before any fragment).
    private static string WithPageNumber(string url, KeyValuePair<string, string?>[] query, int pageNumber) =>
        QueryHelpers.AddQueryString(url, [.. query, new("page", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        var query = from a in Db.SurveyAnswers.AsNoTracking()
                    join q in Db.Questions on a.QuestionId equals q.Id
                    where q.Code == DefaultQuestionnaire.Codes.Suggestion && a.Text != null && a.Response.Campaign.PrefectureId == prefectureId
                    select new
                    {
                        a.Id,
                        a.Response.SubmittedAtUtc,
                        Site = a.Response.Site.Name,
                        a.Response.Channel,
                        Text = a.Text!,
                        Review = Db.SuggestionReviews.FirstOrDefault(r => r.AnswerId == a.Id),
                    };
        if (RetainedOnly)
        {
            query = query.Where(x => x.Review != null && x.Review.RetainedForClu);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            query = query.Where(x => x.Text.Contains(term));
        }

        var rows = (await query.OrderByDescending(x => x.SubmittedAtUtc).ThenByDescending(x => x.Id).ToListAsync(cancellationToken))
            .Select(x => new Row(x.Id, x.SubmittedAtUtc, x.Site, x.Channel, PersonalDataMasker.Mask(x.Text), x.Review?.RetainedForClu == true, x.Review?.Response))
            // A term found only inside a masked address or number must not reveal it.
            .Where(r => string.IsNullOrWhiteSpace(Search) || r.Text.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        Total = rows.Count;
        Rows = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        if (Staff.RegisterActor is { IsQualityTeam: true } actor && actor.PrefectureId == prefectureId)
        {
            Engaged = await plan.EngagedAsync(prefectureId, ActionOrigin.SurveySuggestion, cancellationToken);
        }
    }
}
