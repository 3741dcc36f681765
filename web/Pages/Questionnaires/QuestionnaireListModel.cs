using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>
/// The list of questionnaires with their versions and drafts, and the forms that open the editor: an
/// administrator's national ones, or a quality team's (with the national ones to read and build on).
/// </summary>
public abstract class QuestionnaireListModel(StaffUser staff, QuestionnaireEditing editing) : StaffPageModel
{
    public const string FromCore = "tronc-commun";
    public const string Empty = "vide";

    public IReadOnlyList<QuestionnaireEditing.QuestionnaireSummary> Questionnaires { get; private set; } = [];

    public bool IsAdministrator => staff.IsAdministrateur;

    [TempData]
    public string? Done { get; set; }

    public string? PostedTitle { get; private set; }

    public string? PostedOrigin { get; private set; }

    private EditorActor Actor => new(staff.Id, staff.Email, staff.PrefectureId, staff.IsAdministrateur);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>A new questionnaire: its title, and whether it starts as the national core or empty.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? title, string? origin, CancellationToken cancellationToken)
    {
        (PostedTitle, PostedOrigin) = (title, origin);
        if (origin is not (FromCore or Empty))
        {
            await LoadAsync(cancellationToken);
            return Invalid(new Dictionary<string, string> { ["origine"] = "Choisissez de partir du tronc commun national ou d’un questionnaire vide." });
        }

        var result = await editing.CreateAsync(Actor, title, origin == FromCore, cancellationToken);
        return await AnswerAsync(result, cancellationToken);
    }

    /// <summary>Opens the draft of a published questionnaire, started from its latest version if there is none.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? key, CancellationToken cancellationToken) =>
        await AnswerAsync(await editing.StartDraftAsync(Actor, key, cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(QuestionnaireEditing.Result result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case QuestionnaireEditing.Result.Done done:
                return RedirectToPage("/Questionnaires/Brouillon", new { id = done.DraftId });
            case QuestionnaireEditing.Result.Invalid invalid:
                await LoadAsync(cancellationToken);
                return Invalid(invalid.Errors);
            case QuestionnaireEditing.Result.Forbidden:
                return Forbid();
            case QuestionnaireEditing.Result.Stale:
                await LoadAsync(cancellationToken);
                return Invalid(new Dictionary<string, string> { [""] = QuestionnaireEditing.StaleMessage }, StatusCodes.Status409Conflict);
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Questionnaires";
        Questionnaires = await editing.ListAsync(Actor, cancellationToken);
    }
}
