using Microsoft.AspNetCore.Mvc;
using VoixUsager.Questionnaires;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Questionnaires;

/// <summary>
/// The publication's confirmation: what will change (new, reworded, removed questions and their codes),
/// which translations are incomplete and what the usager then sees, what is missing to publish at all.
/// </summary>
public class PublierModel(StaffUser staff, QuestionnaireEditing editing) : EditorPageModel(staff, editing)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Publier le questionnaire";
        if (await LoadDraftAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        foreach (var (field, message) in QuestionnaireEditingRules.PublishErrors(Draft.Draft.Title, Draft.Content))
        {
            Errors.TryAdd(field, message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? stamp, CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Publier le questionnaire";
        var result = await Editing.PublishAsync(Actor, id, stamp, cancellationToken);
        return await AfterChangeAsync(id, result, () =>
        {
            var version = ((QuestionnaireEditing.Result.Published)result).Version;
            Done = $"Version {version.VersionNumber} publiée. Les campagnes déjà créées gardent leur version ; choisissez celle-ci pour les prochaines.";
            return RedirectToPage("/Questionnaires/Version", new { versionId = version.Id });
        }, cancellationToken);
    }
}
