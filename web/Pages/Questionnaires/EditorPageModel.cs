using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Hosting;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>
/// The editor's screens, shared by administrators (national questionnaires) and quality teams (their
/// préfecture's): the core service decides which drafts each may see and change.
/// </summary>
[Authorize(Policy = Policies.Resultats)]
public abstract class EditorPageModel(StaffUser staff, QuestionnaireEditing editing) : StaffPageModel
{
    protected QuestionnaireEditing Editing => editing;

    protected EditorActor Actor => new(staff.Id, staff.Email, staff.PrefectureId, staff.IsAdministrateur);

    public QuestionnaireEditing.DraftView Draft { get; private set; } = null!;

    /// <summary>The list the editor came from: the national questionnaires for an administrator, the préfecture's for a quality team.</summary>
    public string ListPage => staff.IsAdministrateur ? "/Administration/Questionnaires" : "/Qualite/Questionnaires/Index";

    [TempData]
    public string? Done { get; set; }

    /// <summary>Loads the draft, or the answer that refuses it (404 for another préfecture's, 403 for a quality team on a national one).</summary>
    protected async Task<IActionResult?> LoadDraftAsync(int id, CancellationToken cancellationToken)
    {
        var (refusal, view) = await editing.DraftAsync(Actor, id, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }

        Draft = view!;
        return null;
    }

    protected IActionResult Refuse(QuestionnaireEditing.Result result) => result switch
    {
        QuestionnaireEditing.Result.Forbidden => Forbid(),
        _ => NotFound(),
    };

    /// <summary>
    /// What a change answered: the next page when done; the refusal; or the page again, with the
    /// errors beside their fields, or with the stale-draft message (409) and nothing written.
    /// </summary>
    protected async Task<IActionResult> AfterChangeAsync(int id, QuestionnaireEditing.Result result, Func<IActionResult> done, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case QuestionnaireEditing.Result.Done or QuestionnaireEditing.Result.Published:
                return done();
            case QuestionnaireEditing.Result.NotFound or QuestionnaireEditing.Result.Forbidden:
                return Refuse(result);
        }

        if (await LoadDraftAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return result is QuestionnaireEditing.Result.Invalid invalid
            ? Invalid(invalid.Errors)
            : Invalid(new Dictionary<string, string> { [""] = QuestionnaireEditing.StaleMessage }, StatusCodes.Status409Conflict);
    }
}
