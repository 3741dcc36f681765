using Microsoft.AspNetCore.Mvc;
using VoixUsager.ActionPlan;
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

    /// <param name="Question">The question answered, when it is not the standard suggestion question.</param>
    public sealed record Row(long AnswerId, DateTime SubmittedAtUtc, string Site, SurveyChannel Channel, string Text, bool Retained, string? Response, string? Question = null);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>What was typed in a refused answer, shown again instead of the stored one.</summary>
    public Dictionary<long, string> Typed { get; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "retenues")]
    public bool RetainedOnly { get; set; }

    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Suggestions des usagers";
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Search is { Length: > 200 })
        {
            Errors["q"] = "La recherche doit compter 200 caractères au plus.";
        }

        if (VoixUsager.Web.Staff.PageNumberQuery.Read(Request) is { } number)
        {
            PageNumber = number;
        }
        else
        {
            Errors[VoixUsager.Web.Staff.PageNumberQuery.Name] = VoixUsager.Web.Staff.PageNumberQuery.Error;
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
        PageNumber = VoixUsager.Web.Staff.PageNumberQuery.Read(Request) ?? 1;
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
        return RedirectToPage(null, null, PrefectureRoute(new { numero = PageNumber }), $"suggestion-{answerId}");
    }

    /// <summary>The route values of another page of the same search, for asp-all-route-data.</summary>
    public IDictionary<string, string> PageRouteData(int pageNumber)
    {
        var route = PrefectureRouteData();
        if (!string.IsNullOrEmpty(Search))
        {
            route["q"] = Search;
        }

        if (RetainedOnly)
        {
            route["retenues"] = "true";
        }

        route["numero"] = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var prefectureId = PrefectureId;
        if (Staff.RegisterActor is { IsQualityTeam: true } actor && actor.PrefectureId == prefectureId)
        {
            Engaged = await plan.EngagedAsync(prefectureId, ActionOrigin.SurveySuggestion, cancellationToken);
        }

        var query = from a in Db.SurveyAnswers.AsNoTracking()
                    join q in Db.Questions on a.QuestionId equals q.Id
                    // Every free-text question's answers: a site's own questionnaire may ask for text beside the suggestion.
                    where q.Kind == QuestionKind.FreeText && a.Text != null && a.Response.Campaign.PrefectureId == prefectureId
                    select new
                    {
                        a.Id,
                        a.Response.SubmittedAtUtc,
                        Site = a.Response.Site.Name,
                        a.Response.Channel,
                        Text = a.Text!,
                        Review = Db.SuggestionReviews.FirstOrDefault(r => r.AnswerId == a.Id),
                        Question = q.Code == DefaultQuestionnaire.Codes.Suggestion ? null : q.Text,
                    };
        if (RetainedOnly)
        {
            query = query.Where(x => x.Review != null && x.Review.RetainedForClu);
        }

        var ordered = query.OrderByDescending(x => x.SubmittedAtUtc).ThenByDescending(x => x.Id);
        if (string.IsNullOrWhiteSpace(Search))
        {
            Total = await query.CountAsync(cancellationToken);
            Rows = (await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken))
                .Select(x => new Row(x.Id, x.SubmittedAtUtc, x.Site, x.Channel, PersonalDataMasker.Mask(x.Text), x.Review?.RetainedForClu == true, x.Review?.Response, x.Question))
                .ToList();
            return;
        }

        // The database keeps the texts that contain the term; only those are masked, to drop the ones
        // where the term is found only inside a masked address or number, which must not reveal it.
        var term = Search.Trim();
        var matching = new List<long>();
        await foreach (var candidate in ordered.Where(x => x.Text.Contains(term)).Select(x => new { x.Id, x.Text }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (PersonalDataMasker.Mask(candidate.Text).Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                matching.Add(candidate.Id);
            }
        }

        Total = matching.Count;
        var shown = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        Rows = (await ordered.Where(x => shown.Contains(x.Id)).ToListAsync(cancellationToken))
            .Select(x => new Row(x.Id, x.SubmittedAtUtc, x.Site, x.Channel, PersonalDataMasker.Mask(x.Text), x.Review?.RetainedForClu == true, x.Review?.Response, x.Question))
            .ToList();
    }
}
