using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>A draft's overview: title, questions in order (move, remove, edit), languages and their completeness, preview and publication.</summary>
public class BrouillonModel(StaffUser staff, QuestionnaireEditing editing) : EditorPageModel(staff, editing)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Brouillon de questionnaire";
        return await LoadDraftAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostTitleAsync(int id, string? stamp, string? title, CancellationToken cancellationToken) =>
        await DoneAsync(id, await Editing.SaveTitleAsync(Actor, id, stamp, title, cancellationToken), "Titre enregistré dans le brouillon.", cancellationToken);

    public async Task<IActionResult> OnPostRefreshCoreAsync(int id, string? stamp, CancellationToken cancellationToken) =>
        await DoneAsync(id, await Editing.RefreshCoreAsync(Actor, id, stamp, cancellationToken), "Le brouillon reprend le questionnaire national tel qu’il est publié aujourd’hui ; vos questions locales sont conservées.", cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(int id, string? stamp, string? code, int direction, CancellationToken cancellationToken) =>
        await DoneAsync(id, await Editing.MoveQuestionAsync(Actor, id, stamp, code, direction, cancellationToken), "Ordre des questions enregistré dans le brouillon.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? stamp, string? code, CancellationToken cancellationToken) =>
        await DoneAsync(id, await Editing.RemoveQuestionAsync(Actor, id, stamp, code, cancellationToken), "Question retirée du brouillon.", cancellationToken);

    public async Task<IActionResult> OnPostAddLanguageAsync(int id, string? stamp, string? language, string? otherLanguage, CancellationToken cancellationToken) =>
        await DoneAsync(id, await Editing.AddLanguageAsync(Actor, id, stamp, language, otherLanguage, cancellationToken), "Langue ajoutée : traduisez le questionnaire.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveLanguageAsync(int id, string? stamp, string? language, CancellationToken cancellationToken) =>
        await DoneAsync(id, await Editing.RemoveLanguageAsync(Actor, id, stamp, language, cancellationToken), "Langue retirée du brouillon.", cancellationToken);

    public async Task<IActionResult> OnPostDiscardAsync(int id, string? stamp, CancellationToken cancellationToken)
    {
        var result = await Editing.DiscardAsync(Actor, id, stamp, cancellationToken);
        return await AfterChangeAsync(id, result, () =>
        {
            Done = "Brouillon supprimé : les versions publiées restent telles quelles.";
            return RedirectToPage(ListPage);
        }, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(int id, QuestionnaireEditing.Result result, string message, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Brouillon de questionnaire";
        return await AfterChangeAsync(id, result, () =>
        {
            Done = message;
            return RedirectToPage(new { id });
        }, cancellationToken);
    }
}
